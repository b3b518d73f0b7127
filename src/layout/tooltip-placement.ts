/**
 * Where a tooltip goes beside the thing it describes: centred on it, inside the chart's width
 * (the widget clips what overflows it), below when there is room in the widget, above
 * otherwise, and never over the control that has keyboard focus. Plain rectangles in, a
 * position relative to the chart out: no DOM.
 */

/** A rectangle in viewport pixels (a DOMRect has these). */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
}

export interface TooltipPlacementInput {
  /** What the tooltip describes. */
  readonly anchor: Box;
  /** The box the tooltip is positioned in. */
  readonly chart: Box;
  /** The widget: the tooltip stays inside its height. */
  readonly host: Box;
  /** The tooltip's own size. */
  readonly tooltip: { readonly width: number; readonly height: number };
  /** The control with keyboard focus, which the tooltip must not cover. */
  readonly focused?: Box | undefined;
  /** Space between the anchor and the tooltip (default 6 px). */
  readonly gap?: number;
}

export interface TooltipPlacement {
  /** Offset from the chart's left edge, in whole pixels. */
  readonly left: number;
  /** Offset from the chart's top edge, in whole pixels. */
  readonly top: number;
  readonly placement: 'below' | 'above';
}

export function placeTooltip({
  anchor,
  chart,
  host,
  tooltip,
  focused,
  gap = 6,
}: TooltipPlacementInput): TooltipPlacement {
  const { width, height } = tooltip;
  const left = Math.max(0, Math.min(chart.width - width, anchor.left + anchor.width / 2 - chart.left - width / 2));
  const belowTop = anchor.bottom + gap;
  const aboveTop = Math.max(host.top, anchor.top - gap - height);
  const fitsBelow = host.bottom - belowTop >= height;
  const fitsAbove = anchor.top - gap - host.top >= height;
  const covers = (top: number): boolean => {
    if (!focused) return false;
    const box = { left: chart.left + left, right: chart.left + left + width, top, bottom: top + height };
    return box.left < focused.right && box.right > focused.left && box.top < focused.bottom && box.bottom > focused.top;
  };
  const [first, second] = fitsBelow || !fitsAbove ? [belowTop, aboveTop] : [aboveTop, belowTop];
  // Where both would cover the focused control, the side with room wins.
  const top = !covers(first) ? first : !covers(second) ? second : first;
  return { left: Math.round(left), top: Math.round(top - chart.top), placement: top === belowTop ? 'below' : 'above' };
}
