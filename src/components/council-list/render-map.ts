/**
 * The council list's map pane: zoom buttons, the hex map (one tab stop, arrow keys between
 * hexes), the tooltip, the key and the areas the map does not have.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { NO_OVERALL_CONTROL } from '../../feed/schema.js';
import { controlIsCounted, partiesWithAreas } from '../../derive/area-rows.js';
import { seatsSummary } from '../../derive/area-view.js';
import { formatNumber } from '../../i18n/format.js';
import { translate } from '../../i18n/messages.js';
import { feedNames } from '../../i18n/names.js';
import { describeOutcome } from '../../i18n/sentences.js';
import { hexCorners, hexPoints, viewBoxAttribute } from '../../layout/hex-grid.js';
import { styleMap } from '../shared/style-map.js';
import type { HexView, MapView } from './view.js';

/** The gain ring's size, as a share of the hex. */
export const RING_SCALE = 0.5;

/** The key's hexagons, and its gain ring. */
const SWATCH = hexPoints({ x: 0, y: 0 }, hexCorners('pointy', 9));
const SWATCH_RING = hexPoints({ x: 0, y: 0 }, hexCorners('pointy', 9 * RING_SCALE));

/** The map pane: the map once its file is here (`view`), a notice when the file is unusable, a placeholder while it loads. */
export function renderMapPane(locale: string, error: string | undefined, view: MapView | undefined): TemplateResult {
  return html`<div class="map-pane" part="map">
    ${error ? html`<p class="notice" part="notice" data-kind="layout">${translate(locale, 'councilList.layoutError', { reason: error })}</p>` : nothing}
    ${
      view
        ? renderMap(view)
        : !error
          ? html`<div class="skeleton map-skeleton" part="skeleton" role="img" aria-label=${translate(locale, 'councilList.layoutLoading')}></div>`
          : nothing
    }
  </div>`;
}

// The map's focus listeners sit on its HTML box, not on the SVG: Chromium gives an SVG element
// with focus listeners a tab stop of its own.
function renderMap(view: MapView): TemplateResult {
  const { locale, grid, uid, zoom, zoomLevels, on } = view;
  const box = grid.viewBox;
  const hatch = `${uid}-hatch`;
  const dots = `${uid}-dots`;
  const hintId = `${uid}-map-hint`;
  const descriptionId = `${uid}-map-description`;
  const zoomIndex = zoomLevels.indexOf(zoom);
  const missing = view.rows.filter((row) => !grid.byKey.has(row.id));
  const roving = view.hexStop;
  return html`
    <div class="map-tools">
      <span class="zoom-level" aria-live="polite">${zoom > 1 ? translate(locale, 'councilList.zoomLevel', { value: formatNumber(zoom, locale) }) : nothing}</span>
      <button type="button" class="zoom" data-zoom="out" ?disabled=${zoomIndex <= 0} @click=${() => on.zoomBy(-1)}>
        <span aria-hidden="true">−</span><span class="visually-hidden">${translate(locale, 'councilList.zoomOut')}</span>
      </button>
      <button type="button" class="zoom" data-zoom="in" ?disabled=${zoomIndex >= zoomLevels.length - 1} @click=${() => on.zoomBy(1)}>
        <span aria-hidden="true">+</span><span class="visually-hidden">${translate(locale, 'councilList.zoomIn')}</span>
      </button>
    </div>
    <div class="map-scroll" data-zoomed=${zoom > 1 ? 'true' : 'false'}>
      <div
        class="map-canvas"
        part="map-canvas"
        style=${styleMap({ '--_aspect': String(box.width / box.height), '--_zoom': String(zoom) })}
        @focusin=${on.mapFocusIn}
        @focusout=${on.mapFocusOut}
      >
        <svg
          viewBox=${viewBoxAttribute(box)}
          role="group"
          aria-label=${translate(locale, 'councilList.map')}
          aria-describedby="${descriptionId} ${hintId}"
          @pointerleave=${on.mapPointerLeave}
        >
          <defs>
            <pattern id=${hatch} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
              <line class="hatch-line" x1="0" y1="0" x2="0" y2="4"></line>
            </pattern>
            <pattern id=${dots} patternUnits="userSpaceOnUse" width="4" height="4">
              <circle class="dot" cx="2" cy="2" r="0.9"></circle>
            </pattern>
          </defs>
          <g class="hexes" @click=${on.hexClick} @keydown=${on.hexKeydown} @pointerover=${on.hexPointerOver}>
            ${repeat(
              view.hexes,
              (hex) => hex.key,
              (hex) =>
                guard([hex, hex.key === roving, hex.key === view.selected, view.isNew(hex.key)], () =>
                  renderHex(hex, {
                    roving: hex.key === roving,
                    selected: hex.key === view.selected,
                    fresh: view.isNew(hex.key),
                    hatch,
                    dots,
                  }),
                ),
            )}
          </g>
          ${renderMapOverlay(view)}
        </svg>
        ${renderTooltip(view)}
      </div>
    </div>
    <p class="visually-hidden" id=${descriptionId}>${translate(locale, 'councilList.mapDescription')}</p>
    <p class="hint" id=${hintId}>${translate(locale, 'councilList.mapHint')}</p>
    ${renderLegend(view, hatch, dots)}
    ${
      missing.length > 0
        ? html`<div class="missing" part="missing">
          <p>${translate(locale, 'councilList.notOnMap', { count: missing.length })}</p>
          <ul>
            ${missing.map(
              (row) =>
                html`<li><button type="button" class="link" aria-expanded=${view.selected === row.id ? 'true' : 'false'} @click=${() => view.choose(row.id, 'list', true)}><bdi>${row.name}</bdi></button></li>`,
            )}
          </ul>
        </div>`
        : nothing
    }
  `;
}

