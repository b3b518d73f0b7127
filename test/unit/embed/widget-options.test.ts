import { describe, expect, it } from 'vitest';
import {
  COMMON_OPTIONS,
  NOT_OFFERED,
  optionProblem,
  widgetDescription,
  widgetOptions,
  WIDGETS,
} from '../../../src/embed/widget-options.js';
import { ELEMENT_ATTRIBUTES, type ElementAttribute } from '../../../src/embed/element-attributes.js';
import { PLACEHOLDER_WIDGETS } from '../../../src/embed/loader.js';

describe('WIDGETS', () => {
  it('describes exactly the widgets a placeholder or an iframe can ask for', () => {
    expect(Object.fromEntries(WIDGETS.map((widget) => [widget.name, widget.tag]))).toEqual(PLACEHOLDER_WIDGETS);
  });
  it('gives each widget distinct option names, and each choice distinct values', () => {
    for (const widget of WIDGETS) {
      const names = widgetOptions(widget.name).map((option) => option.name);
      expect(new Set(names).size, widget.name).toBe(names.length);
      for (const option of widgetOptions(widget.name)) {
        if (option.kind === 'choice')
          expect(new Set(option.values.map((choice) => choice.value)).size, option.name).toBe(option.values.length);
      }
    }
    expect(widgetOptions('ticker').slice(-COMMON_OPTIONS.length)).toEqual(COMMON_OPTIONS);
  });
  it('names an unknown widget', () => {
    expect(() => widgetDescription('pie-chart')).toThrow(
      'unknown widget "pie-chart" (expected seat-bar, party-table, council-list, ticker, area-result)',
    );
  });
});

describe('the builder options against the elements (custom-elements.json, through element-attributes.ts)', () => {
  const attributesOf = (tag: string): readonly ElementAttribute[] =>
    ELEMENT_ATTRIBUTES[tag as keyof typeof ELEMENT_ATTRIBUTES];
  it('offers every attribute of every element, or excludes it with a reason', () => {
    for (const widget of WIDGETS) {
      const offered = new Set(widgetOptions(widget.name).map((option) => option.name));
      const excluded = NOT_OFFERED[widget.tag as keyof typeof NOT_OFFERED];
      for (const { name } of attributesOf(widget.tag)) {
        const reason = excluded[name];
        expect(
          offered.has(name) || (reason ?? '').length > 0,
          `<${widget.tag}> ${name}: neither offered nor excluded`,
        ).toBe(true);
        expect(offered.has(name) && reason !== undefined, `<${widget.tag}> ${name}: both offered and excluded`).toBe(
          false,
        );
      }
    }
  });
  it('offers and excludes only attributes the elements have', () => {
    for (const widget of WIDGETS) {
      const names = attributesOf(widget.tag).map((attribute) => attribute.name);
      for (const option of widgetOptions(widget.name))
        expect(names, `<${widget.tag}> ${option.name}`).toContain(option.name);
      for (const name of Object.keys(NOT_OFFERED[widget.tag as keyof typeof NOT_OFFERED]))
        expect(names, `<${widget.tag}> ${name}`).toContain(name);
    }
  });
  it('offers exactly the values a union-typed attribute allows, its default first', () => {
    let checked = 0;
    for (const widget of WIDGETS) {
      for (const option of widgetOptions(widget.name)) {
        const attribute = attributesOf(widget.tag).find((candidate) => candidate.name === option.name);
        if (option.kind !== 'choice' || !attribute?.values) continue;
        checked += 1;
        expect(option.values.map((choice) => choice.value).sort(), `<${widget.tag}> ${option.name}`).toEqual(
          [...attribute.values].sort(),
        );
        if (typeof attribute.default === 'string')
          expect(option.values[0]!.value, `<${widget.tag}> ${option.name}`).toBe(attribute.default);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('optionProblem', () => {
  const option = (widget: string, name: string) => widgetOptions(widget).find((candidate) => candidate.name === name)!;
  it('accepts the empty value (the default) and listed choices', () => {
    expect(optionProblem(option('seat-bar', 'layout'), '')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'layout'), 'parliament')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'layout'), 'pie')).toBe(
      'Layout: "pie" is not one of stacked, bars, parliament',
    );
  });
  it('checks typed values against what the attribute takes', () => {
    expect(optionProblem(option('seat-bar', 'others-below'), '5')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'others-below'), '2.5%')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'others-below'), 'five')).toBe(
      'Group small parties as Others below: expected a number of seats (5) or a share (2%)',
    );
    expect(optionProblem(option('ticker', 'max-items'), '0')).toBeDefined();
    expect(optionProblem(option('ticker', 'max-items'), '12')).toBeUndefined();
    expect(optionProblem(option('party-table', 'area'), 'E09000002')).toBeUndefined();
    expect(optionProblem(option('party-table', 'area'), 'E09" onload="x')).toBeDefined();
    expect(optionProblem(option('ticker', 'area'), 'E09000002 E08000001,E06000045')).toBeUndefined();
  });
});
