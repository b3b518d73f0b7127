/**
 * The council list's list pane: the filters, party, search, grouping and sorting; the count;
 * the rows (one tab stop, arrow keys between rows) with the open area's detail.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  AREA_FILTERS,
  AREA_SORTS,
  availableGroupings,
  controlIsCounted,
  partiesWithAreas,
  type AreaRow,
} from '../../derive/area-rows.js';
import { areaKind, seatsSummary } from '../../derive/area-view.js';
import { isolate } from '../../i18n/bidi.js';
import { formatNumber } from '../../i18n/format.js';
import { messagesVersion, translate } from '../../i18n/messages.js';
import { feedNames } from '../../i18n/names.js';
import { describeOutcome } from '../../i18n/sentences.js';
import { styleMap } from '../shared/style-map.js';
import { renderAreaDetail, withTime } from './area-detail.js';
import type { ListView } from './view.js';

export function renderListPane(view: ListView): TemplateResult {
  const { locale, selection, uid, on } = view;
  const hintId = `${uid}-list-hint`;
  const hiddenSelected =
    view.selected !== undefined && !view.shownIds.has(view.selected) ? view.rowsById.get(view.selected) : undefined;
  const grouped = selection.shown > 0 && (selection.groups.length > 1 || selection.groups[0]?.label !== undefined);
  return html`<div class="list-pane">
    ${renderControls(view)}
    <p class="count" part="count">${translate(locale, 'councilList.showing', { shown: formatNumber(selection.shown, locale), total: formatNumber(selection.total, locale) })}</p>
    <p class="visually-hidden" role="status">${view.announcement}</p>
    ${
      hiddenSelected
        ? html`<p class="notice hidden-selected" part="notice" data-kind="hidden-selected">
          ${translate(locale, 'councilList.hiddenSelected', { name: isolate(hiddenSelected.name) })}
          <button type="button" class="link" @click=${on.showSelected}>${translate(locale, 'councilList.showSelected')}</button>
        </p>`
        : nothing
    }
    <div class="list-scroll" part="list" id=${`${uid}-list`} ?data-grouped=${grouped} @keydown=${on.rowKeydown} @click=${on.rowClick}>
      ${
        selection.shown === 0
          ? html`<p class="empty" part="empty">${translate(locale, 'councilList.noMatches')}
            <button type="button" class="link" @click=${on.clearFilters}>${translate(locale, 'councilList.clearFilters')}</button></p>`
          : selection.groups.map((group) => renderGroup(view, group.key, group.label, group.rows, hintId))
      }
    </div>
    <p class="hint" id=${hintId}>${translate(locale, 'councilList.listHint')}</p>
  </div>`;
}

function renderGroup(
  view: ListView,
  key: string,
  label: string | undefined,
  rows: readonly AreaRow[],
  hintId: string,
): TemplateResult {
  const { locale, uid } = view;
  const grouped = view.selection.groups.length > 1 || label !== undefined;
  const labelId = `${uid}-group-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const text = label ?? translate(locale, 'councilList.groupNotGiven');
  return html`
    ${grouped ? html`<p class="group-label" part="group-label" id=${labelId}><bdi>${text}</bdi> <span class="group-count">(${formatNumber(rows.length, locale)})</span></p>` : nothing}
    <ul class="rows" aria-labelledby=${grouped ? labelId : nothing} aria-label=${grouped ? nothing : translate(locale, 'councilList.list')} aria-describedby=${hintId}>
      ${repeat(
        rows.filter((row) => view.rowsNow.has(row.id)),
        (row) => row.id,
        (row) =>
          guard(
            [
              row,
              row.id === view.selected,
              row.id === view.rowStop,
              view.isNew(row.id),
              view.palette,
              locale,
              messagesVersion(),
              view.timeZone,
            ],
            () => view.renderRow(row),
          ),
      )}
    </ul>
  `;
}

/** One area's row, and its detail when it is open. */
export function renderRow(view: ListView, row: AreaRow): TemplateResult {
  const { feed, locale, uid, palette, undeclared, timeZone } = view;
  const selected = row.id === view.selected;
  const colour = row.colourKey !== undefined ? palette.get(row.colourKey) : undefined;
  const seats = seatsSummary(row, feed, locale);
  const fresh = view.isNew(row.id);
  const detailId = `${uid}-detail-${row.id}`;
  // Compact (vite.templates.ts): the row's boxes are grid and flex items, so the white space
  // between its tags renders nothing, and it is not cloned into every row.
  return html /* compact */ `<li
    class="row"
    part="row"
    data-id=${row.id}
    data-kind=${areaKind(row)}
    ?data-gain=${row.changedHands}
    ?data-selected=${selected}
    ?data-new=${fresh}
    style=${styleMap({ '--_fill': colour?.fill ?? undeclared.fill, '--_ring': colour?.text ?? undeclared.text })}
  >
    <button
      type="button"
      class="row-button"
      id=${`${uid}-row-${row.id}`}
      data-id=${row.id}
      tabindex=${row.id === view.rowStop ? '0' : '-1'}
      aria-expanded=${selected ? 'true' : 'false'}
      aria-controls=${selected ? detailId : nothing}
    >
      <span class="swatch" part="swatch" aria-hidden="true"></span>
      <span class="row-main">
        <bdi class="row-name">${row.name}</bdi><span class="visually-hidden">, </span>
        <span class="row-outcome">${describeOutcome(row.outcome, feed, locale)}</span>
        ${seats ? html`<span class="visually-hidden">, </span><span class="row-seats">${seats}</span>` : nothing}
      </span>
      ${
        fresh || row.declaredAt
          ? html /* compact */ `<span class="row-side">
            ${fresh ? html`<span class="visually-hidden">, </span><span class="row-new">${translate(locale, 'councilList.new')}</span>` : nothing}${row.declaredAt ? html`<span class="visually-hidden">, </span><span class="row-time">${withTime(locale, 'councilList.declaredAt', row.declaredAt, timeZone)}</span>` : nothing}
          </span>`
          : nothing
      }
    </button>
    ${selected ? renderAreaDetail(row, detailId, { feed, locale, timeZone, palette }) : nothing}
  </li>`;
}

