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

/**
 * Whether this copy of Tally may work on the page: it is the first, or the same release as the
 * first. A copy of another release does nothing (fetches, defines and upgrades nothing), so the
 * first release's elements stay whichever copy's code would arrive first, and says so once per
 * page and version. The record is the one src/components/shared/define.ts keeps (a global
 * symbol: this module is not in the widgets' shared code), so the warning is not repeated there.
 */
export function firstOrSameRelease(version: string): boolean {
  if (typeof window === 'undefined') return true;
  const existing = window.Tally?.version;
  if (existing === undefined || existing === version) return true;
  const holder = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const record = (holder[Symbol.for('tally.element-versions')] ??= new Map());
  if (!record.has(`warned:${version}`)) {
    record.set(`warned:${version}`, 'window.Tally');
    console.warn(
      `[tally] Tally ${existing} is already on this page, so this copy (${version}) is not used: load one version of Tally per page.`,
    );
  }
  return false;
}

/** Make `api` the page's `window.Tally` (unless one is there) and run `api.load()` once the document is parsed. */
export function installTally(api: TallyGlobal): void {
  if (typeof window === 'undefined') return;
  window.Tally ??= api;
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => api.load(), { once: true });
  else api.load();
}
