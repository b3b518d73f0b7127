/**
 * Language tags as pages and feeds write them, made into tags every `Intl` API and
 * `toLocaleUpperCase` accept. A page with `<html lang="en_GB">` (a real mistake on real sites)
 * made the party table throw "Invalid language tag"; `lang=constructor` reached look-ups by
 * language. Every language tag Tally uses goes through `canonicalLocale` first.
 */
import { DEFAULT_LOCALE } from './messages.js';

const canonical = new Map<string, string>();

/**
 * The canonical form of a language tag: "en_GB" (POSIX style) and "EN-gb" are "en-GB",
 * " cy " is "cy". Anything that is not a well-formed BCP 47 tag ("constructor", "__proto__",
 * "en--GB", "", a number) is the default, en-GB. A tag Intl has no data for stays as it is:
 * the message tables and `safeLocale` fall back from it.
 */
export function canonicalLocale(tag: unknown): string {
  if (typeof tag !== 'string') return DEFAULT_LOCALE;
  let answer = canonical.get(tag);
  if (answer === undefined) {
    answer = DEFAULT_LOCALE;
    const candidate = tag.trim().replace(/_/g, '-');
    try {
      if (candidate !== '') answer = Intl.getCanonicalLocales(candidate)[0] ?? DEFAULT_LOCALE;
    } catch {
      // Not a language tag: the default.
    }
    // Tags come from pages and feeds: a bounded memo, not a record of everything ever seen.
    if (canonical.size >= 256) canonical.clear();
    canonical.set(tag, answer);
  }
  return answer;
}
