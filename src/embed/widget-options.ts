/**
 * The options a producer picks for each widget in the builder, kept in one place: which
 * attribute each sets, what values it takes and how the builder labels it. Only the main
 * options are here; every attribute is documented in custom-elements.json, and a test checks
 * that each name below is an attribute of its element there, so the two cannot drift.
 *
 * Pure data; no DOM.
 */
import { AREA_FILTERS, AREA_GROUPINGS, AREA_SORTS } from '../derive/area-rows.js';
import type { WidgetName } from './boxes.js';

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

const choices = (values: readonly string[], labels: Readonly<Record<string, string>> = {}) => values.map((value) => ({ value, label: labels[value] ?? value }));

/** Options every widget has. */
export const COMMON_OPTIONS: readonly ChoiceOption[] = [
  { kind: 'choice', name: 'theme', label: 'Theme', values: choices(['auto', 'light', 'dark'], { auto: 'Reader’s choice (auto)', light: 'Light', dark: 'Dark' }) },
  { kind: 'choice', name: 'lang', label: 'Language', values: [{ value: '', label: 'The page’s language' }, { value: 'en-GB', label: 'English' }, { value: 'cy', label: 'Cymraeg (Welsh)' }] },
];

const AREA_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const AREA: TextOption = { kind: 'text', name: 'area', label: 'One area only', hint: 'an area id from the feed, e.g. E09000002', pattern: AREA_ID, suggestAreas: true };

export const WIDGETS: readonly WidgetDescription[] = [
  {
    name: 'seat-bar',
    tag: 'tally-seat-bar',
    label: 'Seat bar',
    summary: 'seats won by each party',
    options: [
      { kind: 'choice', name: 'layout', label: 'Layout', values: choices(['stacked', 'bars', 'parliament'], { stacked: 'One stacked bar', bars: 'A bar per party', parliament: 'Parliament (hemicycle)' }) },
      { kind: 'choice', name: 'measure', label: 'Count', values: choices(['seats', 'councils'], { seats: 'Seats', councils: 'Councils controlled' }) },
      AREA,
      { kind: 'text', name: 'others-below', label: 'Group small parties as Others below', hint: 'a number of seats (5) or a share (2%)', pattern: /^\d{1,5}(\.\d+)?%?$/ },
    ],
  },
  {
    name: 'party-table',
    tag: 'tally-party-table',
    label: 'Party table',
    summary: 'the state of the parties',
    options: [AREA, { kind: 'text', name: 'max-parties', label: 'Party rows before Others', hint: 'a whole number; 0 for no grouping', pattern: /^\d{1,2}$/ }],
  },
  {
    name: 'council-list',
    tag: 'tally-council-list',
    label: 'Council list',
    summary: 'every area’s result',
    options: [
      { kind: 'map', name: 'layout-src', label: 'Show the hex map' },
      { kind: 'choice', name: 'filter', label: 'Show', values: choices(AREA_FILTERS, { all: 'All areas', gains: 'Changed hands', holds: 'Held', noc: 'No overall control', awaiting: 'Awaiting' }) },
      { kind: 'choice', name: 'group-by', label: 'Group by', values: choices(AREA_GROUPINGS, { none: 'No grouping', region: 'Region', type: 'Type' }) },
      { kind: 'choice', name: 'sort', label: 'Order', values: choices(AREA_SORTS, { name: 'Name, A to Z', declared: 'Latest declared first' }) },
    ],
  },
  {
    name: 'ticker',
    tag: 'tally-ticker',
    label: 'Ticker',
    summary: 'the latest results',
    options: [
      { kind: 'choice', name: 'mode', label: 'Shape', values: choices(['list', 'strip'], { list: 'A list', strip: 'One line (strip)' }) },
      { kind: 'text', name: 'max-items', label: 'Most items', hint: 'a whole number, e.g. 10', pattern: /^[1-9]\d?$/ },
      { kind: 'text', name: 'area', label: 'Only these areas', hint: 'area ids separated by spaces', pattern: /^[A-Za-z0-9_.:-]+(?:[ ,]+[A-Za-z0-9_.:-]+)*$/, suggestAreas: true },
    ],
  },
  {
    name: 'area-result',
    tag: 'tally-area-result',
    label: 'Area result',
    summary: 'one area’s result',
    options: [
      { ...AREA, label: 'Area' },
      { kind: 'choice', name: 'search', label: 'Search by name', values: choices(['', 'search'], { '': 'Off', search: 'On: readers find their area' }) },
      {
        kind: 'text',
        name: 'postcode-url',
        label: 'Postcode look-up service',
        hint: 'a URL with {postcode}, e.g. https://api.postcodes.io/postcodes/{postcode}',
        pattern: /^https:\/\/[^\s"'<>]*\{postcode\}[^\s"'<>]*$/,
      },
      { kind: 'text', name: 'postcode-field', label: 'Area code in its answer', hint: 'dot paths, e.g. result.codes.admin_ward result.codes.admin_district', pattern: /^[\w-]+(?:\.[\w-]+)*(?:[ ,]+[\w-]+(?:\.[\w-]+)*)*$/ },
      { kind: 'choice', name: 'link', label: 'Keep the area in the page address', values: choices(['', 'link'], { '': 'No', link: 'Yes (#tally-area=…)' }) },
    ],
  },
];

/** The description of one widget; throws for an unknown name. */
export function widgetDescription(name: string): WidgetDescription {
  const widget = WIDGETS.find((candidate) => candidate.name === name);
  if (!widget) throw new Error(`unknown widget "${name}" (expected ${WIDGETS.map((candidate) => candidate.name).join(', ')})`);
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
