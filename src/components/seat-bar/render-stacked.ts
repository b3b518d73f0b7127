/** The seat bar's `stacked` layout: one bar of the whole chart, labels inside, the majority line. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SeatBarItem } from '../../derive/seat-bar-groups.js';
import { itemLabels } from '../../derive/seat-bar-text.js';
import { stackedLayout } from '../../layout/seat-bar-stacked.js';
import { styleMap } from '../shared/style-map.js';
import { renderLegend, renderMajorityLabel } from './render-parts.js';
import { colourId, descriptionId, type SeatBarView } from './view.js';

export function renderStacked(view: SeatBarView): TemplateResult {
  const { model, texts, palette, locale, selected } = view;
  const layout = stackedLayout({
    items: model.items,
    total: model.total,
    majority: model.majority,
    majorityLabel: view.majorityLabel,
    width: view.width,
    labels: itemLabels(model.items, texts, locale),
    measure: view.measure,
  });
  const byKey = new Map(model.items.map((item) => [item.key, item]));
  const legendItems = view.fullKey
    ? model.items
    : layout.legend.map((key) => byKey.get(key)).filter((item): item is SeatBarItem => item !== undefined);
  return html`${renderMajorityLabel(layout.majority)}
    <div class="bar" part="bar">
      ${repeat(
        layout.segments,
        (segment) => segment.key,
        (segment) => {
          const item = byKey.get(segment.key);
          if (!item) return nothing;
          const colour = palette.get(colourId(item));
          const control = segment.label !== undefined && item.kind !== 'undeclared';
          return html`<div
            class="segment"
            part=${item.kind === 'undeclared' ? 'segment undeclared-segment' : 'segment'}
            data-key=${item.key}
            data-kind=${item.kind}
            ?data-selectable=${item.kind !== 'undeclared'}
            ?data-control=${control}
            ?data-selected=${selected === item.key}
            ?data-active=${view.active === item.key}
            role=${control ? 'button' : nothing}
            tabindex=${control ? view.tabIndex(item.key) : nothing}
            aria-pressed=${control ? String(selected === item.key) : nothing}
            aria-describedby=${control ? descriptionId(item.key) : nothing}
            aria-hidden=${control || segment.label ? nothing : 'true'}
            style=${styleMap({ '--x0': String(segment.x0), '--x1': String(segment.x1), '--fill': colour?.fill ?? null, '--on-fill': colour?.text ?? null })}
          >
            ${
              segment.label
                ? html`<span class="label" part="label" data-fit=${segment.label.fit} style=${styleMap({ '--at': String(segment.label.at) })}>${segment.label.text}</span>`
                : nothing
            }
          </div>`;
        },
      )}
      ${layout.majority ? html`<div class="majority" part="majority" aria-hidden="true" style=${styleMap({ '--x': String(layout.majority.x) })}></div>` : nothing}
    </div>
    ${renderLegend(legendItems, view, (item) => item.kind !== 'undeclared')}`;
}
