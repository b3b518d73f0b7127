/**
 * The party table's cells: column headings with their sort buttons, figures with changes, the
 * totals row and the notes under the table.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { COLUMN_FORMAT, type ColumnGroup, type DataColumn, type SortColumn } from '../../derive/party-table-columns.js';
import type { PartyTable, PartyTableRow } from '../../derive/party-table.js';
import type { PartyTableSort } from '../../derive/party-table-sort.js';
import { formatNumber, safeLocale } from '../../i18n/format.js';
import { renderFiguresBasis } from '../shared/feed-status.js';
import { translate, type MessageKey } from '../../i18n/messages.js';
import { cellText, trendArrow } from './cells.js';

/** Heading keys for each column. */
const HEADINGS: Readonly<Record<DataColumn, MessageKey>> = {
  councils: 'partyTable.councils',
  councilsChange: 'partyTable.councilsChange',
  seats: 'partyTable.seats',
  seatsChange: 'partyTable.seatsChange',
  held: 'partyTable.held',
  heldChange: 'partyTable.heldChange',
  votes: 'partyTable.votes',
  share: 'partyTable.share',
  shareChange: 'partyTable.shareChange',
  candidate: 'partyTable.candidate',
};

/** A column heading: a button that sorts by the column, with the order shown. */
export function renderHeading(
  column: SortColumn,
  sort: PartyTableSort,
  locale: string,
  onSort: (column: SortColumn) => void,
): TemplateResult {
  const active = sort.column === column;
  const isChange =
    column !== 'party' &&
    column !== 'candidate' &&
    (COLUMN_FORMAT[column] === 'change' || COLUMN_FORMAT[column] === 'points');
  const label = column === 'party' ? translate(locale, 'partyTable.party') : translate(locale, HEADINGS[column]);
  const shown = isChange
    ? translate(locale, column === 'shareChange' ? 'partyTable.changePoints' : 'partyTable.change')
    : label;
  const icon = active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
  return html`<th scope="col" part="column-header" data-column=${column} aria-sort=${active ? sort.direction : nothing}>
    <button type="button" class="sort" part="sort-button" @click=${() => onSort(column)}>
      ${
        isChange
          ? html`<span class="label" aria-hidden="true">${shown}</span><span class="visually-hidden">${label}</span>`
          : html`<span class="label">${label}</span>`
      }<span class="sort-icon" aria-hidden="true">${icon}</span>
    </button>
  </th>`;
}

/** One figure of a row, its change with an arrow and words for screen readers, or "not available". */
export function renderCell(row: PartyTableRow, column: DataColumn, locale: string): TemplateResult {
  if (column === 'candidate') {
    return row.candidate !== undefined
      ? html`<td data-column=${column}>${row.candidate}</td>`
      : html`<td data-column=${column}>${notAvailable(locale)}</td>`;
  }
  // No overall control has only councils: its other cells are not unknown, they do not apply.
  if (row.kind === 'noc' && column !== 'councils' && column !== 'councilsChange')
    return html`<td data-column=${column}></td>`;
  const cell = cellText(column, row.values[column], locale);
  const format = COLUMN_FORMAT[column];
  const isChange = format === 'change' || format === 'points';
  if (row.values[column] === undefined)
    return html`<td data-column=${column} class=${isChange ? 'change' : ''}>${notAvailable(locale)}</td>`;
  if (!isChange) return html`<td data-column=${column}>${cell.text}</td>`;
  const arrow = trendArrow(cell.trend);
  return html`<td data-column=${column} class="change" data-trend=${cell.trend ?? nothing}>
    <span aria-hidden="true">${arrow ? html`<span class="arrow">${arrow}</span>` : nothing}${cell.text}</span><span class="visually-hidden">${cell.spoken}</span>
  </td>`;
}

function notAvailable(locale: string): TemplateResult {
  return html`<span class="na" aria-hidden="true">–</span><span class="visually-hidden">${translate(locale, 'partyTable.notAvailable')}</span>`;
}

/** The totals row. */
export function renderTotals(table: PartyTable, locale: string): TemplateResult | typeof nothing {
  if (Object.keys(table.totals).length === 0) return nothing;
  return html`<tfoot>
    <tr part="totals">
      <th scope="row" data-column="party">${translate(locale, 'partyTable.total')}</th>
      ${table.columns.map((column) => {
        const value = column === 'candidate' ? undefined : table.totals[column];
        return html`<td data-column=${column}>${value !== undefined && column !== 'candidate' ? cellText(column, value, locale).text : nothing}</td>`;
      })}
    </tr>
  </tfoot>`;
}

/** Whose figures these are, the feed's note, and the columns it lacks. */
export function renderNotes(table: PartyTable, locale: string): TemplateResult {
  // Inside the scrolling box, so that a note about a column goes when the column does.
  const lines: (TemplateResult | string | { readonly column: DataColumn; readonly text: string })[] = [];
  if (table.scope === 'election') {
    lines.push(renderFiguresBasis(table.basis, table.source, locale));
    if (table.partialSeats) {
      lines.push(
        translate(locale, 'feed.partialSeats', {
          count: formatNumber(table.partialSeats.count, locale),
          declared: formatNumber(table.partialSeats.declared, locale),
          areas: translate(locale, `areaType.${table.areaType}`, { count: table.partialSeats.declared }),
        }),
      );
    }
  }
  if (table.note) lines.push(table.note);
  if (table.columns.includes('held')) lines.push({ column: 'held', text: translate(locale, 'partyTable.heldNote') });
  if (table.missing.length > 0) {
    const columns = table.missing
      .map((group: ColumnGroup) => translate(locale, `partyTable.${group}`).toLocaleLowerCase(safeLocale(locale)))
      .join(', ');
    lines.push(translate(locale, 'partyTable.missingColumns', { columns }));
  }
  if (lines.length === 0) return html``;
  return html`<div class="notes" part="notes">
    ${lines.map((line) => (typeof line === 'object' && 'column' in line ? html`<p data-column=${line.column}>${line.text}</p>` : html`<p>${line}</p>`))}
  </div>`;
}
