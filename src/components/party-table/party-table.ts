/**
 * <tally-party-table>: the "state of parties" table every UK live blog runs, and the result
 * of one council or constituency with `area`.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from '../shared/style-map.js';
import type { Feed } from '../../feed/schema.js';
import {
  collapseSteps,
  parseColumns,
  type CollapseStep,
  type ColumnGroup,
  type SortColumn,
} from '../../derive/party-table-columns.js';
import {
  basisChange,
  changedRowKeys,
  DEFAULT_MAX_PARTIES,
  OTHERS_PARTY_IDS,
  partyTable,
  type PartyTable,
  type PartyTableResult,
  type PartyTableRow,
} from '../../derive/party-table.js';
import {
  defaultSort,
  layoutRows,
  nextSort,
  parseSort,
  type PartyTableSort,
  type SortContext,
  type SortDirection,
} from '../../derive/party-table-sort.js';
import { STATE_OF_PARTIES_BASES, type StateOfPartiesBasis } from '../../derive/state-of-parties.js';
import { capitalise, formatNumber, formatShare } from '../../i18n/format.js';
import { isolate } from '../../i18n/bidi.js';
import { translate } from '../../i18n/messages.js';
import { feedNames } from '../../i18n/names.js';
import { describeOutcome, describeProgress } from '../../i18n/sentences.js';
import { FeedElement } from '../shared/feed-element.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { widgetStyles } from '../shared/styles.js';
import { renderCell, renderHeading, renderNotes, renderTotals } from './render-cells.js';
import { FitColumnsController } from './fit-columns.js';
import { partyTableStyles } from './party-table.styles.js';
import './messages.js';

/** `tally-party-table-sort` detail: the order a reader chose. */
export interface PartyTableSortDetail {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

/** `tally-party-table-toggle` detail: the Others row opened or closed by a reader. */
export interface PartyTableToggleDetail {
  readonly expanded: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'tally-party-table-sort': CustomEvent<PartyTableSortDetail>;
    'tally-party-table-toggle': CustomEvent<PartyTableToggleDetail>;
  }
  interface HTMLElementTagNameMap {
    'tally-party-table': TallyPartyTable;
  }
}

/** How long a changed row stays highlighted (ms); matches the animation in the styles. */
const FLASH_MS = 2400;

/**
 * The party change table: one row per party with councils, seats, votes and share and their
 * changes, an Others row grouping the smallest parties, a No overall control row, and totals.
 * Sortable by any column; changed rows are briefly highlighted. On narrow screens lower-priority
 * columns give way in this order: votes, share change, share, council-seat change, council
 * seats, then party names shorten, then council change, candidate, councils; party, seats and
 * seat change always stay. In a single-seat contest: share change, names, candidate, share;
 * the votes always stay.
 *
 * @tag tally-party-table
 * @summary The state of parties (or one area's result) as an accessible, sortable table.
 *
 * @fires tally-party-table-sort - A reader sorted the table. Detail: `{ column, direction }`.
 * @fires tally-party-table-toggle - A reader opened or closed the Others row. Detail: `{ expanded }`.
 * @fires tally-feed-update - A new feed is shown (from FeedController).
 * @fires tally-feed-error - The feed could not be loaded or used (from FeedController).
 * @fires tally-feed-stale - The feed has not been confirmed for a while (from FeedController).
 *
 * @csspart frame - The outer box.
 * @csspart scroller - The box around the table; scrolls sideways only if even the narrowest layout does not fit.
 * @csspart table - The `<table>`.
 * @csspart title - The table's title ("State of the parties", or the area's name).
 * @csspart caption - The line under the title: progress, outcome, majority, baseline.
 * @csspart column-header - Each column heading cell.
 * @csspart sort-button - The button inside each column heading.
 * @csspart row - Each body row (also `party-row`, `others-row`, `member-row` or `noc-row`).
 * @csspart swatch - The party colour square.
 * @csspart others-toggle - The button that opens the Others row.
 * @csspart elected - The "Elected" badge in a single-seat contest.
 * @csspart totals - The totals row.
 * @csspart notes - Whose figures these are, notes, and columns the feed lacks.
 * @csspart notice - A message in place of (or above) the table: no feed, failed, unknown area, no results, totals now counted another way.
 * @csspart skeleton - The placeholder while loading.
 * @csspart status - The status line ("Updated 02:41").
 * @csspart error-detail - "Details for developers": why the feed failed, closed, under the notice or the status line.
 * @csspart watermark - The TEST DATA watermark.
 *
 * @cssprop --tally-party-table-min-height - Height reserved before the data arrives (default 14 × the base font size).
 * @cssprop --tally-party-<id> - Colour of one party (CSS variable, then feed colour, then built-in default).
 */
