/**
 * The public design tokens (`--tally-*`), one set for every widget, with light and dark
 * defaults. On each widget's host they map onto private tokens (`--_*`), and widgets style
 * themselves only through the private ones, so the public surface stays small and stable.
 *
 * The tables below are the single source: the CSS is generated from them, the contrast tests
 * check every pair of colours that text or controls really use, and docs/theming.md lists
 * every token with what it colours (a test keeps the names and values in step; the words stay
 * in the docs, out of the bundle).
 *
 * `theme="light|dark"` forces a scheme; without it (or with `theme="auto"`) the reader's
 * `prefers-color-scheme` decides. A host page that overrides a colour for one scheme sets it
 * inside its own dark-mode selector (see docs/theming.md).
 *
 * Sizes: every length inside a widget is a multiple of one base, `--tally-font-size`, never of
 * the host page's root font size. News sites often set `html { font-size: 62.5% }` (so that
 * 1rem is 10px), which would shrink `rem`-sized widgets to 8–10px text. The default base,
 * `medium`, is the reader's own default font size (16px unless they changed it in their
 * browser's settings), whatever the page's root says; browser zoom scales it like everything
 * else. The host element's font size is the base, set from inside with `!important` so that a
 * page stylesheet reaches it only through the token; `--_tally-rem`, registered as a `<length>`
 * (`registerBaseUnit`), turns it into pixels once on the host and inherits them, so
 * `calc(0.5 * var(--_rem))` is half the base on any element inside, whatever that element's own
 * font size. Where the registration is missing (no `CSS.registerProperty`), `--_rem` stays
 * `1em` of each element: close, and never the page's root.
 */
import { css, unsafeCSS } from 'lit';

export interface ColourToken {
  /** The public name without its prefix: `text` is `--tally-text`. */
  readonly name: string;
  /** The private token the widgets read: `--_text`. */
  readonly private: string;
  readonly light: string;
  readonly dark: string;
}

export interface ValueToken {
  readonly name: string;
  readonly private: string;
  /** The default, as CSS. */
  readonly value: string;
  /** The default as docs/theming.md states it, when the CSS says it less plainly. */
  readonly documented?: string;
}

/** Colours, light and dark. Every pair that carries text is checked for 4.5:1 in both schemes. */
export const COLOUR_TOKENS: readonly ColourToken[] = [
  { name: 'text', private: '--_text', light: '#1a1a1a', dark: '#f0f0f0' },
  { name: 'muted', private: '--_muted', light: '#5c5c5c', dark: '#b8b8b8' },
  { name: 'background', private: '--_background', light: '#ffffff', dark: '#161616' },
  { name: 'surface', private: '--_surface', light: '#f3f3f3', dark: '#242424' },
  { name: 'border', private: '--_border', light: '#8a8a8a', dark: '#8f8f8f' },
  { name: 'divider', private: '--_divider', light: '#dcdcdc', dark: '#3a3a3a' },
  { name: 'focus', private: '--_focus', light: '#0b57d0', dark: '#8ab4f8' },
  { name: 'accent', private: '--_accent', light: '#0b57d0', dark: '#8ab4f8' },
  { name: 'up', private: '--_up', light: '#0a6b2c', dark: '#6fdc8c' },
  { name: 'down', private: '--_down', light: '#b3261e', dark: '#ff8a80' },
  { name: 'highlight', private: '--_highlight', light: '#fff4c2', dark: '#4a3f00' },
  { name: 'watermark', private: '--_watermark', light: '#b3261e', dark: '#ff8a80' },
  { name: 'pattern', private: '--_pattern', light: 'rgba(0, 0, 0, 0.28)', dark: 'rgba(255, 255, 255, 0.3)' },
];

/** The base of every size in a widget when the host sets no `--tally-font-size`: the reader's default. */
export const BASE_FONT_SIZE = 'medium';

/** The registered property that carries the base in pixels (see above); global, hence the long name. */
export const BASE_UNIT_PROPERTY = '--_tally-rem';

/** A length of `times` the base: `calc(0.875 * var(--_rem))`. */
const base = (times: number) => `calc(${times} * var(--_rem))`;

/** Type and shape, the same in both schemes. */
export const VALUE_TOKENS: readonly ValueToken[] = [
  {
    name: 'font',
    private: '--_font',
    value: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  // The base itself: the host's font size (below); inside, body text is the base in pixels.
  { name: 'font-size', private: '--_font-size', value: BASE_FONT_SIZE },
  { name: 'font-size-small', private: '--_font-size-small', value: base(0.875), documented: '0.875 × base' },
  { name: 'font-size-large', private: '--_font-size-large', value: base(1.25), documented: '1.25 × base' },
  { name: 'radius', private: '--_radius', value: '4px' },
  { name: 'spacing', private: '--_space', value: base(0.5), documented: '0.5 × base' },
];

/**
 * Register `--_tally-rem` as an inherited `<length>`, once per page (a second copy or version
 * of Tally finds it registered and leaves it). Without a DOM (server rendering) it does nothing.
 */
export function registerBaseUnit(): void {
  if (typeof CSS === 'undefined' || typeof CSS.registerProperty !== 'function') return;
  try {
    CSS.registerProperty({ name: BASE_UNIT_PROPERTY, syntax: '<length>', inherits: true, initialValue: '16px' });
  } catch {
    // Registered already, by this copy or another: the same definition.
  }
}

/** `--tally-text` for `text`. */
export const publicToken = (name: string): string => `--tally-${name}`;

/** The default of a colour token in one scheme. */
export function tokenColour(name: string, scheme: 'light' | 'dark'): string {
  const token = COLOUR_TOKENS.find((candidate) => candidate.name === name);
  if (!token) throw new Error(`no colour token "${name}"`);
  return token[scheme];
}

// The declarations are built from the constant tables above, never from input.
const colours = (scheme: 'light' | 'dark') =>
  unsafeCSS(
    COLOUR_TOKENS.map((token) => `${token.private}: var(${publicToken(token.name)}, ${token[scheme]});`).join('\n'),
  );
const values = unsafeCSS(
  VALUE_TOKENS.map((token) =>
    token.name === 'font-size'
      ? `${token.private}: var(--_rem);`
      : `${token.private}: var(${publicToken(token.name)}, ${token.value});`,
  ).join('\n'),
);
const light = colours('light');
const dark = colours('dark');
// Whole declarations, so that the build's CSS minifier reads the template as CSS (vite.templates.ts).
const baseSize = unsafeCSS(
  `font-size: var(--tally-font-size, ${BASE_FONT_SIZE}) !important; ${BASE_UNIT_PROPERTY}: 1em; --_rem: var(${BASE_UNIT_PROPERTY});`,
);

export const tokens = css`
  :host {
    ${baseSize}
    ${light}
    ${values}
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
`;