interface HexDrawing {
  readonly roving: boolean;
  readonly selected: boolean;
  readonly fresh: boolean;
  /** Ids of the hatch (awaiting) and dot (no overall control) patterns. */
  readonly hatch: string;
  readonly dots: string;
}

function renderHex(hex: HexView, { roving, selected, fresh, hatch, dots }: HexDrawing): TemplateResult {
  if (!hex.selectable) {
    return svg`<g class="hex" part="hex" data-id=${hex.key} data-kind="none" ?data-dim=${hex.dim} aria-hidden="true">
      <polygon class="fill" points=${hex.points}></polygon>
    </g>`;
  }
  return svg`<g
    class="hex"
    part="hex"
    data-id=${hex.key}
    data-kind=${hex.kind}
    ?data-dim=${hex.dim}
    ?data-new=${fresh}
    role="button"
    tabindex=${roving ? '0' : '-1'}
    aria-label=${hex.label}
    aria-pressed=${selected ? 'true' : 'false'}
  >
    <polygon class="fill" points=${hex.points} fill=${hex.fill ?? nothing}></polygon>
    ${hex.kind === 'awaiting' || hex.kind === 'noc' || hex.ring ? renderHexMarks(hex, hatch, dots) : nothing}
  </g>`;
}

/** The pattern of an awaiting or NOC hex and the ring of a gain: one part for the three, as most hexes have none. */
function renderHexMarks(hex: HexView, hatch: string, dots: string): TemplateResult {
  const pattern = hex.kind === 'awaiting' ? hatch : hex.kind === 'noc' ? dots : undefined;
  if (!pattern) return svg`<polygon class="ring" points=${hex.ring} stroke=${hex.ringColour}></polygon>`;
  if (!hex.ring) return svg`<polygon class="pattern" points=${hex.points} fill="url(#${pattern})"></polygon>`;
  return svg`<polygon class="pattern" points=${hex.points} fill="url(#${pattern})"></polygon><polygon class="ring" points=${hex.ring} stroke=${hex.ringColour}></polygon>`;
}

