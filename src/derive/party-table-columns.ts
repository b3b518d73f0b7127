/**
 * Which columns a party table shows. A column group ("seats") is a figure and, where the data
 * has one, its change ("seatsChange"). Groups come from the `columns` setting when given, in
 * the order given, else from what the rows actually carry, in a fixed order. A column in
 * which every figure is unknown is never shown: it would only be a column of dashes.
 */

/** Column groups a producer can ask for in `columns="councils seats votes share"`. */
export const COLUMN_GROUPS = ['candidate', 'councils', 'seats', 'held', 'votes', 'share'] as const;
export type ColumnGroup = (typeof COLUMN_GROUPS)[number];

/** Figures a row can carry: one per column. */
export const NUMERIC_COLUMNS = [
  'councils',
  'councilsChange',
  'seats',
  'seatsChange',
  'held',
  'heldChange',
  'votes',
  'share',
  'shareChange',
] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

/** Every column a table can show, besides the party column. */
export type DataColumn = NumericColumn | 'candidate';
/** Every column that can be sorted on. */
export type SortColumn = DataColumn | 'party';

/** How a column's figures are written: a count, a signed change, a share in %, a change in points, text. */
export type ColumnFormat = 'count' | 'change' | 'share' | 'points' | 'text';

export const COLUMN_FORMAT: Readonly<Record<DataColumn, ColumnFormat>> = {
  councils: 'count',
  councilsChange: 'change',
  seats: 'count',
  seatsChange: 'change',
  held: 'count',
  heldChange: 'change',
  votes: 'count',
  share: 'share',
  shareChange: 'points',
  candidate: 'text',
};

/** The columns of each group, figure first, then its change. */
export const GROUP_COLUMNS: Readonly<Record<ColumnGroup, readonly DataColumn[]>> = {
  councils: ['councils', 'councilsChange'],
  seats: ['seats', 'seatsChange'],
  held: ['held', 'heldChange'],
  votes: ['votes'],
  share: ['share', 'shareChange'],
  candidate: ['candidate'],
};

/** The group a column belongs to. */
export function columnGroup(column: DataColumn): ColumnGroup {
  for (const group of COLUMN_GROUPS) if (GROUP_COLUMNS[group].includes(column)) return group;
  /* c8 ignore next */
  throw new RangeError(`unknown column '${column}'`);
}

/**
 * The order in which columns give way when the table is too wide for its space, first to go
 * first. Party, seats and seat change never go. "names" is not a column: it is the step at
 * which party names switch to their short form.
 */
export const COLLAPSE_ORDER = [
  'votes',
  'shareChange',
  'share',
  'heldChange',
  'names',
  'held',
  'councilsChange',
  'candidate',
  'councils',
] as const;
export type CollapseStep = (typeof COLLAPSE_ORDER)[number];

/**
 * The same for one single-seat contest, where votes and share are the result itself: the
 * share change goes first, then names shorten, then the candidate, then the share; the votes
 * always stay.
 */
export const SINGLE_SEAT_COLLAPSE_ORDER = [
  'shareChange',
  'names',
  'candidate',
  'share',
] as const satisfies readonly CollapseStep[];

/** The collapse steps that apply to a table with these columns, first to go first. */
export function collapseSteps(columns: readonly DataColumn[], singleSeat = false): CollapseStep[] {
  const order: readonly CollapseStep[] = singleSeat ? SINGLE_SEAT_COLLAPSE_ORDER : COLLAPSE_ORDER;
  return order.filter((step) => step === 'names' || columns.includes(step));
}

export interface ParsedColumns {
  /** Known groups, in the order given, without repeats. */
  readonly groups: readonly ColumnGroup[];
  /** Words that name no column group, for a warning. */
  readonly unknown: readonly string[];
}

/** Read a `columns` attribute: group names separated by spaces or commas, any case. */
export function parseColumns(text: string): ParsedColumns {
  const groups: ColumnGroup[] = [];
  const unknown: string[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const token = word.toLowerCase();
    if ((COLUMN_GROUPS as readonly string[]).includes(token)) {
      if (!groups.includes(token as ColumnGroup)) groups.push(token as ColumnGroup);
    } else unknown.push(word);
  }
  return { groups, unknown };
}

/** What a row needs to offer for column choice: a figure per column, and a candidate name. */
export interface ColumnSource {
  readonly values: Readonly<Partial<Record<NumericColumn, number | undefined>>>;
  readonly candidate?: string | undefined;
}

function hasFigure(rows: readonly ColumnSource[], column: DataColumn): boolean {
  if (column === 'candidate') return rows.some((row) => row.candidate !== undefined);
  return rows.some((row) => row.values[column] !== undefined);
}

export interface ColumnChoice {
  readonly columns: readonly DataColumn[];
  /** Requested groups the rows have no figures for (left out, for a notice and a warning). */
  readonly missing: readonly ColumnGroup[];
}

/**
 * The columns to show for `rows`. With `requested` groups, those groups in that order, each
 * with the columns its rows have figures for; groups with no figures at all are reported as
 * missing. Without, every group the rows have figures for, in `COLUMN_GROUPS` order (the
 * candidate first: in a single-seat contest the candidate is who the row is about).
 */
export function chooseColumns(rows: readonly ColumnSource[], requested?: readonly ColumnGroup[]): ColumnChoice {
  const groups = requested && requested.length > 0 ? requested : COLUMN_GROUPS;
  const columns: DataColumn[] = [];
  const missing: ColumnGroup[] = [];
  for (const group of groups) {
    const [main, ...changes] = GROUP_COLUMNS[group];
    if (!hasFigure(rows, main!)) {
      if (requested && requested.length > 0) missing.push(group);
      continue;
    }
    columns.push(main!);
    for (const change of changes) if (hasFigure(rows, change)) columns.push(change);
  }
  return { columns, missing };
}
