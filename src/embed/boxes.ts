/**
 * Reserved boxes: the height every embedded widget takes before its script or its data
 * arrives, and keeps afterwards, so an embed never shifts the page around it (cumulative layout
 * shift 0). A widget's content height depends on its data (how many parties, how long the
 * publisher's note is), which nobody knows when the page is first laid out; so the widget's box
 * has a height chosen per widget, variant and width band, large enough for the fullest real
 * nights. It is a minimum, never a clip: content taller than the box (a house style with larger
 * type, a longer note) makes it grow, and nothing is ever hidden or scrolled away inside it.
 *
 * Heights are in em of the widget's base font size (`--tally-font-size`, by default the
 * reader's own default size: see src/theme/tokens.ts), never in rem: a host page whose root
 * font size is 62.5% must not shrink the boxes while the widgets inside keep their size.
 *
 * The same table feeds three things:
 * - `tally.css`, which a host page loads before the widgets (`boxStylesheet()`), for element and
 *   placeholder embeds: it styles the elements before they are defined, too;
 * - the iframe page, whose widget sits in the same box (the frame's width picks the band);
 * - the embed codes: `data-tally-heights` and the `amp-iframe` height (`frameHeights()`), so an
 *   iframe starts at the height its page will report.
 *
 * The heights fit the two demo nights' final feeds (the fullest state of a night: every party,
 * the longest notes), in English and in Welsh, at every widget width the band can hold
 * (from 48 px below its start, for page gutters, up to the next band), plus a little room for
 * wider fonts. `test/browser/embed-boxes.test.ts` checks that those feeds still fit. The ticker
 * is the exception on purpose: its box holds about six items, and its own list scrolls
 * (`--tally-ticker-max-height`, set here) so that the older ones do not grow the box.
 *
 * Pure: data and strings only, no DOM.
 */
import { BASE_UNIT_PROPERTY } from '../theme/tokens.js';
import { PLACEHOLDER_WIDGETS } from './loader.js';

export type WidgetName = 'seat-bar' | 'party-table' | 'council-list' | 'ticker' | 'area-result';

/** The box of one widget variant: heights in em (of the base font size) from each viewport (or frame) width up. */
export interface WidgetBox {
  readonly widget: WidgetName;
  /** The attribute that picks this variant (`layout="bars"`), or none for the default. */
  readonly when?: { readonly attribute: string; readonly value?: string };
  /** `[minimum width in CSS px, height in em]`, widest band last; the first starts at 0. */
  readonly heights: readonly (readonly [number, number])[];
}

/** Base font size the px heights assume (the browsers' default `medium`). */
export const BASE_PX = 16;

export const WIDGET_BOXES: readonly WidgetBox[] = [
  {
    widget: 'seat-bar',
    heights: [
      [0, 26],
      [360, 21],
      [480, 18.5],
      [640, 16],
    ],
  },
  {
    widget: 'seat-bar',
    when: { attribute: 'layout', value: 'bars' },
    heights: [
      [0, 34],
      [360, 31],
      [480, 30],
    ],
  },
  {
    widget: 'seat-bar',
    when: { attribute: 'layout', value: 'parliament' },
    heights: [
      [0, 34],
      [360, 33],
      [480, 36.5],
      [640, 40],
      [800, 47],
    ],
  },
  {
    widget: 'party-table',
    heights: [
      [0, 44],
      [360, 43],
      [480, 38],
      [640, 37],
    ],
  },
  {
    widget: 'council-list',
    heights: [
      [0, 73.5],
      [480, 61.5],
      [640, 58],
      [800, 57],
    ],
  },
  {
    widget: 'council-list',
    when: { attribute: 'layout-src' },
    heights: [
      [0, 117],
      [480, 111.5],
      [640, 107],
      [800, 66],
    ],
  },
  {
    widget: 'ticker',
    heights: [
      [0, 39],
      [360, 34.5],
      [640, 29],
    ],
  },
  {
    widget: 'ticker',
    when: { attribute: 'mode', value: 'strip' },
    heights: [
      [0, 5],
      [480, 3.5],
    ],
  },
  {
    widget: 'area-result',
    heights: [
      [0, 47],
      [360, 44],
      [480, 34.5],
      [640, 31],
    ],
  },
];

/** The boxes of one widget, default first. */
export function widgetBoxes(widget: WidgetName): WidgetBox[] {
  return WIDGET_BOXES.filter((box) => box.widget === widget);
}

/** The box a widget with these attributes gets: the last matching variant, as in the CSS. */
export function boxFor(widget: WidgetName, attributes: Readonly<Record<string, string | undefined>> = {}): WidgetBox {
  let chosen: WidgetBox | undefined;
  for (const box of widgetBoxes(widget)) {
    if (!box.when) chosen ??= box;
    else {
      const value = attributes[box.when.attribute];
      if (value !== undefined && (box.when.value === undefined ? value !== '' : value === box.when.value)) chosen = box;
    }
  }
  if (!chosen) throw new Error(`no box for widget "${widget}"`);
  return chosen;
}

