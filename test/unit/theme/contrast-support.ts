/**
 * The colour pairs the widgets really draw, and how to check a set of token colours against
 * them: used for the default tokens (tokens.test.ts) and for example themes (themes.test.ts).
 */
import { contrastRatio, parseColour, type Rgb } from '../../../src/theme/colour.js';

/**
 * [foreground, background, minimum, where]: text needs 4.5:1; focus rings and the edges of
 * controls 3:1 (WCAG 1.4.11).
 */
export const PAIRS: readonly (readonly [string, string, number, string])[] = [
  ['text', 'background', 4.5, 'body text; the checked filter chip reverses these two'],
  ['text', 'surface', 4.5, 'notices, open rows, group headings, chip counts, neutral ticker badges'],
  ['text', 'highlight', 4.5, 'the “New” mark; rows that just changed'],
  ['muted', 'background', 4.5, 'captions, status line, notes'],
  ['muted', 'surface', 4.5, 'seat counts and times in an open or hovered row'],
  ['muted', 'highlight', 4.5, 'a muted cell in a row that just changed'],
  ['up', 'background', 4.5, 'rises in the party table'],
  ['down', 'background', 4.5, 'falls in the party table'],
  ['up', 'highlight', 4.5, 'a rise in a row that just changed'],
  ['down', 'highlight', 4.5, 'a fall in a row that just changed'],
  ['accent', 'background', 4.5, 'links, the “new results” button'],
  ['accent', 'surface', 4.5, 'links in an open area’s detail'],
  ['watermark', 'background', 4.5, 'TEST DATA'],
  ['focus', 'background', 3, 'focus rings'],
  ['focus', 'surface', 3, 'focus rings inside an open or hovered row'],
  ['border', 'background', 3, 'edges of buttons, inputs and chips'],
];

/** The TEST DATA stripes: `pattern` at this opacity over the whole frame (src/components/shared/styles.ts). */
export const STRIPE_OPACITY = 0.35;

/** The ground under a stripe: `ground` with the translucent `pattern` colour laid over it at STRIPE_OPACITY. */
export function underStripe(ground: Rgb, pattern: string): Rgb {
  const match = /rgba\(([\d.]+),\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)\)/.exec(pattern);
  if (!match) throw new Error(`the pattern colour is not rgba(): ${pattern}`);
  const alpha = Number(match[4]) * STRIPE_OPACITY;
  return [1, 2, 3].map((i, index) =>
    Math.round(Number(match[i]) * alpha + ground[index]! * (1 - alpha)),
  ) as unknown as Rgb;
}

/** Every pair below its minimum, for one scheme's colours (token name → CSS colour), in words. */
export function contrastProblems(colours: Readonly<Record<string, string>>): string[] {
  const rgb = (name: string) => {
    const value = parseColour(colours[name] ?? '');
    if (!value) throw new Error(`${name} is not a colour the test can read: ${colours[name]}`);
    return value;
  };
  const problems: string[] = [];
  for (const [foreground, background, minimum, where] of PAIRS) {
    const ratio = contrastRatio(rgb(foreground), rgb(background));
    if (ratio < minimum)
      problems.push(`${foreground} on ${background}: ${ratio.toFixed(2)}:1 < ${minimum}:1 (${where})`);
  }
  for (const [foreground, background] of [
    ['text', 'background'],
    ['muted', 'background'],
    ['text', 'surface'],
    ['muted', 'surface'],
    ['watermark', 'background'],
  ] as const) {
    const ratio = contrastRatio(rgb(foreground), underStripe(rgb(background), colours.pattern!));
    if (ratio < 4.5)
      problems.push(`${foreground} on ${background} under a TEST DATA stripe: ${ratio.toFixed(2)}:1 < 4.5:1`);
  }
  return problems;
}
