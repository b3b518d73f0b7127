/**
 * `dist/tally.js`, the script-tag loader: small, and all a page loads until it shows a widget.
 * It upgrades `data-tally-widget` placeholders now and when `Tally.load(root)` is called,
 * exposes `window.Tally`, and defines each element the first time one appears in the page
 * (./embed/on-demand.ts), fetching that element's code then, with the code all widgets share
 * and, for a widget in Welsh, the Welsh messages. A page that uses no widget fetches nothing more.
 *
 * It imports no module the widgets use: everything it shares with them it fetches (the message
 * store, for `Tally.addMessages`), so no module is ever loaded twice, by two names.
 * `dist/tally.classic.js` (./embed/classic.ts) is the same API with every widget in one file.
 */
import { upgradePlaceholders } from './embed/loader.js';
import { firstOrSameRelease, installTally, type TallyGlobal } from './embed/global.js';
import { sightIn, watchForWidgets, type OnDemandHooks } from './embed/on-demand.js';
import type { MessageTable } from './i18n/message-store.js';

/**
 * Tally's version (src/version.ts), spelled out again: the loader imports no module the widgets'
 * chunks use, or that module would be fetched before any widget appears. test/build/package.test.ts
 * checks the built dist/tally.js against package.json.
 */
export const VERSION = '0.1.0';

type Store = typeof import('./i18n/message-store.js');

let store: Store | undefined;
let storeLoading: Promise<Store> | undefined;
/** The message store, in the chunk every widget shares: fetched beside the first widget's own code. */
function loadStore(): Promise<Store> {
  return (storeLoading ??= import('./i18n/message-store.js').then((module) => (store = module)));
}

/**
 * Built-in languages other than English, by language: fetched beside the element's code when the
 * loader sees a widget speaking one (each element also asks for it when it first needs it).
 */
const LANGUAGES: Readonly<Record<string, () => Promise<unknown>>> = {
  cy: () => import('./components/shared/welsh.js'),
};

const hooks: OnDemandHooks = {
  shared: () => void loadStore().catch(() => undefined),
  locale: (locale) => {
    const language = locale.trim().toLowerCase().split(/[-_]/)[0]!;
    if (Object.hasOwn(LANGUAGES, language)) void LANGUAGES[language]!().catch(() => undefined);
    void loadStore().then(
      (messages) => messages.loadLocale(locale),
      () => undefined,
    );
  },
};

/** `Tally.addMessages`: at once when the store is here, else as soon as it arrives (before any widget renders). */
function addMessages(locale: string, messages: MessageTable): void {
  if (store) return store.addMessages(locale, messages);
  loadStore().then(
    (loaded) => loaded.addMessages(locale, messages),
    (error: unknown) =>
      console.error(
        `[tally] addMessages("${locale}"): the message code did not load (${error instanceof Error ? error.message : String(error)})`,
      ),
  );
}

function load(root: ParentNode = document): HTMLElement[] {
  const created = upgradePlaceholders(root);
  sightIn(root, hooks);
  return created;
}

const api: TallyGlobal = { version: VERSION, load, addMessages };
if (typeof window !== 'undefined' && firstOrSameRelease(VERSION)) {
  watchForWidgets(document, hooks);
  installTally(api);
}

export type { TallyGlobal };
export { api as Tally };
