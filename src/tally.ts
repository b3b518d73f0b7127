/**
 * The script-tag bundle (`dist/tally.js`, and `dist/tally.classic.js` for CMSs that only take a
 * classic script): registers every element, upgrades `data-tally-widget` placeholders now and
 * when `Tally.load(root)` is called, and exposes `window.Tally`. Loading it twice, or beside
 * another version, is harmless: registration is guarded and the first `window.Tally` stays.
 */
// First: Lit's hydration support, so that an element arriving with server-rendered markup
// (renderWidget, `tally render`, `tally publish --pages`) takes over its nodes instead of
// drawing them again. It must run before LitElement is defined (docs/static-rendering.md).
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './components/seat-bar/register.js';
import './components/party-table/register.js';
import './components/council-list/register.js';
import './components/ticker/register.js';
import './components/area-result/register.js';
import { VERSION } from './version.js';
import { upgradePlaceholders } from './embed/loader.js';
import { addMessages, type MessageTable } from './i18n/messages.js';

export interface TallyGlobal {
  readonly version: string;
  /** Upgrade placeholders under `root` (the whole document by default) that are not upgraded yet. */
  load(root?: ParentNode): HTMLElement[];
  /**
   * Add a language, or reword messages, without rebuilding: `Tally.addMessages('fr', {...})`.
   * Keys left out fall back to English; widgets already on the page update (docs/languages.md).
   */
  addMessages(locale: string, messages: MessageTable): void;
}

declare global {
  interface Window {
    Tally?: TallyGlobal;
  }
}

const api: TallyGlobal = { version: VERSION, load: (root = document) => upgradePlaceholders(root), addMessages };
if (typeof window !== 'undefined') {
  window.Tally ??= api;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => api.load(), { once: true });
  else api.load();
}

export { api as Tally, VERSION };
