import { describe, expect, it } from 'vitest';
import { boxFor, boxStylesheet, frameHeights, heightsAttribute, WIDGET_BOXES, widgetBoxes, type WidgetName } from '../../../src/embed/boxes.js';
import { PLACEHOLDER_WIDGETS } from '../../../src/embed/loader.js';

const widgets = Object.keys(PLACEHOLDER_WIDGETS) as WidgetName[];

describe('WIDGET_BOXES', () => {
  it('gives every widget a default box', () => {
    for (const widget of widgets) expect(widgetBoxes(widget).filter((box) => !box.when), widget).toHaveLength(1);
  });
  it('lists bands from 0 up, each with a positive height', () => {
    for (const box of WIDGET_BOXES) {
      const widths = box.heights.map(([minWidth]) => minWidth);
      expect(widths[0], box.widget).toBe(0);
      expect(widths, box.widget).toEqual([...widths].sort((a, b) => a - b));
      expect(new Set(widths).size).toBe(widths.length);
      for (const [, rem] of box.heights) expect(rem).toBeGreaterThan(0);
    }
  });
});

describe('boxFor', () => {
  it('picks the variant an attribute asks for, and the default otherwise', () => {
    expect(boxFor('seat-bar').when).toBeUndefined();
    expect(boxFor('seat-bar', { layout: 'bars' }).when).toEqual({ attribute: 'layout', value: 'bars' });
    expect(boxFor('seat-bar', { layout: 'stacked' }).when).toBeUndefined();
    expect(boxFor('seat-bar', { layout: 'hemicycle' }).when).toBeUndefined();
    expect(boxFor('council-list', { 'layout-src': 'https://example.org/map.hexjson' }).when).toEqual({ attribute: 'layout-src' });
    expect(boxFor('council-list', { 'layout-src': '' }).when).toBeUndefined();
    expect(boxFor('ticker', { mode: 'strip' }).when).toEqual({ attribute: 'mode', value: 'strip' });
  });
});

describe('frameHeights', () => {
  it('turns rem into whole pixels at 16 px to the rem', () => {
    expect(frameHeights('ticker', { mode: 'strip' })).toEqual([
      [0, 80],
      [480, 56],
    ]);
    expect(heightsAttribute(frameHeights('ticker', { mode: 'strip' }))).toBe('0:80,480:56');
  });
});

describe('boxStylesheet', () => {
  const css = boxStylesheet();
  it('sizes each element and each placeholder the same way, in ascending width bands', () => {
    expect(css).toContain('tally-seat-bar,\n[data-tally-widget="seat-bar"] {\n  height: var(--tally-box-height, 26rem);\n}');
    expect(css).toContain('tally-seat-bar[layout="bars"],\n[data-tally-widget="seat-bar"][data-layout="bars"] {');
    expect(css).toContain('tally-council-list[layout-src]:not([layout-src=""]),\n[data-tally-widget="council-list"][data-layout-src]:not([data-layout-src=""])');
    const bands = [...css.matchAll(/@media \(min-width: (\d+)px\)/g)].map((match) => Number(match[1]));
    expect(bands).toEqual([...new Set(bands)].sort((a, b) => a - b));
  });
  it('styles the elements before they are defined, and lets an upgraded placeholder’s widget fill it', () => {
    for (const tag of Object.values(PLACEHOLDER_WIDGETS)) expect(css).toContain(`${tag}:not(:defined)`);
    expect(css.trimEnd().endsWith('{\n  height: 100%;\n}')).toBe(true);
  });
  it('has balanced braces (no rule runs into the next)', () => {
    expect(css.split('{').length).toBe(css.split('}').length);
  });
});
