/**
 * Sorting a party table and laying out its rows. Party rows sort by any column; the Others
 * row and the No overall control row stay at the foot whatever the order, because they are
 * not parties. Unknown figures sort last in either direction, and ties keep the default
 * order (largest first), so a sort never shuffles equal rows between updates.
 */
import { COLUMN_FORMAT, type DataColumn, type SortColumn } from './party-table-columns.js';
import type { PartyTable, PartyTableRow } from './party-table.js';

export type SortDirection = 'ascending' | 'descending';

export interface PartyTableSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

/** Columns sorted by words rather than numbers. */
const TEXT_COLUMNS: readonly SortColumn[] = ['party', 'candidate'];

/** The first direction for a column: A to Z for words, largest first for figures. */
export function initialDirection(column: SortColumn): SortDirection {
  return TEXT_COLUMNS.includes(column) ? 'ascending' : 'descending';
}

/** The order before anyone sorts: by seats, else councils, whole-council seats, votes, share. */
export function defaultSort(columns: readonly DataColumn[]): PartyTableSort {
  const column = (['seats', 'councils', 'held', 'votes', 'share'] as const).find((candidate) =>
    columns.includes(candidate),
  );
  return column ? { column, direction: 'descending' } : { column: 'party', direction: 'ascending' };
}

/** The sort after activating a column header: the same column flips, another starts afresh. */
export function nextSort(current: PartyTableSort, column: SortColumn): PartyTableSort {
  if (current.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: initialDirection(column) };
}

/**
 * Read a `sort` setting: a column, optionally followed by "ascending"/"descending" (or
 * "asc"/"desc"). Undefined when the text names no column of the table.
 */
export function parseSort(text: string | undefined, columns: readonly DataColumn[]): PartyTableSort | undefined {
  const [name, way] = (text ?? '').trim().split(/\s+/);
  if (!name) return undefined;
  const column =
    name === 'party' ? 'party' : columns.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (!column) return undefined;
  const direction = /^asc/i.test(way ?? '')
    ? 'ascending'
    : /^desc/i.test(way ?? '')
      ? 'descending'
      : initialDirection(column);
  return { column, direction };
}

export interface SortContext {
  /** Display name of a party row, for sorting by name. */
  name(row: PartyTableRow): string;
  /** Locale for comparing names. */
  locale: string;
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let found = collators.get(locale);
  if (!found) {
    try {
      found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    } catch {
      found = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
    }
    collators.set(locale, found);
  }
  return found;
}

/**
 * Rows (given in default order) sorted by `sort`. Returns a new array; the input is kept.
 * Unknown values (no figure, no candidate name) go last in both directions.
 */
export function sortRows(rows: readonly PartyTableRow[], sort: PartyTableSort, context: SortContext): PartyTableRow[] {
  const rank = new Map(rows.map((row, index) => [row.key, index]));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compareText = collator(context.locale).compare;
  const valueOf = (row: PartyTableRow): string | number | undefined => {
    if (sort.column === 'party') return context.name(row);
    if (sort.column === 'candidate') return row.candidate;
    return row.values[sort.column];
  };
  return [...rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else {
      const difference = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (difference !== 0) return sign * difference;
    }
    return rank.get(a.key)! - rank.get(b.key)!;
  });
}

/** True when a column holds figures that sort numerically. */
export function isNumericColumn(column: SortColumn): boolean {
  return column !== 'party' && COLUMN_FORMAT[column] !== 'text';
}

/**
 * Every row in the order shown: sorted parties, then Others (followed by its members, sorted
 * the same way, when expanded), then No overall control.
 */
export function layoutRows(
  table: PartyTable,
  sort: PartyTableSort,
  expanded: boolean,
  context: SortContext,
): PartyTableRow[] {
  const rows = sortRows(table.parties, sort, context);
  if (table.others) {
    rows.push(table.others.row);
    if (expanded) rows.push(...sortRows(table.others.members, sort, context));
  }
  if (table.noOverallControl) rows.push(table.noOverallControl);
  return rows;
}