function renderControls(view: ListView): TemplateResult {
  const { feed, locale, selection, uid, on } = view;
  const names = feedNames(feed, locale);
  const filters = AREA_FILTERS.filter((option) => option !== 'noc' || controlIsCounted(feed));
  const parties = partiesWithAreas(feed, view.rows);
  if (view.party && !parties.includes(view.party)) parties.push(view.party);
  const groupings = availableGroupings(view.rows);
  const id = (name: string) => `${uid}-${name}`;
  return html`<form class="controls" part="controls" @submit=${(event: Event) => event.preventDefault()}>
    <fieldset class="filters">
      <legend>${translate(locale, 'councilList.filters')}</legend>
      ${filters.map(
        (option) => html`<label class="chip" data-filter=${option}>
          <input type="radio" name=${id('filter')} value=${option} ?checked=${view.filter === option} @change=${on.filterChange} />
          <span class="chip-label">${translate(locale, `councilList.filter.${option}`)}</span>
          <span class="chip-count">${formatNumber(selection.filterCounts[option], locale)}</span>
        </label>`,
      )}
    </fieldset>
    <div class="fields">
      <div class="field field-search">
        <label for=${id('search')}>${translate(locale, 'councilList.search')}</label>
        <input id=${id('search')} type="search" autocomplete="off" spellcheck="false" .value=${live(view.search ?? '')} @input=${on.searchInput} />
      </div>
      <div class="field">
        <label for=${id('party')}>${translate(locale, 'councilList.party')}</label>
        <select id=${id('party')} @change=${on.partyChange}>
          <option value="" ?selected=${!view.party}>${translate(locale, 'councilList.anyParty')}</option>
          ${parties.map(
            (party) => html`<option value=${party} ?selected=${view.party === party}>
              ${translate(locale, 'councilList.optionCount', { label: isolate(names.party(party)), count: formatNumber(selection.partyCounts.get(party) ?? 0, locale) })}
            </option>`,
          )}
        </select>
      </div>
      ${
        groupings.length > 1
          ? html`<div class="field">
            <label for=${id('group')}>${translate(locale, 'councilList.groupBy')}</label>
            <select id=${id('group')} @change=${on.groupChange}>
              ${groupings.map((option) => html`<option value=${option} ?selected=${view.groupBy === option}>${translate(locale, `councilList.group.${option}`)}</option>`)}
            </select>
          </div>`
          : nothing
      }
      <div class="field">
        <label for=${id('sort')}>${translate(locale, 'councilList.sortBy')}</label>
        <select id=${id('sort')} @change=${on.sortChange}>
          ${AREA_SORTS.map((option) => html`<option value=${option} ?selected=${view.sort === option}>${translate(locale, `councilList.sort.${option}`)}</option>`)}
        </select>
      </div>
    </div>
  </form>`;
}