export class TallyPartyTable extends FeedElement(LitElement) {
  static override styles = [widgetStyles, partyTableStyles];

  static override properties = {
    columns: { type: String },
    area: { type: String },
    basis: { type: String },
    maxParties: { type: Number, attribute: 'max-parties' },
    sort: { type: String },
    userSort: { state: true },
    othersExpanded: { state: true },
  };

  /** Column groups to show, in order: `councils seats held votes share candidate`. Default: what the feed has. */
  declare columns: string | undefined;
  /** Id of one council or constituency to show instead of the whole election. */
  declare area: string | undefined;
  /** Whose totals: `auto` (publisher's summary when the feed has one), `publisher` or `derived`. */
  declare basis: StateOfPartiesBasis | undefined;
  /** Party rows before the smallest are grouped as Others (default 10; 0 for no grouping). */
  declare maxParties: number | undefined;
  /** Initial order: a column (`seats`, `votes`, `party`, …), optionally `ascending`/`descending`. */
  declare sort: string | undefined;

  /** The order the reader chose, over `sort`. */
  declare private userSort: PartyTableSort | undefined;
  declare private othersExpanded: boolean;

  private readonly fitter = new FitColumnsController(this, {
    watch: () => [this.renderRoot.querySelector('.sizer'), this.renderRoot.querySelector('.font-probe')],
    box: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
    table: () => this.renderRoot.querySelector<HTMLElement>('table'),
    steps: () => this.collapseSteps(),
    key: () => this.layoutKey,
  });

  /** The table on screen: the last good one (kept through an unknown area or an empty feed). */
  private table: PartyTable | undefined;
  /** Why the current feed and settings give no table, when they do not. */
  private problem: Exclude<PartyTableResult, { kind: 'table' }> | undefined;
  private builtFrom: { feed: Feed; key: string } | undefined;
  /**
   * Whose figures the totals became in an update of the same view (the publisher's summary
   * arriving or going): said above the table, politely announced, until the view changes.
   */
  private basisNote: PartyTable['basis'] | undefined;
  /** Rows to highlight after the last update, and which of two animations restarts it. */
  private flashing = new Set<string>();
  private flashName: 'a' | 'b' = 'b';
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the last render laid out, for the column fitter. */
  private layoutKey = '';
  private tableVersion = 0;

