import { describe, expect, it } from 'vitest';
import { COMMON_OPTIONS, optionProblem, widgetDescription, widgetOptions, WIDGETS } from '../../../src/embed/widget-options.js';
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
        if (option.kind === 'choice') expect(new Set(option.values.map((choice) => choice.value)).size, option.name).toBe(option.values.length);
      }
    }
    expect(widgetOptions('ticker').slice(-COMMON_OPTIONS.length)).toEqual(COMMON_OPTIONS);
  });
  it('names an unknown widget', () => {
    expect(() => widgetDescription('pie-chart')).toThrow('unknown widget "pie-chart" (expected seat-bar, party-table, council-list, ticker, area-result)');
  });
});

describe('optionProblem', () => {
  const option = (widget: string, name: string) => widgetOptions(widget).find((candidate) => candidate.name === name)!;
  it('accepts the empty value (the default) and listed choices', () => {
    expect(optionProblem(option('seat-bar', 'layout'), '')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'layout'), 'parliament')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'layout'), 'pie')).toBe('Layout: "pie" is not one of stacked, bars, parliament');
  });
  it('checks typed values against what the attribute takes', () => {
    expect(optionProblem(option('seat-bar', 'others-below'), '5')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'others-below'), '2.5%')).toBeUndefined();
    expect(optionProblem(option('seat-bar', 'others-below'), 'five')).toBe('Group small parties as Others below: expected a number of seats (5) or a share (2%)');
    expect(optionProblem(option('ticker', 'max-items'), '0')).toBeDefined();
    expect(optionProblem(option('ticker', 'max-items'), '12')).toBeUndefined();
    expect(optionProblem(option('party-table', 'area'), 'E09000002')).toBeUndefined();
    expect(optionProblem(option('party-table', 'area'), 'E09" onload="x')).toBeDefined();
    expect(optionProblem(option('ticker', 'area'), 'E09000002 E08000001,E06000045')).toBeUndefined();
  });
});
