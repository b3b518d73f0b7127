import { describe, expect, it } from 'vitest';
import { placeTooltip, type Box } from '../../../src/layout/tooltip-placement.js';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  width,
  right: left + width,
  bottom: top + height,
});

// A chart 300 px wide at (10, 100) in a widget from y = 50 to y = 400; a tooltip 100 × 40.
const chart = box(10, 100, 300, 200);
const host = box(0, 50, 320, 350);
const tooltip = { width: 100, height: 40 };

describe('placeTooltip', () => {
  it('centres the tooltip under its anchor, 6 px below, relative to the chart', () => {
    // Anchor centre x = 100 + 20 = 120: left = 120 − 10 − 50 = 60; top = 130 + 6 − 100 = 36.
    expect(placeTooltip({ anchor: box(100, 110, 40, 20), chart, host, tooltip })).toEqual({
      left: 60,
      top: 36,
      placement: 'below',
    });
  });

  it('keeps the tooltip inside the chart’s width at either edge', () => {
    expect(placeTooltip({ anchor: box(10, 110, 10, 20), chart, host, tooltip }).left).toBe(0);
    expect(placeTooltip({ anchor: box(300, 110, 10, 20), chart, host, tooltip }).left).toBe(200);
  });

  it('goes above when there is no room below in the widget', () => {
    // Below would start at 376 + 6 = 382 and need 40 px: the widget ends at 400.
    const placed = placeTooltip({ anchor: box(100, 356, 40, 20), chart, host, tooltip });
    // Above: 356 − 6 − 40 = 310, relative to the chart 210.
    expect(placed).toEqual({ left: 60, top: 210, placement: 'above' });
  });

  it('never covers the control with keyboard focus while the other side is free', () => {
    const anchor = box(100, 200, 40, 20);
    const focused = box(90, 220, 60, 30);
    expect(placeTooltip({ anchor, chart, host, tooltip, focused }).placement).toBe('above');
    expect(placeTooltip({ anchor, chart, host, tooltip }).placement).toBe('below');
  });

  it('stays on the side with room when both sides would cover the focused control', () => {
    const anchor = box(100, 200, 40, 20);
    const focused = box(0, 0, 320, 400);
    expect(placeTooltip({ anchor, chart, host, tooltip, focused }).placement).toBe('below');
  });
});