/** Heights in whole CSS px per width band: `[[0, 416], [360, 336], …]`. */
export function frameHeights(
  widget: WidgetName,
  attributes: Readonly<Record<string, string | undefined>> = {},
): [number, number][] {
  return boxFor(widget, attributes).heights.map(([minWidth, em]) => [minWidth, Math.ceil(em * BASE_PX)]);
}

/** The `data-tally-heights` value tally-frame.js reads: `"0:416,360:336"`. */
export function heightsAttribute(heights: readonly (readonly [number, number])[]): string {
  return heights.map(([minWidth, px]) => `${minWidth}:${px}`).join(',');
}

const tagOf = (widget: WidgetName) => PLACEHOLDER_WIDGETS[widget]!;

/**
 * What a list-mode ticker's box holds besides its list (header, a paused note or the new
 * results button, the status line, a TEST DATA watermark), in em: the rest is the list's.
 */
export const TICKER_CHROME_EM = 7;

/** The list's height in a ticker box of `em`. */
const tickerListHeight = (em: number) => `calc(var(--tally-box-height, ${em}em) - ${TICKER_CHROME_EM}em)`;

/** Selectors for one variant: the element, and a placeholder asking for it. */
function selectors(box: WidgetBox): string[] {
  const { widget, when } = box;
  const element = tagOf(widget);
  const placeholder = `[data-tally-widget="${widget}"]`;
  if (!when) return [element, placeholder];
  const attribute = (name: string) =>
    when.value === undefined ? `[${name}]:not([${name}=""])` : `[${name}="${when.value}"]`;
  return [`${element}${attribute(when.attribute)}`, `${placeholder}${attribute(`data-${when.attribute}`)}`];
}

/**
 * The stylesheet for host pages (`dist/tally.css`) and the iframe page. Each widget (and each
 * placeholder) is a block at least as tall as its box, with the widget's base font size (so
 * that the box's em are the widget's); the widget's own frame is as tall, so a dark widget has
 * no light gap under short content. A host page changes the height reserved for one embed with
 * `--tally-box-height` (`auto`: none).
 */
export function boxStylesheet(): string {
  const tags = Object.keys(PLACEHOLDER_WIDGETS).map((widget) => tagOf(widget as WidgetName));
  const lines: string[] = [
    '/* Tally: reserved boxes for embedded widgets, so they never shift the page (generated from src/embed/boxes.ts). */',
    // The widgets' base unit in pixels (src/theme/tokens.ts), registered before any script runs:
    // a widget rendered on the server is then sized as it will be once the script registers it.
    `@property ${BASE_UNIT_PROPERTY} {\n  syntax: '<length>';\n  inherits: true;\n  initial-value: 16px;\n}`,
    // A box is a minimum, never a clip: no height, no overflow.
    `${[...tags, '[data-tally-widget]'].join(',\n')} {\n  display: block;\n  box-sizing: border-box;\n  font-size: var(--tally-font-size, medium);\n}`,
    // Before the script defines the elements (or upgrades a placeholder): the same box, faintly shaded.
    `${[...tags.map((tag) => `${tag}:not(:defined)`), '[data-tally-widget]:not([data-tally-init])'].join(',\n')} {\n  border-radius: 4px;\n  background: rgb(128 128 128 / 0.08);\n}`,
  ];
  const bands = new Map<number, string[]>();
  for (const box of WIDGET_BOXES) {
    for (const [minWidth, em] of box.heights) {
      const rules = bands.get(minWidth) ?? [];
      const height = `var(--tally-box-height, ${em}em)`;
      const declarations = [`min-height: ${height};`, `--${tagOf(box.widget)}-min-height: ${height};`];
      // The ticker's list scrolls within the box: the items beyond about six, not the box, move.
      if (box.widget === 'ticker' && !box.when)
        declarations.push(`--tally-ticker-max-height: ${tickerListHeight(em)};`);
      rules.push(`${selectors(box).join(',\n')} {\n${declarations.map((line) => `  ${line}`).join('\n')}\n}`);
      bands.set(minWidth, rules);
    }
  }
  for (const minWidth of [...bands.keys()].sort((a, b) => a - b)) {
    const rules = bands.get(minWidth)!;
    if (minWidth === 0) lines.push(...rules);
    else lines.push(`@media (min-width: ${minWidth}px) {\n${rules.map((rule) => indent(rule)).join('\n')}\n}`);
  }
  // Inside an upgraded placeholder the element takes the placeholder's size as its base: a
  // relative --tally-font-size (1.1em) applies once, not once more inside (last: it must win).
  lines.push(
    `${tags.map((tag) => `[data-tally-widget][data-tally-init] > ${tag}`).join(',\n')} {\n  --tally-font-size: 1em;\n}`,
  );
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
