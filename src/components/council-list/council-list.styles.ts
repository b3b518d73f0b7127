/**
 * Styles for <tally-council-list>. Only private tokens (`--_*`); the public ones are
 * `--tally-council-list-min-height`, `--tally-council-list-height` and
 * `--tally-council-list-map-height`. Party colours arrive as SVG `fill` attributes (hexes) or
 * as `--_fill` / `--_ring` through Lit's styleMap (rows): never a style attribute string.
 */
import { css } from 'lit';

export const councilListStyles = css`
  :host {
    --_min-height: var(--tally-council-list-min-height, calc(24 * var(--_rem)));
    --_list-height: var(--tally-council-list-height, calc(32 * var(--_rem)));
    --_map-height: var(--tally-council-list-map-height, calc(36 * var(--_rem)));
    --_target: calc(2.75 * var(--_rem));
  }
  .frame {
    container-type: inline-size;
  }
  .caption::first-letter {
    text-transform: uppercase;
  }
  .body {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
  }
  @container (min-width: 46em) {
    .body[data-map] {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  .hint {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  button.link {
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    min-height: calc(1.5 * var(--_rem));
  }

  /* The map ------------------------------------------------------------- */
  .map-pane {
    min-width: 0;
  }
  .map-skeleton {
    aspect-ratio: 4 / 5;
    max-height: var(--_map-height);
  }
  .map-tools {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: calc(var(--_space) / 2);
    margin-bottom: calc(var(--_space) / 2);
  }
  .zoom-level {
    margin-inline-end: auto;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .zoom {
    min-width: var(--_target);
    min-height: var(--_target);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    font-size: var(--_font-size-large);
    line-height: 1;
    cursor: pointer;
  }
  .zoom:disabled {
    color: var(--_muted);
    border-color: var(--_divider);
    cursor: default;
  }
  .map-scroll {
    position: relative;
    overflow: auto;
    max-height: var(--_map-height);
    overscroll-behavior: contain;
    border-radius: var(--_radius);
  }
  .map-scroll[data-zoomed='true'] {
    border: 1px solid var(--_divider);
  }
  /* At zoom 1 the map fills the width unless that would make it taller than --_map-height. */
  .map-canvas {
    position: relative;
    margin-inline: auto;
    width: calc(var(--_zoom, 1) * min(100%, var(--_map-height) * var(--_aspect, 1)));
    aspect-ratio: var(--_aspect, 1);
  }
  .map-canvas svg {
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
  }
  .hex {
    cursor: pointer;
    outline: none;
  }
  .hex[data-kind='none'] {
    cursor: default;
  }
  .hex .fill {
    stroke: var(--_background);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }
  .hex[data-kind='none'] .fill,
  .legend-swatch[data-kind='none'] .fill {
    fill: var(--_surface);
    stroke: var(--_divider);
  }
  .hex .pattern {
    pointer-events: none;
  }
  .hatch-line {
    stroke: var(--_pattern);
    stroke-width: 1.6;
  }
  .dot {
    fill: var(--_pattern);
  }
  .hex .ring,
  .legend-swatch .ring {
    fill: none;
    stroke-width: 1.75px;
    vector-effect: non-scaling-stroke;
    pointer-events: none;
  }
  .hex[data-dim] {
    opacity: 0.22;
  }
  .hex[data-new] .fill {
    animation: tally-hex-new 1.2s ease-in-out 3;
  }
  @keyframes tally-hex-new {
    50% {
      opacity: 0.35;
    }
  }
  .overlay polygon {
    fill: none;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
    pointer-events: none;
  }
  .selected-halo {
    stroke: var(--_background);
    stroke-width: 5px;
  }
  .selected-line {
    stroke: var(--_text);
    stroke-width: 2.5px;
  }
  .focus-halo {
    stroke: var(--_background);
    stroke-width: 6px;
  }
  .focus-line {
    stroke: var(--_focus);
    stroke-width: 3px;
  }
  .tooltip {
    position: absolute;
    left: calc(var(--_x) * 100%);
    top: calc(var(--_y) * 100%);
    /* Anchored in proportion to its place on the map, so it never leaves the sides. */
    transform: translate(calc(var(--_x) * -100%), calc(-100% - 0.75 * var(--_rem)));
    max-width: min(16 * var(--_rem), 90%);
    padding: calc(0.375 * var(--_rem)) calc(0.5 * var(--_rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 2px 6px rgba(0, 0, 0, 0.2);
    font-size: var(--_font-size-small);
    line-height: 1.3;
    pointer-events: none;
    display: flex;
    flex-direction: column;
    z-index: 1;
  }
  .tooltip[data-below='true'] {
    transform: translate(calc(var(--_x) * -100%), calc(0.75 * var(--_rem)));
  }
  .tooltip-seats {
    color: var(--_muted);
  }
  .legend {
    margin-top: var(--_space);
    font-size: var(--_font-size-small);
  }
  .legend-title {
    margin: 0 0 calc(0.25 * var(--_rem));
    font-weight: 700;
  }
  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_rem)) calc(0.875 * var(--_rem));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: calc(0.375 * var(--_rem));
  }
  .legend-swatch {
    width: calc(1.125 * var(--_rem));
    height: calc(1.125 * var(--_rem));
    flex: none;
  }
  .legend-swatch .fill {
    stroke: var(--_border);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }
  .missing {
    margin-top: var(--_space);
    font-size: var(--_font-size-small);
  }
  .missing p {
    margin: 0;
  }
  .missing ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Controls ------------------------------------------------------------ */
  .controls {
    margin: 0 0 var(--_space);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.375 * var(--_rem));
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .filters legend {
    float: inline-start;
    width: 100%;
    margin-bottom: calc(0.25 * var(--_rem));
    padding: 0;
    font-size: var(--_font-size-small);
    font-weight: 700;
  }
  .chip {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: calc(0.375 * var(--_rem));
    min-height: var(--_target);
    padding: calc(0.25 * var(--_rem)) calc(0.75 * var(--_rem));
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_background);
    font-size: var(--_font-size-small);
    cursor: pointer;
  }
  .chip input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .chip:has(input:checked) {
    background: var(--_text);
    border-color: var(--_text);
    color: var(--_background);
    font-weight: 700;
  }
  .chip:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .chip-count {
    font-variant-numeric: tabular-nums;
    padding: 0 calc(0.375 * var(--_rem));
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-weight: 400;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(calc(8 * var(--_rem)), 1fr));
    gap: var(--_space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(0.125 * var(--_rem));
    min-width: 0;
  }
  .field-search {
    grid-column: 1 / -1;
  }
  .field label {
    font-size: var(--_font-size-small);
    font-weight: 700;
  }
  .field input,
  .field select {
    width: 100%;
    min-height: var(--_target);
    padding: calc(0.25 * var(--_rem)) calc(0.5 * var(--_rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }
  .count {
    margin: 0 0 calc(0.25 * var(--_rem));
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }

  /* The list ------------------------------------------------------------ */
  .list-pane {
    min-width: 0;
  }
  .list-scroll {
    max-height: var(--_list-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-top: 1px solid var(--_divider);
    border-bottom: 1px solid var(--_divider);
  }
  /* Rows scrolled into view stop below the group heading stuck at the top, not under it. */
  .list-scroll[data-grouped] {
    scroll-padding-block-start: calc(2.25 * var(--_rem));
  }
  .group-label {
    position: sticky;
    top: 0;
    z-index: 1;
    margin: 0;
    padding: calc(0.375 * var(--_rem)) calc(0.25 * var(--_rem));
    background: var(--_surface);
    font-size: var(--_font-size-small);
    font-weight: 700;
  }
  .group-count {
    font-weight: 400;
    color: var(--_muted);
  }
  .rows {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    border-bottom: 1px solid var(--_divider);
    /* Rows off screen are not laid out; their last size is remembered. */
    content-visibility: auto;
    contain-intrinsic-size: auto calc(4.25 * var(--_rem));
  }
  /* Server-rendered (with no script, before it, and once hydrated): every row laid out, so that
     rows coming into view never move what is around them. The server drew them all anyway. */
  .body[data-server] .row {
    content-visibility: visible;
  }
  /* Briefly, to learn every row's real height before scrolling to one (see revealRow). */
  .list-scroll.measuring .row {
    content-visibility: visible;
  }
  .row:last-child {
    border-bottom: 0;
  }
  .row-button {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: start;
    gap: calc(0.625 * var(--_rem));
    width: 100%;
    min-height: var(--_target);
    padding: calc(0.5 * var(--_rem)) calc(0.375 * var(--_rem));
    border: 0;
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .row-button:hover {
    background: var(--_surface);
  }
  .row-button:focus-visible {
    outline-offset: -3px;
  }
  .row[data-selected] > .row-button {
    background: var(--_surface);
    box-shadow: inset calc(4px * var(--_dir)) 0 0 var(--_text);
  }
  .row[data-new] > .row-button {
    animation: tally-row-new 2s ease-out 2;
  }
  @keyframes tally-row-new {
    0% {
      background: var(--_highlight);
    }
  }
  .swatch {
    position: relative;
    width: calc(1.25 * var(--_rem));
    height: calc(1.375 * var(--_rem));
    margin-top: calc(0.0625 * var(--_rem));
    clip-path: polygon(50% 0, 100% 25%, 100% 75%, 50% 100%, 0 75%, 0 25%);
    background: var(--_fill);
  }
  .swatch::before,
  .swatch::after {
    content: '';
    position: absolute;
    clip-path: inherit;
  }
  .row[data-gain] .swatch::before {
    inset: 22%;
    background: var(--_ring);
  }
  .row[data-gain] .swatch::after {
    inset: 34%;
    background: var(--_fill);
  }
  .row[data-kind='awaiting'] .swatch {
    background: repeating-linear-gradient(45deg, var(--_fill) 0 3px, var(--_pattern) 3px 4.5px);
  }
  .row[data-kind='noc'] .swatch {
    background: radial-gradient(circle, var(--_pattern) 1.1px, transparent 1.5px) 0 0 / 4px 4px, var(--_fill);
  }
  .row[data-kind='none'] .swatch {
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_divider);
  }
  .row-main {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .row-name {
    font-weight: 700;
  }
  .row-outcome {
    font-size: var(--_font-size-small);
  }
  .row-seats {
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .row-side {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: calc(0.125 * var(--_rem));
    font-size: var(--_font-size-small);
    color: var(--_muted);
    text-align: end;
  }
  /* Narrow: the time goes under the result, so names keep the width. */
  @container (max-width: 26em) {
    .row-button {
      grid-template-columns: auto minmax(0, 1fr);
      row-gap: calc(0.125 * var(--_rem));
    }
    .row-side {
      grid-column: 2;
      flex-direction: row;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 calc(0.5 * var(--_rem));
      text-align: start;
    }
  }
  .row-new {
    padding: 0 calc(0.375 * var(--_rem));
    border-radius: var(--_radius);
    background: var(--_highlight);
    color: var(--_text);
    font-weight: 700;
  }
  .empty {
    margin: 0;
    padding: var(--_space);
  }
  .hidden-selected {
    margin-top: 0;
  }

  /* Detail -------------------------------------------------------------- */
  .detail {
    padding-block: calc(0.25 * var(--_rem)) calc(0.75 * var(--_rem));
    padding-inline: calc(2.25 * var(--_rem)) calc(0.75 * var(--_rem));
    background: var(--_surface);
    box-shadow: inset calc(4px * var(--_dir)) 0 0 var(--_text);
    font-size: var(--_font-size-small);
  }
  .detail p,
  .detail ul {
    margin: 0 0 calc(0.5 * var(--_rem));
  }
  .detail-sentence {
    font-size: var(--_font-size);
    font-weight: 700;
  }
  .detail-kind,
  .detail-note {
    color: var(--_muted);
  }
  .detail-facts {
    padding-inline-start: calc(1.125 * var(--_rem));
  }
  .detail-table {
    border-collapse: collapse;
    margin: 0 0 calc(0.5 * var(--_rem));
    width: min(100%, 24 * var(--_rem));
  }
  @container (max-width: 26em) {
    .detail {
      padding-inline-start: calc(0.75 * var(--_rem));
    }
  }
  .detail-table caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: calc(0.25 * var(--_rem));
  }
  .detail-table th,
  .detail-table td {
    padding-block: calc(0.1875 * var(--_rem));
    padding-inline: 0 calc(0.5 * var(--_rem));
    border-bottom: 1px solid var(--_divider);
    text-align: start;
    font-weight: 400;
  }
  .detail-table thead th {
    font-weight: 700;
  }
  .detail-table .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .detail-table thead th {
    overflow-wrap: normal;
  }
  .detail-table .key {
    display: inline-block;
    width: calc(0.75 * var(--_rem));
    height: calc(0.75 * var(--_rem));
    margin-inline-end: calc(0.375 * var(--_rem));
    vertical-align: calc(-0.0625 * var(--_rem));
    border-radius: 2px;
    background: var(--_fill);
    box-shadow: inset 0 0 0 1px rgba(0, 0, 0, 0.25);
  }
  .detail a {
    color: var(--_accent);
  }

  /* Windows high contrast: backgrounds and shadows go, so state is drawn with system colours
     and borders; party colours and patterns stay where they sit beside a name. */
  @media (forced-colors: active) {
    .swatch,
    .detail-table .key {
      forced-color-adjust: none;
      box-shadow: inset 0 0 0 1px CanvasText;
    }
    .chip:has(input:checked) {
      /* No backplate behind the text: it would be Canvas on Highlight. */
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
    .chip:has(input:checked) .chip-count {
      background: Canvas;
      color: CanvasText;
    }
    .row[data-selected] > .row-button,
    .detail {
      border-inline-start: 4px solid Highlight;
    }
    .focus-line {
      stroke: Highlight;
    }
    .selected-line {
      stroke: CanvasText;
    }
  }
`;
