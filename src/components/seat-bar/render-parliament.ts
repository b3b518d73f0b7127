/** The seat bar's `parliament` layout: a hemicycle of seats (or sectors), the majority line, the key. */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { UNDECLARED_ITEM } from '../../derive/seat-bar-groups.js';
import { parliamentLayout, type ParliamentLayout } from '../../layout/seat-bar-parliament.js';
import { renderLegend, renderMajorityLabel } from './render-parts.js';
import { colourId, round, type SeatBarView } from './view.js';

/** The template, and the layout as drawn (the tooltip is anchored on it). */
export function renderParliament(view: SeatBarView): { template: TemplateResult; layout: ParliamentLayout } {
  const { model, palette, selected, active } = view;
  const layout = parliamentLayout({
    items: model.items,
    total: model.total,
    majority: model.majority,
    majorityLabel: view.majorityLabel,
    width: view.width,
    measure: view.measure,
  });
  const byKey = new Map(model.items.map((item) => [item.key, item]));
  const fill = (key: string) => {
    if (key === UNDECLARED_ITEM || key === '') return layout.mode === 'dots' ? 'none' : 'url(#undeclared-pattern)';
    return palette.get(colourId(byKey.get(key)))?.fill ?? 'currentColor';
  };
  const state = (key: string) =>
    `${key === selected ? 'selected' : ''} ${key === active ? 'active' : ''} ${key === UNDECLARED_ITEM ? 'undeclared' : ''}`;
  const shapes: SVGTemplateResult =
    layout.mode === 'dots'
      ? svg`${layout.dots.map(
          (dot) =>
            svg`<circle class=${state(dot.key)} cx=${round(dot.x)} cy=${round(dot.y)} r=${round(layout.dotRadius)} fill=${fill(dot.key)} data-key=${dot.key} ?data-selectable=${dot.key !== UNDECLARED_ITEM}></circle>`,
        )}`
      : svg`${layout.sectors.map(
          (sector) =>
            svg`<path class=${state(sector.key)} d=${sector.path} fill=${fill(sector.key)} data-key=${sector.key} ?data-selectable=${sector.key !== UNDECLARED_ITEM}></path>`,
        )}`;
  const majority = layout.majority;
  const template = html`${majority ? renderMajorityLabel({ seats: majority.seats, x: majority.labelX, label: majority.label, anchor: majority.anchor }) : nothing}
    <svg class="hemicycle" part="hemicycle" viewBox=${layout.viewBox} data-mode=${layout.mode} aria-hidden="true" focusable="false">
      <defs>
        <pattern id="undeclared-pattern" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <rect width="4" height="4" class="pattern-base"></rect>
          <rect width="1.4" height="4" class="pattern-stripe"></rect>
        </pattern>
      </defs>
      ${shapes}
      ${
        majority
          ? svg`<line class="majority-line" part="majority" x1=${round(majority.x1)} y1=${round(majority.y1)} x2=${round(majority.x2)} y2=${round(majority.y2)}></line>`
          : nothing
      }
    </svg>
    ${renderLegend(model.items, view, (item) => item.kind !== 'undeclared')}`;
  return { template, layout };
}
