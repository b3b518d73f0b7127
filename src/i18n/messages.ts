/**
 * Messages: the store (`./message-store.ts`: look-up, plurals, fallbacks, `addMessages`) with
 * the shared British English table in it, and the type of every message key.
 *
 * Keys are typed: `translate(locale, 'status.recount')` names a key of some British English
 * table, or the code does not compile; and each Welsh table is a `Translation` of its English
 * one, so a message missing in either language is a type error, not a test over source text.
 * Each element's table adds its keys to `MessageKeyRegistry` from its own `messages.ts` (this
 * layer imports nothing of the elements).
 */
import { addMessages, translate as translateAny, type MessageParams } from './message-store.js';
import { enGB } from './locales/en-GB.js';

export * from './message-store.js';

/** The keys of the shared table (statuses, outcomes, sentences, the feed's status line…). */
export type SharedMessageKey = keyof typeof enGB;

/**
 * The keys of every table, by table. An element's `messages.ts` adds its own:
 * `declare module '…/i18n/messages.js' { interface MessageKeyRegistry { seatBar: SeatBarMessageKey } }`.
 */
export interface MessageKeyRegistry {
  shared: SharedMessageKey;
}

/** Every message key: the shared table's and each element's. */
export type MessageKey = MessageKeyRegistry[keyof MessageKeyRegistry];

/** Look a message up and fill in its placeholders (the store's `translate`, with the key typed). */
export const translate: (locale: string, key: MessageKey, params?: MessageParams) => string = translateAny;

/** A translator bound to one locale: `t('status.awaiting')`. */
export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: string): Translator {
  return (key, params) => translateAny(locale, key, params);
}

addMessages('en-GB', enGB);
