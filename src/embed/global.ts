/**
 * `window.Tally`, as both script-tag builds install it: the loader (`dist/tally.js`, ../tally.ts)
 * and the classic bundle (`dist/tally.classic.js`, ./classic.ts). Loading either twice, or beside
 * another version, is harmless: the first `window.Tally` stays.
 */
import type { MessageTable } from '../i18n/message-store.js';

export interface TallyGlobal {
  readonly version: string;
  /**
   * Upgrade placeholders under `root` (the whole document by default) that are not upgraded yet,
   * and fetch the code of any element there not defined yet; returns the elements created.
   */
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

/** Make `api` the page's `window.Tally` (unless one is there) and run `api.load()` once the document is parsed. */
export function installTally(api: TallyGlobal): void {
  if (typeof window === 'undefined') return;
  window.Tally ??= api;
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => api.load(), { once: true });
  else api.load();
}
