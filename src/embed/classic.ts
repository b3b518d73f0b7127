/**
 * Entry of `dist/tally.classic.js`, the script-tag bundle for CMSs that only take a classic
 * `<script>`: the same as `dist/tally.js`, imported for its effects only, so the IIFE defines
 * no global besides `window.Tally`.
 */
import '../tally.js';
