/**
 * The options a producer picks for each widget in the builder, kept in one place. The allowed
 * values of a choice come from the element itself, through the table generated from
 * custom-elements.json (`element-attributes.ts`, `npm run attributes`); this file adds only what
 * the manifest cannot know: labels, hints, which options the builder offers and in what order.
 * Every attribute an element has is either offered here or listed in `NOT_OFFERED` with the
 * reason, and a unit test keeps it so.
 *
 * Pure data; no DOM.
 */
import type { WidgetName } from './boxes.js';
import { ELEMENT_ATTRIBUTES, type ElementAttribute, type ElementTag } from './element-attributes.js';

export interface ChoiceOption {
  readonly kind: 'choice';
  /** The element attribute (and, with `data-`, the placeholder attribute). */
  readonly name: string;
  readonly label: string;
  /** The first value is the element's default: choosing it leaves the attribute out. */
  readonly values: readonly { readonly value: string; readonly label: string }[];
}

export interface TextOption {
  readonly kind: 'text';
  readonly name: string;
  readonly label: string;
  /** What a value looks like, shown as a hint. */
  readonly hint: string;
  /** A value must match this to be used (checked by `optionProblem`). */
  readonly pattern: RegExp;
  /** Offer the feed's area ids as suggestions. */
  readonly suggestAreas?: boolean;
}

/** On or off: on sets the attribute to a value the builder supplies (the feed's hex map). */
export interface MapOption {
  readonly kind: 'map';
  readonly name: string;
  readonly label: string;
}

export type WidgetOption = ChoiceOption | TextOption | MapOption;

export interface WidgetDescription {
  readonly name: WidgetName;
  readonly tag: string;
  readonly label: string;
  /** What it shows, in a few words that can follow an election's name in an iframe title. */
  readonly summary: string;
  readonly options: readonly WidgetOption[];
}

/** An element's attribute from the generated table; throws (at load, so every test sees it) when it has none such. */
export function elementAttribute(tag: ElementTag, name: string): ElementAttribute {
  const attribute = (ELEMENT_ATTRIBUTES[tag] as readonly ElementAttribute[]).find(
    (candidate) => candidate.name === name,
  );
  if (!attribute) throw new Error(`widget-options: <${tag}> has no attribute "${name}" in custom-elements.json`);
  return attribute;
}

/** The values an element's attribute allows, labelled, default first (the builder leaves the default out of the code). */
function elementChoices(tag: ElementTag, name: string, labels: Readonly<Record<string, string>>) {
  return choices(attributeValues(tag, name), labels);
}

/** The values a union-typed attribute allows, its default first (the manifest's, else the type's first member). */
export function attributeValues(tag: ElementTag, name: string): readonly string[] {
  const { values, default: fallback } = elementAttribute(tag, name);
  if (!values)
    throw new Error(
      `widget-options: <${tag}> attribute "${name}" has no string-literal values in custom-elements.json`,
    );
  return typeof fallback === 'string' && values.includes(fallback)
    ? [fallback, ...values.filter((value) => value !== fallback)]
    : values;
}

const choices = (values: readonly string[], labels: Readonly<Record<string, string>> = {}) =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

/** Options every widget has. */
export const COMMON_OPTIONS: readonly ChoiceOption[] = [
  {
    kind: 'choice',
    name: 'theme',
    label: 'Theme',
    values: elementChoices('tally-seat-bar', 'theme', { auto: 'Reader’s choice (auto)', light: 'Light', dark: 'Dark' }),
  },
  {
    kind: 'choice',
    name: 'lang',
    label: 'Language',
    values: [
      { value: '', label: 'The page’s language' },
      { value: 'en-GB', label: 'English' },
      { value: 'cy', label: 'Cymraeg (Welsh)' },
    ],
  },
];

const AREA_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const AREA: TextOption = {
  kind: 'text',
  name: 'area',
  label: 'One area only',
  hint: 'an area id from the feed, e.g. E09000002',
  pattern: AREA_ID,
  suggestAreas: true,
};

