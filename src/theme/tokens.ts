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
  readonly value: string;
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

/** Type and shape, the same in both schemes. */
export const VALUE_TOKENS: readonly ValueToken[] = [
  { name: 'font', private: '--_font', value: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
  { name: 'font-size', private: '--_font-size', value: '1rem' },
  { name: 'font-size-small', private: '--_font-size-small', value: '0.875rem' },
  { name: 'font-size-large', private: '--_font-size-large', value: '1.25rem' },
  { name: 'radius', private: '--_radius', value: '4px' },
  { name: 'spacing', private: '--_space', value: '0.5rem' },
];

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
  unsafeCSS(COLOUR_TOKENS.map((token) => `${token.private}: var(${publicToken(token.name)}, ${token[scheme]});`).join('\n'));
const values = unsafeCSS(VALUE_TOKENS.map((token) => `${token.private}: var(${publicToken(token.name)}, ${token.value});`).join('\n'));
const light = colours('light');
const dark = colours('dark');

export const tokens = css`
  :host {
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
