import { describe, expect, it } from 'vitest';
import {
  boxFor,
  boxStylesheet,
  frameHeights,
  heightsAttribute,
  WIDGET_BOXES,
  widgetBoxes,
  type WidgetName,
} from '../../../src/embed/boxes.js';
import { PLACEHOLDER_WIDGETS } from '../../../src/embed/loader.js';

const widgets = Object.keys(PLACEHOLDER_WIDGETS) as WidgetName[];

describe('WIDGET_BOXES', () => {
  it('gives every widget a default box', () => {
    for (const widget of widgets)
      expect(
        widgetBoxes(widget).filter((box) => !box.when),
        widget,
      ).toHaveLength(1);
  });
  it('lists bands from 0 up, each with a positive height', () => {
    for (const box of WIDGET_BOXES) {
      const widths = box.heights.map(([minWidth]) => minWidth);
      expect(widths[0], box.widget).toBe(0);
      expect(widths, box.widget).toEqual([...widths].sort((a, b) => a - b));
      expect(new Set(widths).size).toBe(widths.length);
      for (const [, em] of box.heights) expect(em).toBeGreaterThan(0);
    }
  });
});

describe('boxFor', () => {
  it('picks the variant an attribute asks for, and the default otherwise', () => {
    expect(boxFor('seat-bar').when).toBeUndefined();
    expect(boxFor('seat-bar', { layout: 'bars' }).when).toEqual({ attribute: 'layout', value: 'bars' });
    expect(boxFor('seat-bar', { layout: 'stacked' }).when).toBeUndefined();
    expect(boxFor('seat-bar', { layout: 'hemicycle' }).when).toBeUndefined();
    expect(boxFor('council-list', { 'layout-src': 'https://example.org/map.hexjson' }).when).toEqual({
      attribute: 'layout-src',
    });
    expect(boxFor('council-list', { 'layout-src': '' }).when).toBeUndefined();
    expect(boxFor('ticker', { mode: 'strip' }).when).toEqual({ attribute: 'mode', value: 'strip' });
  });
});

describe('frameHeights', () => {
  it('turns em into whole pixels at the default base of 16 px', () => {
    expect(frameHeights('ticker', { mode: 'strip' })).toEqual([
      [0, 80],
      [480, 56],
    ]);
    expect(heightsAttribute(frameHeights('ticker', { mode: 'strip' }))).toBe('0:80,480:56');
  });
});

describe('boxStylesheet', () => {
  const css = boxStylesheet();
  it('sizes each element and each placeholder the same way, in ascending width bands, as a minimum in em of the base', () => {
    expect(css).toContain(
      'tally-seat-bar,\n[data-tally-widget="seat-bar"] {\n  min-height: var(--tally-box-height, 26em);\n  --tally-seat-bar-min-height: var(--tally-box-height, 26em);\n}',
    );
    expect(css).toContain('tally-seat-bar[layout="bars"],\n[data-tally-widget="seat-bar"][data-layout="bars"] {');
    expect(css).toContain(
      'tally-council-list[layout-src]:not([layout-src=""]),\n[data-tally-widget="council-list"][data-layout-src]:not([data-layout-src=""])',
    );
    const bands = [...css.matchAll(/@media \(min-width: (\d+)px\)/g)].map((match) => Number(match[1]));
    expect(bands).toEqual([...new Set(bands)].sort((a, b) => a - b));
  });
  it('styles the elements before they are defined, and lets an upgraded placeholder’s widget take its base', () => {
    for (const tag of Object.values(PLACEHOLDER_WIDGETS)) expect(css).toContain(`${tag}:not(:defined)`);
    expect(css.trimEnd().endsWith('{\n  --tally-font-size: 1em;\n}')).toBe(true);
  });
  it('never clips: no fixed height, no overflow, nothing in rem (the page’s root font size)', () => {
    expect(css).not.toMatch(/(^|[\s;{])(height|overflow|max-height):/m);
    expect(css).not.toMatch(/\drem\b/);
    expect(css).toContain('font-size: var(--tally-font-size, medium);');
  });
  it('has balanced braces (no rule runs into the next)', () => {
    expect(css.split('{').length).toBe(css.split('}').length);
  });
});