export const WIDGETS: readonly WidgetDescription[] = [
  {
    name: 'seat-bar',
    tag: 'tally-seat-bar',
    label: 'Seat bar',
    summary: 'seats won by each party',
    options: [
      {
        kind: 'choice',
        name: 'layout',
        label: 'Layout',
        values: elementChoices('tally-seat-bar', 'layout', {
          stacked: 'One stacked bar',
          bars: 'A bar per party',
          parliament: 'Parliament (hemicycle)',
        }),
      },
      {
        kind: 'choice',
        name: 'measure',
        label: 'Count',
        values: elementChoices('tally-seat-bar', 'measure', { seats: 'Seats', councils: 'Councils controlled' }),
      },
      AREA,
      {
        kind: 'text',
        name: 'others-below',
        label: 'Group small parties as Others below',
        hint: 'a number of seats (5) or a share (2%)',
        pattern: /^\d{1,5}(\.\d+)?%?$/,
      },
    ],
  },
  {
    name: 'party-table',
    tag: 'tally-party-table',
    label: 'Party table',
    summary: 'the state of the parties',
    options: [
      AREA,
      {
        kind: 'text',
        name: 'max-parties',
        label: 'Party rows before Others',
        hint: 'a whole number; 0 for no grouping',
        pattern: /^\d{1,2}$/,
      },
    ],
  },
  {
    name: 'council-list',
    tag: 'tally-council-list',
    label: 'Council list',
    summary: 'every area’s result',
    options: [
      { kind: 'map', name: 'layout-src', label: 'Show the hex map' },
      {
        kind: 'choice',
        name: 'filter',
        label: 'Show',
        values: elementChoices('tally-council-list', 'filter', {
          all: 'All areas',
          gains: 'Changed hands',
          holds: 'Held',
          noc: 'No overall control',
          awaiting: 'Awaiting',
        }),
      },
      {
        kind: 'choice',
        name: 'group-by',
        label: 'Group by',
        values: elementChoices('tally-council-list', 'group-by', {
          none: 'No grouping',
          region: 'Region',
          type: 'Type',
        }),
      },
      {
        kind: 'choice',
        name: 'sort',
        label: 'Order',
        values: elementChoices('tally-council-list', 'sort', {
          name: 'Name, A to Z',
          declared: 'Latest declared first',
        }),
      },
    ],
  },
  {
    name: 'ticker',
    tag: 'tally-ticker',
    label: 'Ticker',
    summary: 'the latest results',
    options: [
      {
        kind: 'choice',
        name: 'mode',
        label: 'Shape',
        values: elementChoices('tally-ticker', 'mode', { list: 'A list', strip: 'One line (strip)' }),
      },
      { kind: 'text', name: 'max-items', label: 'Most items', hint: 'a whole number, e.g. 10', pattern: /^[1-9]\d?$/ },
      {
        kind: 'text',
        name: 'area',
        label: 'Only these areas',
        hint: 'area ids separated by spaces',
        pattern: /^[A-Za-z0-9_.:-]+(?:[ ,]+[A-Za-z0-9_.:-]+)*$/,
        suggestAreas: true,
      },
    ],
  },
  {
    name: 'area-result',
    tag: 'tally-area-result',
    label: 'Area result',
    summary: 'one area’s result',
    options: [
      { ...AREA, label: 'Area' },
      {
        kind: 'choice',
        name: 'search',
        label: 'Search by name',
        values: choices(['', 'search'], { '': 'Off', search: 'On: readers find their area' }),
      },
      {
        kind: 'text',
        name: 'postcode-url',
        label: 'Postcode look-up service',
        hint: 'a URL with {postcode}, e.g. https://api.postcodes.io/postcodes/{postcode}',
        pattern: /^https:\/\/[^\s"'<>]*\{postcode\}[^\s"'<>]*$/,
      },
      {
        kind: 'text',
        name: 'postcode-field',
        label: 'Area code in its answer',
        hint: 'dot paths, e.g. result.codes.admin_ward result.codes.admin_district',
        pattern: /^[\w-]+(?:\.[\w-]+)*(?:[ ,]+[\w-]+(?:\.[\w-]+)*)*$/,
      },
      {
        kind: 'choice',
        name: 'link',
        label: 'Keep the area in the page address',
        values: choices(['', 'link'], { '': 'No', link: 'Yes (#tally-area=…)' }),
      },
    ],
  },
];

/** Attributes the builder does not offer, each with the reason; the rest are in `WIDGETS` or `COMMON_OPTIONS`. */
export const NOT_OFFERED: Readonly<Record<ElementTag, Readonly<Record<string, string>>>> = (() => {
  const feed = {
    src: 'the builder writes the feed address it was given',
    interval: 'the feed’s own refresh hint is the default; an override is for developers',
    'time-zone': 'clock times are in the reader’s time zone by default; an override is for developers',
  };
  return {
    'tally-seat-bar': {
      ...feed,
      basis: 'an expert switch between publisher and derived totals',
      selected: 'set by the reader, or by the host page’s script',
    },
    'tally-party-table': {
      ...feed,
      basis: 'an expert switch between publisher and derived totals',
      columns: 'a list of column ids for developers; the default suits embeds',
      sort: 'an initial order for developers; readers sort from the column headings',
    },
    'tally-council-list': {
      ...feed,
      selected: 'set by the reader, or by the host page’s script',
      party: 'a developer filter by party id; the builder offers the broader Show choice',
      search: 'the reader’s search text; preset only by host pages',
    },
    'tally-ticker': {
      ...feed,
      party: 'a developer filter by party id',
      kinds: 'a developer filter by event kind',
      paused: 'reader state, the pause button',
    },
    'tally-area-result': {
      ...feed,
      'postcode-timeout': 'the default (8 seconds) suits the public look-up services',
      follow: 'links two widgets on one page; needs element ids',
    },
  };
})();

/** The description of one widget; throws for an unknown name. */
export function widgetDescription(name: string): WidgetDescription {
  const widget = WIDGETS.find((candidate) => candidate.name === name);
  if (!widget)
    throw new Error(`unknown widget "${name}" (expected ${WIDGETS.map((candidate) => candidate.name).join(', ')})`);
  return widget;
}

/** Every option of a widget: its own, then the common ones. */
export function widgetOptions(name: string): WidgetOption[] {
  return [...widgetDescription(name).options, ...COMMON_OPTIONS];
}

/** Why a value cannot be used for an option, or undefined when it can (an empty value always can: it means the default). */
export function optionProblem(option: WidgetOption, value: string): string | undefined {
  if (value === '') return undefined;
  if (option.kind === 'choice' && !option.values.some((choice) => choice.value === value)) {
    return `${option.label}: "${value}" is not one of ${option.values.map((choice) => choice.value || '(default)').join(', ')}`;
  }
  if (option.kind === 'text' && !option.pattern.test(value)) return `${option.label}: expected ${option.hint}`;
  return undefined;
}