/** Outlines drawn over every hex: the open area, and the keyboard focus. */
function renderMapOverlay(view: MapView): TemplateResult {
  const { points, grid } = view;
  const selected = view.selected !== undefined && grid.byKey.has(view.selected) ? points.get(view.selected) : undefined;
  const focused = view.mapFocused && view.hexStop !== undefined ? points.get(view.hexStop) : undefined;
  return svg`<g class="overlay" aria-hidden="true">
    ${selected ? svg`<polygon class="selected-halo" points=${selected}></polygon><polygon class="selected-line" points=${selected}></polygon>` : nothing}
    ${focused ? svg`<polygon class="focus-halo" points=${focused}></polygon><polygon class="focus-line" points=${focused}></polygon>` : nothing}
  </g>`;
}

function renderTooltip(view: MapView): TemplateResult | typeof nothing {
  // Hover (a tap, on touch screens) or keyboard focus; the open area has its ring and its detail.
  const { grid, feed, locale } = view;
  const key = view.hoverKey ?? (view.mapFocused ? view.hexStop : undefined);
  const hex = key !== undefined ? grid.byKey.get(key) : undefined;
  if (!hex) return nothing;
  const row = view.rowsById.get(hex.key);
  const box = grid.viewBox;
  const fx = (hex.x - box.x) / box.width;
  const fy = (hex.y - box.y) / box.height;
  const seats = row ? seatsSummary(row, feed, locale) : undefined;
  return html`<div
    class="tooltip"
    part="tooltip"
    aria-hidden="true"
    data-below=${fy < 0.3 ? 'true' : 'false'}
    style=${styleMap({ '--_x': String(fx), '--_y': String(fy) })}
  >
    <strong><bdi>${row?.name ?? hex.name ?? hex.key}</bdi></strong>
    <span>${row ? describeOutcome(row.outcome, feed, locale) : translate(locale, 'status.no-election')}</span>
    ${seats ? html`<span class="tooltip-seats">${seats}</span>` : nothing}
  </div>`;
}

function renderLegend(view: MapView, hatch: string, dots: string): TemplateResult {
  const { feed, locale, palette, undeclared } = view;
  const names = feedNames(feed, locale);
  const parties = partiesWithAreas(feed, view.rows);
  const noc = palette.get(NO_OVERALL_CONTROL);
  const item = (
    fill: string | undefined,
    label: string,
    extra: TemplateResult | typeof nothing = nothing,
    kind = 'result',
  ) =>
    html`<li part="legend-item">
      <svg class="legend-swatch" viewBox="-10 -10 20 20" aria-hidden="true" data-kind=${kind}>
        <polygon class="fill" points=${SWATCH} fill=${fill ?? nothing}></polygon>${extra}
      </svg>
      <bdi>${label}</bdi>
    </li>`;
  const pattern = (id: string) => svg`<polygon class="pattern" points=${SWATCH} fill="url(#${id})"></polygon>`;
  return html`<div class="legend" part="legend">
    <p class="legend-title">${translate(locale, 'councilList.legend')}</p>
    <ul>
      ${parties.map((party) => item(palette.get(party)?.fill, names.party(party)))}
      ${controlIsCounted(feed) ? item(noc?.fill, translate(locale, 'councilList.legendNoc'), pattern(dots), 'noc') : nothing}
      ${item(undeclared.fill, translate(locale, 'councilList.legendGain'), svg`<polygon class="ring" points=${SWATCH_RING} stroke=${undeclared.text}></polygon>`)}
      ${item(undeclared.fill, translate(locale, 'councilList.legendAwaiting'), pattern(hatch), 'awaiting')}
      ${view.allHexes.some((hex) => hex.kind === 'none') ? item(undefined, translate(locale, 'councilList.legendNoElection'), nothing, 'none') : nothing}
    </ul>
  </div>`;
}
