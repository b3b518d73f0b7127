/**
 * The message store: every user-visible string, per locale. A message is a template with
 * `{name}` placeholders, or a set of plural forms chosen by `Intl.PluralRules` on `{count}`.
 *
 * Look-up order: the exact locale ("cy-GB"), its language ("cy"), then en-GB. A missing key
 * falls back to English, never to the key name. Components add their own keys with
 * `addMessages`; a developer adds a whole locale the same way, without rebuilding.
 *
 * The tables themselves are elsewhere: British English comes with the code that uses it
 * (`./messages.ts` and each element's `messages.ts`); Welsh (`./locales/cy.ts` and each element's
 * `messages.cy.ts`) is fetched the first time a widget speaks it (`addLocaleLoader` below), so a
 * page that never shows Welsh never downloads it. This module holds no table.
 */

/** Plural forms as named by `Intl.PluralRules`; `other` is always required. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralMessage;
export type MessageTable = Readonly<Record<string, Message>>;
/** A translation of a table whose keys are `Key`: each of them, and no other (checked by the compiler). */
export type Translation<Key extends string> = { readonly [key in Key]: Message };
export type MessageParams = Readonly<Record<string, string | number>>;

export const DEFAULT_LOCALE = 'en-GB';

const tables = new Map<string, Record<string, Message>>();

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

function isMessage(value: unknown): value is Message {
  if (typeof value === 'string') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    typeof (value as { other?: unknown }).other === 'string' &&
    entries.every(([form, text]) => (PLURAL_FORMS as readonly string[]).includes(form) && typeof text === 'string')
  );
}

/**
 * Add or override messages for a locale. Later calls win, so a host page can reword any
 * message, and a new locale needs only the keys it translates: every other key falls back to
 * the language ("cy" for "cy-GB"), then to British English. Widgets already on the page show
 * the new words at once.
 *
 * A message is a string with `{name}` placeholders, or plural forms chosen by
 * `Intl.PluralRules` on `{count}`: `{ one: '{count} seat', other: '{count} seats' }` (`other`
 * is required). Anything else is left out with a console warning naming the key.
 */
export function addMessages(locale: string, messages: MessageTable): void {
  if (typeof locale !== 'string' || locale.trim() === '' || !isLanguageTag(locale)) {
    console.warn(`[tally] addMessages: ${JSON.stringify(locale)} is not a language tag ("fr", "cy-GB")`);
    return;
  }
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) {
    console.warn(
      `[tally] addMessages("${locale}"): messages must be an object, not ${messages === null ? 'null' : Array.isArray(messages) ? 'an array' : typeof messages}`,
    );
    return;
  }
  const accepted: Record<string, Message> = {};
  const rejected: string[] = [];
  for (const [key, message] of Object.entries(messages)) {
    if (isMessage(message)) accepted[key] = message;
    else rejected.push(key);
  }
  if (rejected.length > 0) {
    console.warn(
      `[tally] addMessages("${locale}"): left out ${rejected.map((key) => `"${key}"`).join(', ')} (a message is a string, or plural forms with "other")`,
    );
  }
  const key = normaliseLocale(locale);
  tables.set(key, { ...(tables.get(key) ?? {}), ...accepted });
  changed();
}

/** BCP 47 in the shape browsers accept: "cy", "cy-GB", "zh-Hant-TW", "ar-XB". */
function isLanguageTag(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale.trim()).length === 1;
  } catch {
    return false;
  }
}

let version = 0;
const listeners = new Set<() => void>();
let notifying = false;

/** Tell listeners once per task, however many tables were added in it. */
function changed(): void {
  version += 1;
  if (notifying || listeners.size === 0) return;
  notifying = true;
  queueMicrotask(() => {
    notifying = false;
    for (const listener of [...listeners]) listener();
  });
}

/** Increases whenever a message is added: part of the cache key of anything built from messages. */
export function messagesVersion(): number {
  return version;
}

/** Call `listener` after messages change (once per burst of `addMessages` calls); returns a function that stops it. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The messages a locale has of its own (no fallbacks), as added: for tests and tools. */
export function ownMessages(locale: string): MessageTable {
  return { ...(tables.get(normaliseLocale(locale)) ?? {}) };
}

