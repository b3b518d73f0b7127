/**
 * The seat bar's parts every layout shares: the majority label, the key, the tooltip, the notes
 * under the chart and the table that carries the same figures for screen readers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SeatBarItem } from '../../derive/seat-bar-groups.js';
import { isolate } from '../../i18n/bidi.js';
import { describeChange, formatNumber, formatShare } from '../../i18n/format.js';
import { renderFiguresBasis } from '../shared/feed-status.js';
import { translate } from '../../i18n/messages.js';
import { feedNames } from '../../i18n/names.js';
import type { MajorityMarker } from '../../layout/seat-bar-stacked.js';
import { styleMap } from '../shared/style-map.js';
import { colourId, descriptionId, type SeatBarView } from './view.js';

export function renderMajorityLabel(marker: MajorityMarker | undefined): TemplateResult | typeof nothing {
  if (!marker) return nothing;
  return html`<div class="majority-row">
    <span class="majority-label" part="majority-label" data-anchor=${marker.anchor} style=${styleMap({ '--x': String(marker.x) })}>${marker.label}</span>
  </div>`;
}

/** The key: a swatch, the name and the figure; parties in it are the controls for their items. */
export function renderLegend(
  items: readonly SeatBarItem[],
  view: SeatBarView,
  isControl: (item: SeatBarItem) => boolean,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  const { texts, palette, locale, selected } = view;
  return html`<ul class="legend" part="legend">
    ${repeat(
      items,
      (item) => item.key,
      (item) => {
        const text = texts.get(item.key);
        if (!text) return nothing;
        const colour = palette.get(colourId(item));
        const content = html`<span class="swatch" part="swatch" data-kind=${item.kind} style=${styleMap({ '--fill': colour?.fill ?? null })}></span
          ><bdi class="legend-name">${text.name}</bdi> <span class="legend-count">${formatNumber(item.seats, locale)}</span>`;
        if (!isControl(item)) {
          return html`<li class="legend-item" part="legend-item" data-key=${item.key} data-kind=${item.kind}>${content}</li>`;
        }
        return html`<li class="legend-entry">
          <button
            type="button"
            class="legend-item"
            part="legend-item"
            data-key=${item.key}
            data-kind=${item.kind}
            data-selectable
            data-control
            ?data-selected=${selected === item.key}
            ?data-active=${view.active === item.key}
            tabindex=${view.tabIndex(item.key)}
            aria-pressed=${String(selected === item.key)}
            aria-describedby=${descriptionId(item.key)}
          >
            ${content}
          </button>
        </li>`;
      },
    )}
  </ul>`;
}

export function renderTooltip(view: SeatBarView): TemplateResult | typeof nothing {
  const key = view.active;
  const item = key === undefined ? undefined : view.model.items.find((candidate) => candidate.key === key);
  const text = item ? view.texts.get(item.key) : undefined;
  if (!item || !text) return nothing;
  const colour = view.palette.get(colourId(item));
  const figures = [text.count, text.change, text.share].filter((part) => part !== undefined);
  const baseline = text.change !== undefined ? view.model.totals.baselineLabel : undefined;
  // The same facts are every control's accessible name; the tooltip is for the eye.
  return html`<div class="tooltip" part="tooltip" aria-hidden="true" data-key=${item.key}>
    <p class="tooltip-name">
      <span class="swatch" part="swatch" data-kind=${item.kind} style=${styleMap({ '--fill': colour?.fill ?? null })}></span><bdi>${text.name}</bdi>
    </p>
    <p class="tooltip-figures">${figures.join(' · ')}</p>
    ${baseline ? html`<p class="tooltip-note">${baseline}</p>` : nothing}
    ${text.members ? html`<p class="tooltip-note">${text.members}</p>` : nothing}
  </div>`;
}

/** Whose figures these are, what they cover, and the publisher's note on one area (`areaId`). */
export function renderNotes(view: SeatBarView, areaId: string | undefined): TemplateResult | typeof nothing {
  const { model, locale, feed } = view;
  const lines: (TemplateResult | string)[] = [];
  const totals = model.totals;
  if (totals.scope === 'election') {
    const source = totals.basis === 'publisher' ? feed.summary?.source : undefined;
    lines.push(renderFiguresBasis(totals.basis, source, locale));
  }
  if (model.coverage) {
    lines.push(
      translate(locale, 'seatBar.coverage', {
        count: formatNumber(model.coverage.areasWithSeats, locale),
        declared: formatNumber(model.coverage.areasDeclared, locale),
        areas: translate(locale, `areaType.${feed.meta.election.areaType ?? 'area'}`, {
          count: model.coverage.areasDeclared,
        }),
      }),
    );
  }
  if (model.overTotal) {
    lines.push(
      translate(locale, 'seatBar.overTotal', {
        counted: formatNumber(model.overTotal.counted, locale),
        seatsUp: formatNumber(model.overTotal.seatsUp, locale),
      }),
    );
  }
  // The publisher's word on one area ("figures as recorded in September") belongs with its chart.
  const areaNote = totals.scope === 'area' ? feed.areas.find((area) => area.id === areaId)?.note : undefined;
  if (areaNote) lines.push(areaNote);
  if (lines.length === 0) return nothing;
  return html`<div class="notes" part="notes">${lines.map((line) => html`<p>${line}</p>`)}</div>`;
}

/** The same figures as a table, for screen readers: every party, Others' members included. */
export function renderTable(view: SeatBarView): TemplateResult {
  const { model, texts, locale, feed } = view;
  const names = feedNames(feed, locale);
  const hasChange = model.totals.parties.some((row) => row.change !== undefined);
  const hasShare = model.totals.parties.some((row) => row.share !== undefined);
  const countHeading = translate(
    locale,
    model.totals.measure === 'councils' ? 'seatBar.table.councils' : 'seatBar.table.seats',
  );
  const rows = model.items.flatMap((item) =>
    item.kind === 'others'
      ? item.members.map((member) => ({
          name: names.party(member.party),
          seats: member.seats,
          change: member.change,
          share: member.share,
        }))
      : [{ name: texts.get(item.key)?.name ?? item.key, seats: item.seats, change: item.change, share: item.share }],
  );
  const caption = [
    translate(locale, model.totals.measure === 'councils' ? 'seatBar.chartLabel.councils' : 'seatBar.chartLabel.seats'),
    hasChange && model.totals.baselineLabel ? isolate(model.totals.baselineLabel) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  // A table ignores a 1 px width; the wrapper clips it.
  return html`<div class="visually-hidden"><table>
    <caption>${caption}</caption>
    <thead>
      <tr>
        <th scope="col">${translate(locale, 'seatBar.table.party')}</th>
        <th scope="col">${countHeading}</th>
        ${hasChange ? html`<th scope="col">${translate(locale, 'seatBar.table.change')}</th>` : nothing}
        ${hasShare ? html`<th scope="col">${translate(locale, 'seatBar.table.share')}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) => html`<tr>
          <th scope="row"><bdi>${row.name}</bdi></th>
          <td>${formatNumber(row.seats, locale)}</td>
          ${hasChange ? html`<td>${row.change !== undefined ? describeChange(row.change, locale) : ''}</td>` : nothing}
          ${hasShare ? html`<td>${row.share !== undefined ? formatShare(row.share, locale) : ''}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}
