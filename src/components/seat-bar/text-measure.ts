/**
 * Text widths for label fitting, measured with a canvas in the font an element really uses
 * (host pages set their own through `--tally-font`). Without a canvas, an estimate of 0.6 em
 * per character keeps labels from being promised room they do not have.
 */

let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context === undefined)
    context = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  return context;
}

/** A measuring function for text drawn in `element`'s font, with `weight` if given. */
export function textMeasure(element: Element, weight?: string): (text: string) => number {
  const style = getComputedStyle(element);
  const size = parseFloat(style.fontSize) || 16;
  const ctx = canvasContext();
  if (!ctx) return (text) => text.length * size * 0.6;
  const font = `${weight ?? style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      ctx.font = font;
      width = ctx.measureText(text).width;
      cache.set(text, width);
    }
    return width;
  };
}
