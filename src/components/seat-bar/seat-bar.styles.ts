/**
 * Styles of <tally-seat-bar>. Geometry arrives as custom properties (`--x0`, `--x1`, `--x`,
 * `--length`: per cent) and colours as `--fill` / `--on-fill`, set through the CSSOM, so the
 * numbers stay in TypeScript and the look stays here.
 */
import { css } from 'lit';

export const seatBarStyles = css`
  :host {
    --_min-height: var(--tally-seat-bar-min-height, calc(10 * var(--_rem)));
    --_bar-height: var(--tally-seat-bar-height, calc(2.75 * var(--_rem)));
    --_duration: var(--tally-seat-bar-duration, 600ms);
  }
  :host([layout='bars']) {
    --_min-height: var(--tally-seat-bar-min-height, calc(16 * var(--_rem)));
  }
  :host([layout='parliament']) {
    --_min-height: var(--tally-seat-bar-min-height, calc(18 * var(--_rem)));
  }

  /* Measured for the chart's width: no height, so rendering never resizes it. */
  .sizer {
    height: 0;
    margin: 0;
    font-size: var(--_font-size-small);
  }
  .head {
    margin: 0 0 var(--_space);
  }
  .head .title {
    margin: 0;
  }
  .head .caption {
    margin: 0;
  }
  .notice + .head {
    margin-top: var(--_space);
  }

  .chart {
    position: relative;
    font-size: var(--_font-size-small);
  }

  /* The majority label, above the bar or the hemicycle. */
  .majority-row {
    position: relative;
    height: 1.5em;
  }
  .majority-label {
    position: absolute;
    bottom: 0.15em;
    inset-inline-start: calc(var(--x) * 1%);
    white-space: nowrap;
    font-weight: 600;
    line-height: 1.2;
  }
  .majority-label[data-anchor='middle'] {
    transform: translateX(calc(-50% * var(--_dir)));
  }
  .majority-label[data-anchor='end'] {
    transform: translateX(calc(-100% * var(--_dir)));
  }

  /* Stacked bar. */
  .bar {
    position: relative;
    height: var(--_bar-height);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .segment {
    position: absolute;
    top: 0;
    bottom: 0;
    inset-inline-start: calc(var(--x0) * 1%);
    width: calc((var(--x1) - var(--x0)) * 1%);
    display: flex;
    align-items: center;
    justify-content: center;
    overflow: hidden;
    background: var(--fill);
    color: var(--on-fill);
    /* A hairline between neighbours, so similar colours stay two segments. */
    box-shadow: inset calc(-1px * var(--_dir)) 0 0 var(--_background);
    cursor: pointer;
  }
  .segment:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .segment[data-kind='undeclared'] {
    cursor: default;
    color: var(--_text);
    background: repeating-linear-gradient(-45deg, var(--fill) 0 5px, var(--_pattern) 5px 7px);
    box-shadow: inset 0 0 0 1px var(--_border);
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .label {
    position: absolute;
    top: 50%;
    inset-inline-start: calc(var(--at, 50) * 1%);
    transform: translate(calc(-50% * var(--_dir)), -50%);
    padding: 0 6px;
    white-space: nowrap;
    font-weight: 600;
    line-height: 1.2;
  }
  .segment[data-kind='undeclared'] .label {
    /* Text on the stripes: a plain ground keeps it readable. 6px matches the layout's padding. */
    padding: 0.1em 6px;
    border-radius: 2px;
    background: var(--fill);
  }
  .segment[data-active] {
    box-shadow: inset 0 -4px 0 var(--_text), inset calc(-1px * var(--_dir)) 0 0 var(--_background);
  }
  .segment[data-selected] {
    z-index: 1;
    box-shadow: inset 0 0 0 2px var(--_background), inset 0 0 0 4px var(--_text);
  }
  .segment:focus-visible {
    z-index: 2;
  }
  .majority {
    position: absolute;
    z-index: 3;
    top: calc(-0.35 * var(--_rem));
    bottom: calc(-0.35 * var(--_rem));
    inset-inline-start: calc(var(--x) * 1%);
    width: 2px;
    margin-inline-start: -1px;
    background: var(--_text);
    box-shadow: 0 0 0 1px var(--_background);
    pointer-events: none;
  }
  .chart[data-animate] .segment {
    transition:
      inset-inline-start var(--_duration) ease-in-out,
      width var(--_duration) ease-in-out;
  }

  /* A bar per party. */
  .rows {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(calc(3 * var(--_rem)), 1fr) max-content;
    column-gap: calc(0.5 * var(--_rem));
  }
  .row,
  .rows-head {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: subgrid;
    align-items: center;
  }
  .rows-head {
    height: 1.5em;
  }
  .rows-head-track {
    grid-column: 2;
    position: relative;
    align-self: stretch;
  }
  .rows-head .majority-label {
    inset-inline-start: calc(var(--majority-x) * 1%);
  }
  .row {
    min-height: calc(1.9 * var(--_rem));
    padding: calc(0.2 * var(--_rem)) calc(0.25 * var(--_rem));
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .row[data-kind='undeclared'] {
    cursor: default;
  }
  .row[data-active] {
    background: var(--_surface);
  }
  .row[data-selected] {
    box-shadow: inset 0 0 0 2px var(--_text);
  }
  .row-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row-track {
    position: relative;
    align-self: stretch;
    display: flex;
    align-items: center;
  }
  .row-bar {
    display: block;
    height: calc(1.1 * var(--_rem));
    width: calc(var(--length) * 1%);
    background: var(--fill);
    border-start-end-radius: 2px;
    border-end-end-radius: 2px;
  }
  .row[data-kind='undeclared'] .row-bar {
    background: repeating-linear-gradient(-45deg, var(--fill) 0 4px, var(--_pattern) 4px 6px);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .row-track .majority {
    /* One segment per row; rows have no gap, so they join into one line. */
    top: calc(-0.2 * var(--_rem));
    bottom: calc(-0.2 * var(--_rem));
    inset-inline-start: calc(var(--majority-x) * 1%);
    box-shadow: none;
    z-index: 1;
  }
  .row-value {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
    font-weight: 600;
  }
  .row-change {
    font-weight: 400;
    color: var(--_muted);
  }
  /* Narrow: name and figure on one line, the bar under them at full width. */
  .rows[data-arrangement='stacked'] {
    display: block;
  }
  .rows[data-arrangement='stacked'] .row {
    grid-template-columns: minmax(0, 1fr) max-content;
    grid-template-areas: 'name value' 'track track';
    column-gap: calc(0.5 * var(--_rem));
  }
  .rows[data-arrangement='stacked'] .row-name {
    grid-area: name;
  }
  .rows[data-arrangement='stacked'] .row-value {
    grid-area: value;
  }
  .rows[data-arrangement='stacked'] .row-track {
    grid-area: track;
    min-height: calc(1.3 * var(--_rem));
  }
  .rows[data-arrangement='stacked'] .rows-head {
    display: block;
    position: relative;
  }
  .rows[data-arrangement='stacked'] .rows-head-track {
    position: absolute;
    inset: 0 calc(0.25 * var(--_rem));
  }
  .chart[data-animate] .row-bar {
    transition: width var(--_duration) ease-in-out;
  }

  /* Parliament. */
  .hemicycle {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  /* Right to left, the first party sits on the right, as in the bar (the chart has no text). */
  :host(:dir(rtl)) .hemicycle {
    transform: scaleX(-1);
  }
  .hemicycle circle,
  .hemicycle path {
    cursor: pointer;
  }
  .hemicycle circle.undeclared {
    stroke: var(--_border);
    stroke-width: 0.6;
    cursor: default;
  }
  .hemicycle path {
    /* A hairline between neighbouring sectors, as between bar segments. */
    stroke: var(--_background);
    stroke-width: 0.5;
  }
  .hemicycle path.undeclared {
    stroke: var(--_border);
    stroke-width: 0.6;
    cursor: default;
  }
  .hemicycle .active,
  .hemicycle .selected {
    stroke: var(--_text);
    stroke-width: 0.6;
  }
  /* A selected party stands out by the others fading: strokes would swamp small dots. */
  .chart[data-has-selection] .hemicycle :is(circle, path):not(.selected) {
    opacity: 0.3;
  }
  .hemicycle .pattern-base {
    fill: var(--_surface);
  }
  .hemicycle .pattern-stripe {
    fill: var(--_pattern);
  }
  .majority-line {
    stroke: var(--_text);
    stroke-width: 1.5;
    stroke-linecap: round;
  }
  .chart[data-animate] .hemicycle circle {
    transition: fill var(--_duration) ease-in-out;
  }

  /* The key. */
  .legend {
    list-style: none;
    margin: calc(0.5 * var(--_rem)) 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.125 * var(--_rem)) calc(0.5 * var(--_rem));
  }
  .legend-entry {
    display: contents;
  }
  .legend-item {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: calc(1.75 * var(--_rem));
    margin: 0;
    padding: calc(0.125 * var(--_rem)) calc(0.375 * var(--_rem));
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    font: inherit;
    line-height: 1.2;
    color: inherit;
    text-align: start;
  }
  button.legend-item {
    cursor: pointer;
  }
  button.legend-item[data-active] {
    background: var(--_surface);
  }
  button.legend-item[data-selected] {
    border-color: var(--_text);
    font-weight: 600;
  }
  /* A long name wraps; its figure keeps its width and stays whole. */
  .legend-item {
    max-width: 100%;
  }
  .legend-name {
    min-width: 0;
  }
  .legend-count {
    flex: none;
    white-space: nowrap;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .swatch {
    flex: none;
    display: inline-block;
    width: 0.875em;
    height: 0.875em;
    border-radius: 2px;
    background: var(--fill);
    box-shadow: inset 0 0 0 1px rgba(0, 0, 0, 0.15);
  }
  .swatch[data-kind='undeclared'] {
    background: repeating-linear-gradient(-45deg, var(--fill) 0 2px, var(--_pattern) 2px 4px);
    box-shadow: inset 0 0 0 1px var(--_border);
  }

  /* Details on hover, focus or tap. */
  .tooltip {
    position: absolute;
    z-index: 10;
    top: 0;
    left: 0;
    width: max-content;
    max-width: min(18 * var(--_rem), 100%);
    padding: calc(0.375 * var(--_rem)) calc(0.5 * var(--_rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25);
    line-height: 1.3;
  }
  .tooltip p {
    margin: 0;
  }
  .tooltip-name {
    display: flex;
    align-items: center;
    gap: 0.375em;
    font-weight: 700;
  }
  .tooltip-figures {
    font-variant-numeric: tabular-nums;
  }
  .tooltip-note {
    color: var(--_muted);
  }

  .notes {
    margin: var(--_space) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .notes p {
    margin: calc(0.125 * var(--_rem)) 0 0;
  }
  .notes a {
    color: inherit;
  }

  @media (forced-colors: active) {
    .segment,
    .row-bar,
    .swatch {
      forced-color-adjust: none;
    }
    .majority {
      background: CanvasText;
    }
    /* Shadows and backgrounds are dropped: the selected row and key entry get a system-colour edge. */
    .row[data-selected] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    button.legend-item[data-selected] {
      border: 2px solid Highlight;
    }
    .hemicycle .active,
    .hemicycle .selected {
      stroke: CanvasText;
    }
  }
`;
