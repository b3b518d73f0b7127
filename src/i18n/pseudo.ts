/**
 * Pseudo-locales: a message table turned into one that is still readable by an English
 * speaker but looks foreign to the layout, to check a widget before real translations exist.
 *
 * - `mirror` (as Chromium's `ar-XB`): each run of words is shown right to left with a
 *   right-to-left override, and the message starts with a right-to-left mark. With `dir="rtl"`
 *   on the page this shows whether a widget lays out from the right.
 * - `pad` (as `en-XA`): letters accented and every message longer by the given share, for
 *   languages that need more room than English (German, Welsh, Finnish run 30% longer).
 *
 * Either way each message is bracketed, ⟦like this⟧, so any text on screen without brackets
 * did not come from the message tables (a hard-coded string, or the feed's own words).
 * Placeholders (`{party}`) are left as they are: the feed's names and the numbers stay
 * readable. Usage:
 *
 *   addMessages('ar-XB', pseudoLocalise(ownMessages('en-GB'), { mirror: true }));
 *   <div dir="rtl" lang="ar-XB"><tally-seat-bar …></tally-seat-bar></div>
 */
import type { Message, MessageTable } from './messages.js';

export interface PseudoOptions {
  /** Right to left (RLM + RLO … PDF around each run of text). */
  readonly mirror?: boolean;
  /** Accent letters and lengthen each message by this share (0.3: 30% longer). */
  readonly pad?: number;
}

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
const RLM = '\u200F';
const RLO = '\u202E';
const PDF = '\u202C';

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  y: 'ý',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  z: 'ž',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  Y: 'Ý',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Z: 'Ž',
};

function pseudoText(template: string, options: PseudoOptions): string {
  // Split around placeholders; only the text between them changes.
  const pieces = template.split(/(\{\w+\})/);
  const changed = pieces.map((piece) => {
    if (/^\{\w+\}$/.test(piece) || piece === '') return piece;
    let text = piece;
    if (options.pad) text = [...text].map((char) => ACCENTS[char] ?? char).join('');
    return options.mirror ? `${RLO}${text}${PDF}` : text;
  });
  let body = changed.join('');
  if (options.pad) {
    const letters = template.replace(/\{\w+\}/g, '').length;
    body += ' ' + '~'.repeat(Math.max(1, Math.round(letters * options.pad)));
  }
  return `${options.mirror ? RLM : ''}${PSEUDO_OPEN}${body}${PSEUDO_CLOSE}`;
}

/** The whole table in a pseudo-locale; plural forms each transformed. */
export function pseudoLocalise(table: MessageTable, options: PseudoOptions = { mirror: true }): MessageTable {
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(table)) {
    out[key] =
      typeof message === 'string'
        ? pseudoText(message, options)
        : (Object.fromEntries(
            Object.entries(message).map(([form, text]) => [form, pseudoText(text, options)]),
          ) as unknown as Message);
  }
  return out;
}