  constructor() {
    super();
    this.othersExpanded = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.flashTimer);
    this.flashing = new Set();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('sort')) this.userSort = undefined;
    const feed = this.data.feed;
    if (!feed) return;
    const requested = this.requestedColumns();
    const basis = this.choice('basis', this.basis, STATE_OF_PARTIES_BASES, 'auto');
    const maxParties = this.countSetting('max-parties', this.maxParties, 0, DEFAULT_MAX_PARTIES);
    // A different source is a different table: nothing in it counts as "changed".
    const key = JSON.stringify([
      this.data.mode === 'src' ? this.src : this.data.mode,
      requested,
      this.area ?? null,
      basis,
      maxParties ?? null,
    ]);
    if (this.builtFrom?.feed === feed && this.builtFrom.key === key) return;
    const sameView = this.builtFrom?.key === key;
    const result = partyTable(feed, { columns: requested, area: this.area, basis, maxParties });
    this.builtFrom = { feed, key };
    if (result.kind === 'table') {
      // Totals counted another way jump without any seat moving: no highlight that says they moved.
      const basis = sameView ? basisChange(this.table, result.table) : undefined;
      if (basis) this.basisNote = basis;
      else if (!sameView) this.basisNote = undefined;
      this.flash(sameView && !basis ? changedRowKeys(this.table, result.table) : new Set());
      if (!sameView) this.othersExpanded = false;
      this.table = result.table;
      this.tableVersion += 1;
      this.problem = undefined;
      if (result.table.missing.length > 0) {
        this.warnOnce(
          `the feed has no figures for the column${result.table.missing.length > 1 ? 's' : ''} ${result.table.missing.join(', ')}; ${result.table.missing.length > 1 ? 'they are' : 'it is'} left out`,
        );
      }
    } else {
      this.problem = result;
      // The last good table stays only when it shows the same thing (a feed that lost the area).
      if (!sameView) this.table = undefined;
      this.warnOnce(
        result.kind === 'unknown-area'
          ? `there is no area "${result.area}" in this feed`
          : 'the feed has no areas and no summary: there is nothing to show yet',
      );
    }
  }

  protected override render(): TemplateResult {
    return this.renderShell((feed) => this.renderContent(feed, this.locale), { sizer: true });
  }

  private renderContent(feed: Feed, locale: string): TemplateResult {
    const problem = this.problem ? this.renderProblem(this.problem, locale) : nothing;
    const table = this.table;
    if (!table) return html`${problem}`;
    const hasRows = table.parties.length > 0 || table.others !== undefined || table.noOverallControl !== undefined;
    if (!hasRows) {
      const message = table.area
        ? translate(locale, 'partyTable.areaNoResults', { status: translate(locale, `status.${table.area.status}`) })
        : translate(locale, table.declared === 0 ? 'partyTable.noResults' : 'partyTable.noFigures');
      return html`${problem}
        <div class="heading">${this.renderTitle(feed, table, locale)}</div>
        <p class="notice" part="notice" data-kind="no-results">${message}</p>`;
    }
    return html`${problem}${this.renderBasisNote(locale)}${this.renderTable(feed, table, locale)}`;
  }

  /** A polite live region, always there so that a note put in it is announced. */
  private renderBasisNote(locale: string): TemplateResult {
    const note = this.basisNote;
    return html`<div class="basis-live" aria-live="polite">${
      note
        ? html`<p class="notice" part="notice" data-kind="basis">${translate(locale, note === 'publisher' ? 'partyTable.basisNowPublisher' : 'partyTable.basisNowDerived')}</p>`
        : nothing
    }</div>`;
  }

  private renderProblem(problem: NonNullable<typeof this.problem>, locale: string): TemplateResult {
    const text =
      problem.kind === 'unknown-area'
        ? translate(locale, 'feed.unknownArea', { id: problem.area })
        : translate(locale, 'feed.empty');
    return html`<p class="notice" part="notice" data-kind=${problem.kind}>${text}</p>`;
  }

  private renderTitle(feed: Feed, table: PartyTable, locale: string): TemplateResult {
    const names = feedNames(feed, locale);
    const parts: string[] = [];
    let title: string;
    if (table.area) {
      title = names.area(table.area.id);
      parts.push(describeOutcome(table.area.outcome, feed, locale, false));
      if (table.area.majority !== undefined)
        parts.push(translate(locale, 'partyTable.majority', { count: formatNumber(table.area.majority, locale) }));
      if (table.area.turnout !== undefined)
        parts.push(translate(locale, 'partyTable.turnout', { value: formatShare(table.area.turnout, locale) }));
    } else {
      title = translate(locale, 'partyTable.title');
      // With nothing declared, the notice under the heading says so.
      if (table.declared > 0)
        parts.push(capitalise(describeProgress(table.declared, table.total, table.areaType, locale), locale));
    }
    if (table.baselineLabel) parts.push(isolate(table.baselineLabel));
    return html`<bdi class="title" part="title">${title}</bdi>${parts.length > 0 ? html`<span class="subtitle" part="caption">${parts.join(' · ')}</span>` : nothing}`;
  }

  private renderTable(feed: Feed, table: PartyTable, locale: string): TemplateResult {
    const names = feedNames(feed, locale);
    const sort = this.currentSort(table);
    const context: SortContext = { locale, name: (row) => this.rowName(row, names, locale) };
    const rows = layoutRows(table, sort, this.othersExpanded, context);
    const palette = partyPalette(
      this,
      feed,
      this.preferences.scheme(this.theme),
      rows.map((row) => row.colour),
    );
    const flash = this.preferences.reduceMotion ? undefined : this.flashName;
    this.layoutKey = [this.tableVersion, locale, sort.column, sort.direction, this.othersExpanded].join('|');
    return html`<div class="scroller" part="scroller">
      <table part="table">
        <caption>
          ${this.renderTitle(feed, table, locale)}<span class="visually-hidden">${translate(locale, 'partyTable.sortHint')}</span>
        </caption>
        <thead>
          <tr>
            ${repeat(
              ['party' as const, ...table.columns],
              (column) => column,
              (column) => renderHeading(column, sort, locale, (chosen) => this.onSort(chosen)),
            )}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (row) => row.key,
            (row) =>
              this.renderRow(
                row,
                table,
                names,
                palette,
                locale,
                flash !== undefined && this.flashing.has(row.key) ? flash : undefined,
              ),
          )}
        </tbody>
        ${renderTotals(table, locale)}
      </table>
      ${renderNotes(table, locale)}
    </div>`;
  }

  private renderRow(
    row: PartyTableRow,
    table: PartyTable,
    names: ReturnType<typeof feedNames>,
    palette: Map<string, PartyColour>,
    locale: string,
    flash: 'a' | 'b' | undefined,
  ): TemplateResult {
    const colour = palette.get(row.colour);
    const swatch = html`<span class="swatch" part="swatch" style=${styleMap({ '--_swatch': colour?.fill ?? null })}></span>`;
    let label: TemplateResult;
    if (row.kind === 'others') label = this.renderOthersLabel(table, swatch, locale);
    else {
      const full = this.rowName(row, names, locale);
      const short =
        row.kind === 'noc' ? translate(locale, 'control.nocShort') : names.party(row.party, { short: true });
      label = html`<span class="who">${swatch}<span
          >${
            short !== full
              ? html`<bdi class="name-full">${full}</bdi><bdi class="name-short" aria-hidden="true">${short}</bdi>`
              : html`<bdi class="name">${full}</bdi>`
          }${
            row.elected
              ? html` <span class="badge" part="elected">${translate(locale, 'partyTable.elected')}</span>`
              : nothing
          }</span
        ></span>`;
    }
    return html`<tr
      class=${row.kind}
      part="row ${row.kind}-row"
      id=${row.kind === 'member' ? `member-${row.party}` : nothing}
      data-key=${row.key}
      data-party=${row.party}
      data-flash=${flash ?? nothing}
    >
      <th scope="row" data-column="party">${label}</th>
      ${table.columns.map((column) => renderCell(row, column, locale))}
    </tr>`;
  }

  private renderOthersLabel(table: PartyTable, swatch: TemplateResult, locale: string): TemplateResult {
    const members = table.others?.members ?? [];
    const text = translate(locale, 'party.others');
    // Only the feed's own "others" inside: nothing to open.
    if (!members.some((member) => !OTHERS_PARTY_IDS.includes(member.party)))
      return html`<span class="who">${swatch}<span>${text}</span></span>`;
    const count = translate(locale, 'partyTable.othersCount', { count: members.length });
    return html`<span class="who">${swatch}<button
        type="button"
        class="toggle"
        part="others-toggle"
        aria-expanded=${this.othersExpanded ? 'true' : 'false'}
        aria-controls=${this.othersExpanded ? members.map((member) => `member-${member.party}`).join(' ') : nothing}
        @click=${this.onToggleOthers}
      >
        <span class="marker" aria-hidden="true">▶</span><span>${text}</span><span class="count">(${count})</span>
      </button></span>`;
  }

  private rowName(row: PartyTableRow, names: ReturnType<typeof feedNames>, locale: string): string {
    if (row.kind === 'others') return translate(locale, 'party.others');
    return names.party(row.party);
  }

  private currentSort(table: PartyTable): PartyTableSort {
    const available = (sort: PartyTableSort | undefined) =>
      sort !== undefined && (sort.column === 'party' || table.columns.includes(sort.column));
    if (available(this.userSort)) return this.userSort!;
    const fallback = defaultSort(table.columns);
    if (this.sort === undefined || this.sort === null || this.sort.trim() === '') return fallback;
    const chosen = parseSort(this.sort, table.columns);
    if (!chosen)
      this.warnOnce(
        `sort="${this.sort}" names no column of this table (${['party', ...table.columns].join(', ')}); sorting by ${fallback.column}`,
      );
    return chosen ?? fallback;
  }

  private collapseSteps(): readonly CollapseStep[] {
    return collapseSteps(this.table?.columns ?? [], this.table?.area?.singleSeat ?? false);
  }

  private requestedColumns(): readonly ColumnGroup[] | undefined {
    if (this.columns === undefined || this.columns === null) return undefined;
    const { groups, unknown } = parseColumns(this.columns);
    if (unknown.length > 0)
      this.warnOnce(
        `columns="${this.columns}": ${unknown.map((word) => `"${word}"`).join(', ')} ${unknown.length > 1 ? 'are not column names' : 'is not a column name'} (use councils, seats, held, votes, share, candidate)`,
      );
    return groups.length > 0 ? groups : undefined;
  }

  private flash(keys: Set<string>): void {
    clearTimeout(this.flashTimer);
    this.flashing = keys;
    if (keys.size === 0) return;
    this.flashName = this.flashName === 'a' ? 'b' : 'a';
    this.flashTimer = setTimeout(() => {
      this.flashing = new Set();
      this.requestUpdate();
    }, FLASH_MS);
  }

  private onSort(column: SortColumn): void {
    if (!this.table) return;
    const sort = nextSort(this.currentSort(this.table), column);
    this.userSort = sort;
    this.dispatchEvent(
      new CustomEvent<PartyTableSortDetail>('tally-party-table-sort', { detail: sort, bubbles: true, composed: true }),
    );
  }

  private onToggleOthers(): void {
    this.othersExpanded = !this.othersExpanded;
    this.dispatchEvent(
      new CustomEvent<PartyTableToggleDetail>('tally-party-table-toggle', {
        detail: { expanded: this.othersExpanded },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
