/**
 * Entry of `dist/tally.classic.js`, the script-tag bundle for CMSs that only take a classic
 * `<script>` (no module scripts, so nothing can be fetched on demand): every element in one file,
 * registered at once, and the same `window.Tally` as the loader (`dist/tally.js`). Imported for
 * its effects only, so the IIFE defines no global besides `window.Tally`.
 */
import { VERSION } from '../version.js';
import { upgradePlaceholders } from './loader.js';
import { firstOrSameRelease, installTally } from './global.js';
import { addMessages } from '../i18n/messages.js';
import { WIDGET_CODE } from './widgets.js';

if (firstOrSameRelease(VERSION)) {
  // The same list as the loader's; in this build every import() is part of the one file.
  for (const code of Object.values(WIDGET_CODE)) void code();
  installTally({ version: VERSION, load: (root = document) => upgradePlaceholders(root), addMessages });
}
