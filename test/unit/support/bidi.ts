/**
 * Expected text with isolated feed names, written readably: `iso('⟨Con⟩ gain from ⟨Lab⟩')` is
 * "Con gain from Lab" with each name between U+2068 and U+2069 (src/i18n/bidi.ts).
 */
export const iso = (text: string): string => text.replace(/⟨/g, '\u2068').replace(/⟩/g, '\u2069');
