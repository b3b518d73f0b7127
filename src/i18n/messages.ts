/**
 * Message tables: every user-visible string, per locale. A message is a template with
 * `{name}` placeholders, or a set of plural forms chosen by `Intl.PluralRules` on `{count}`.
 *
 * Look-up order: the exact locale ("cy-GB"), its language ("cy"), then en-GB. A missing key
 * falls back to English, never to the key name. Components add their own keys with
 * `addMessages`; a developer adds a whole locale the same way, without rebuilding.
 */
import { enGB } from './locales/en-GB.js';
import { cy } from './locales/cy.js';

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
export type MessageParams = Readonly<Record<string, string | number>>;

export const DEFAULT_LOCALE = 'en-GB';

const tables = new Map<string, Record<string, Message>>();

/**
 * Add or override messages for a locale. Later calls win, so a host page can reword any
 * message, and a new locale needs only the keys it translates.
 */
export function addMessages(locale: string, messages: MessageTable): void {
  const key = normaliseLocale(locale);
  tables.set(key, { ...(tables.get(key) ?? {}), ...messages });
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
function chain(locale: string): string[] {
  const tag = normaliseLocale(locale || DEFAULT_LOCALE);
  const out = [tag];
  const language = tag.split('-')[0]!;
  if (language !== tag) out.push(language);
  for (const fallback of [normaliseLocale(DEFAULT_LOCALE), 'en']) if (!out.includes(fallback)) out.push(fallback);
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

/** Look a message up and fill in its placeholders. */
export function translate(locale: string, key: string, params: MessageParams = {}): string {
  for (const candidate of chain(locale)) {
    const message = tables.get(candidate)?.[key];
    if (message === undefined) continue;
    const template =
      typeof message === 'string'
        ? message
        : message[pluralCategory(candidate, Number(params.count ?? 0))] ?? message.other;
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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one locale: `t('status.awaiting')`. */
export type Translator = (key: string, params?: MessageParams) => string;

export function translator(locale: string): Translator {
  return (key, params) => translate(locale, key, params);
}

addMessages('en-GB', enGB);
addMessages('cy', cy);
