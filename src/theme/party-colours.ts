/**
 * Party colours. Resolution order: a `--tally-party-<id>` CSS custom property set by the host
 * page, then the feed's colour (its dark variant in dark mode), then the built-in default
 * below, then the default for "other". The built-in palette covers UK parties and the
 * control states; every entry has a dark-mode value.
 */
import { isFeedColour } from '../feed/sanitise.js';
import type { Feed, Party } from '../feed/schema.js';
import { scaleOrdinal } from 'd3-scale';

export type ThemeName = 'light' | 'dark';

interface PaletteEntry {
  readonly light: string;
  readonly dark: string;
}

const same = (colour: string): PaletteEntry => ({ light: colour, dark: colour });

/** Built-in colours by party id (and the reserved ids "noc", "other", "undeclared"). */
export const DEFAULT_PARTY_COLOURS: Readonly<Record<string, PaletteEntry>> = {
  con: same('#0087DC'),
  lab: { light: '#E4003B', dark: '#FF3355' },
  ld: same('#FAA61A'),
  green: same('#02A95B'),
  snp: same('#FDF38E'),
  pc: { light: '#005B54', dark: '#2E9C8F' },
  ukip: { light: '#6D3177', dark: '#A35DB0' },
  brx: same('#12B6CF'),
  reform: same('#12B6CF'),
  dup: same('#D46A4C'),
  sf: { light: '#326760', dark: '#4E9C90' },
  sdlp: same('#2AA82C'),
  uup: same('#48A5EE'),
  apni: same('#F6CB2F'),
  alliance: same('#F6CB2F'),
  lib: same('#EB7A43'),
  res: { light: '#7B5EA7', dark: '#A58BD0' },
  ind: { light: '#8C8C8C', dark: '#A6A6A6' },
  spk: { light: '#4D4D4D', dark: '#C8C8C8' },
  oth: { light: '#9E9E9E', dark: '#7A7A7A' },
  other: { light: '#9E9E9E', dark: '#7A7A7A' },
  noc: { light: '#C4C4C4', dark: '#5A5A5A' },
  undeclared: { light: '#EDEDED', dark: '#2A2A2A' },
};

/** The built-in palette entry for an id, if it has one of its own (a party called "constructor" has not). */
function builtIn(id: string): PaletteEntry | undefined {
  return Object.hasOwn(DEFAULT_PARTY_COLOURS, id) ? DEFAULT_PARTY_COLOURS[id] : undefined;
}

/** The built-in colour for an id, or for "other" when there is none. */
export function defaultPartyColour(id: string, theme: ThemeName): string {
  return (builtIn(id) ?? DEFAULT_PARTY_COLOURS.other!)[theme];
}

/**
 * Distinct colours for parties that have none of their own (no CSS override, no feed colour, no
 * built-in entry): without them every unknown party in another country's election would be the
 * same grey. Mid-tones that read with black or white labels, in light and dark schemes alike.
 */
export const FALLBACK_PARTY_COLOURS: readonly string[] = [
  '#4E79A7',
  '#F28E2B',
  '#59A14F',
  '#B07AA1',
  '#76B7B2',
  '#EDC948',
  '#9C755F',
  '#FF9DA7',
  '#E15759',
  '#86BCB6',
];

const fallbacks = new WeakMap<Feed, (id: string) => string | undefined>();

/**
 * The fallback colour of a party the feed lists without a colour and the built-in palette does
 * not know, or undefined. d3-scale's ordinal scale hands the colours out in the feed's party
 * order, so a party keeps its colour from one update to the next (feeds are immutable, so the
 * scale is made once per feed).
 */
export function fallbackPartyColour(feed: Feed, id: string): string | undefined {
  let lookup = fallbacks.get(feed);
  if (!lookup) {
    const uncoloured = feed.parties
      .filter((party) => !isFeedColour(party.colour) && !builtIn(party.id))
      .map((party) => party.id);
    const scale = scaleOrdinal<string, string>().domain(uncoloured).range(FALLBACK_PARTY_COLOURS);
    const known = new Set(uncoloured);
    // An ordinal scale adds unknown values to its domain: ask it only about parties it was given.
    lookup = (party) => (known.has(party) ? scale(party) : undefined);
    fallbacks.set(feed, lookup);
  }
  return lookup(id);
}

/**
 * The colour for one party: `cssValue` (from `--tally-party-<id>`, already read by the
 * caller), else the feed's colour, else the built-in colour for the id, else `fallback` (see
 * `fallbackPartyColour`), else the colour for "other".
 */
export function resolvePartyColour(
  id: string,
  theme: ThemeName,
  party?: Pick<Party, 'colour' | 'colourDark'>,
  cssValue?: string,
  fallback?: string,
): string {
  const css = cssValue?.trim();
  if (css) return css;
  const fromFeed = theme === 'dark' ? (party?.colourDark ?? party?.colour) : party?.colour;
  if (isFeedColour(fromFeed)) return fromFeed;
  if (!builtIn(id) && fallback) return fallback;
  return defaultPartyColour(id, theme);
}

/** The CSS custom property a host page sets to override a party colour. */
export function partyColourProperty(id: string): string {
  return `--tally-party-${id}`;
}