/** Locales with at least one message of their own. */
export function availableLocales(): string[] {
  return [...tables.keys()];
}

/** The keys of the default (English) table: the complete set every locale may translate. */
export function messageKeys(): string[] {
  return Object.keys(tables.get(normaliseLocale(DEFAULT_LOCALE)) ?? {});
}

function normaliseLocale(locale: string): string {
  return locale.trim().toLowerCase();
}

/** "cy-GB" → ["cy-gb", "cy", "en-gb", "en"]. */
const chains = new Map<string, readonly string[]>();
/** Made once per locale: `translate` runs thousands of times in one render of a large feed. */
function chain(locale: string): readonly string[] {
  let out = chains.get(locale);
  if (out) return out;
  const tag = normaliseLocale(locale || DEFAULT_LOCALE);
  const candidates = [tag];
  const language = tag.split('-')[0]!;
  if (language !== tag) candidates.push(language);
  for (const fallback of [normaliseLocale(DEFAULT_LOCALE), 'en'])
    if (!candidates.includes(fallback)) candidates.push(fallback);
  chains.set(locale, (out = candidates));
  return out;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules(DEFAULT_LOCALE);
    }
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * Tables fetched when a widget first speaks their language: each table's module adds itself
 * (`addLocaleLoader('cy', () => import('./messages.cy.js'))` beside its English table), so a page
 * that never shows Welsh never downloads it. A loader added for a language already asked for
 * starts at once (an element whose code arrives after the page asked for Welsh).
 */
interface LocaleLoader {
  readonly load: () => Promise<unknown>;
  loading: Promise<void> | undefined;
}

const localeLoaders = new Map<string, LocaleLoader[]>();
/** Languages asked for (by `loadLocale`, or by `translate` meeting them). */
const wantedLocales = new Set<string>();
/** Locales `translate` has already asked for (it runs thousands of times in one render). */
const askedFor = new Set<string>();

function startLoader(language: string, loader: LocaleLoader): Promise<void> {
  loader.loading ??= loader.load().then(
    () => undefined,
    (error: unknown) => {
      // Tried again on the next `loadLocale`; meanwhile English stands in.
      loader.loading = undefined;
      console.error(
        `[tally] the "${language}" messages did not load, so widgets show British English (${error instanceof Error ? error.message : String(error)})`,
      );
    },
  );
  return loader.loading;
}

/** Fetch a table of `locale` (a language: "cy") when it is first needed. */
export function addLocaleLoader(locale: string, load: () => Promise<unknown>): void {
  const language = normaliseLocale(locale);
  const loader: LocaleLoader = { load, loading: undefined };
  localeLoaders.set(language, [...(localeLoaders.get(language) ?? []), loader]);
  if (wantedLocales.has(language)) void startLoader(language, loader);
}

/**
 * Fetch the tables `locale` falls back through ("cy-GB" needs "cy") that are not loaded yet; the
 * promise settles once they are added (widgets already on the page then update). A table that
 * fails to load leaves English in its place and says so on the console.
 */
export function loadLocale(locale: string): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const language of chain(locale)) {
    wantedLocales.add(language);
    for (const loader of localeLoaders.get(language) ?? []) waits.push(startLoader(language, loader));
  }
  return Promise.all(waits).then(() => undefined);
}

/** Look a message up and fill in its placeholders. */
export function translate(locale: string, key: string, params: MessageParams = {}): string {
  if (!askedFor.has(locale)) {
    askedFor.add(locale);
    void loadLocale(locale);
  }
  for (const candidate of chain(locale)) {
    const message = tables.get(candidate)?.[key];
    if (message === undefined) continue;
    const template =
      typeof message === 'string'
        ? message
        : (message[pluralCategory(candidate, Number(params.count ?? 0))] ?? message.other);
    return interpolate(template, params);
  }
  // Every key used in the code exists in en-GB (a test checks this); reaching here is a bug,
  // so say so once and show nothing rather than a key name.
  warnMissing(key);
  return '';
}

const warned = new Set<string>();
function warnMissing(key: string) {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[tally] missing message "${key}"`);
}

function interpolate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
