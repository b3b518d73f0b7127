/** The seat bar's `bars` layout: a bar per party on a shared scale, names and figures beside them. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { rowValue } from '../../derive/seat-bar-text.js';
import { formatChange, formatNumber } from '../../i18n/format.js';
import { rowsLayout } from '../../layout/seat-bar-rows.js';
import { styleMap } from '../shared/style-map.js';
import { colourId, descriptionId, type SeatBarView } from './view.js';

export function renderRows(view: SeatBarView): TemplateResult {
  const { model, texts, palette, locale, selected } = view;
  const labels = new Map<string, { full: string; short: string }>();
  for (const [key, text] of texts) labels.set(key, { full: text.name, short: text.short });
  const values = new Map(model.items.map((item) => [item.key, rowValue(item, locale)]));
  // Bold figures are the wider: measuring names in the same weight errs on the safe side.
  const layout = rowsLayout({
    items: model.items,
    majority: model.majority,
    majorityLabel: view.majorityLabel,
    width: view.width,
    labels,
    values,
    measure: view.measure,
  });
  const byKey = new Map(model.items.map((item) => [item.key, item]));
  return html`<div
    class="rows"
    data-arrangement=${layout.arrangement}
    ?data-majority=${layout.majority !== undefined}
    style=${styleMap({ '--majority-x': layout.majority ? String(layout.majority.x) : null })}
  >
    ${
      layout.majority
        ? html`<div class="rows-head" aria-hidden="true">
          <span class="rows-head-track"
            ><span class="majority-label" part="majority-label" data-anchor=${layout.majority.anchor}>${layout.majority.label}</span></span
          >
        </div>`
        : nothing
    }
    ${repeat(
      layout.rows,
      (row) => row.key,
      (row) => {
        const item = byKey.get(row.key);
        const text = texts.get(row.key);
        if (!item || !text) return nothing;
        const colour = palette.get(colourId(item));
        const control = item.kind !== 'undeclared';
        const change = row.change !== undefined ? formatChange(row.change, locale) : undefined;
        return html`<div
          class="row"
          part="row"
          data-key=${row.key}
          data-kind=${item.kind}
          ?data-selectable=${control}
          ?data-control=${control}
          ?data-selected=${selected === row.key}
          ?data-active=${view.active === row.key}
          role=${control ? 'button' : nothing}
          tabindex=${control ? view.tabIndex(row.key) : nothing}
          aria-pressed=${control ? String(selected === row.key) : nothing}
          aria-describedby=${control ? descriptionId(row.key) : nothing}
        >
          <bdi class="row-name">${layout.names === 'full' ? text.name : text.short}</bdi>
          <span class="row-track"
            ><span class="row-bar" part="row-bar" style=${styleMap({ '--length': String(row.length), '--fill': colour?.fill ?? null })}></span
            >${layout.majority ? html`<span class="majority" part="majority"></span>` : nothing}</span
          >
          <span class="row-value">${formatNumber(row.seats, locale)}${change !== undefined ? html`<span class="row-change">, ${change}</span>` : nothing}</span>
        </div>`;
      },
    )}
  </div>`;
}
