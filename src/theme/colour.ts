/**
 * Colour arithmetic for contrast: parse #rgb/#rrggbb/rgb(), relative luminance and contrast
 * ratio as WCAG defines them, and the text colour (black or white) that reads on a fill.
 * Picking the better of pure black and pure white always gives at least √21 ≈ 4.58:1.
 */

export type Rgb = readonly [number, number, number];

/** Parse "#rgb", "#rrggbb", "rgb(r, g, b)" or "rgba(r g b / a)"; undefined for anything else. */
export function parseColour(value: string): Rgb | undefined {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text);
  if (rgb) {
    const channels = [rgb[1], rgb[2], rgb[3]].map((n) => Math.min(255, Math.max(0, Math.round(Number(n)))));
    if (channels.every(Number.isFinite)) return channels as unknown as Rgb;
  }
  return undefined;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const BLACK = '#000000';
export const WHITE = '#ffffff';

/** The label colour for text on `fill`: black or white, whichever contrasts more. */
export function textColourOn(fill: string): string {
  const rgb = parseColour(fill);
  if (!rgb) return BLACK;
  return contrastRatio(rgb, [0, 0, 0]) >= contrastRatio(rgb, [255, 255, 255]) ? BLACK : WHITE;
}
