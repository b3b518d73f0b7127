/**
 * Styles for <tally-area-result>. Only private tokens (`--_*`); the public ones are
 * `--tally-area-result-min-height` and `--tally-area-result-bar-height`. Party colours and bar
 * lengths arrive as `--_fill`, `--_bar` and `--_majority` through the CSSOM styleMap, never a
 * style attribute string. Sizes are multiples of the widget's base (`--_rem`) or `em`.
 */
import { css } from 'lit';

export const areaResultStyles = css`
  :host {
    --_min-height: var(--tally-area-result-min-height, calc(20 * var(--_rem)));
    --_bar-height: var(--tally-area-result-bar-height, calc(0.5 * var(--_rem)));
    --_target: calc(2.75 * var(--_rem));
  }
  .frame {
    container-type: inline-size;
  }
  .muted,
  .kind,
  .hint,
  .note {
    color: var(--_muted);
  }
  .hint,
  .note {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: var(--_font-size-small);
  }
  .label,
  .section-title {
    display: block;
    margin: 0 0 calc(var(--_space) / 2);
    font-weight: 700;
  }
  .section-title .muted {
    font-weight: 400;
  }
  input[type='text'] {
    box-sizing: border-box;
    min-height: var(--_target);
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  /* Choosing an area ----------------------------------------------------- */
  .chooser {
    display: grid;
    gap: var(--_space);
    grid-template-columns: minmax(0, 1fr);
    margin: 0 0 var(--_space);
  }
  @container (min-width: 36em) {
    .chooser:has(.search + .postcode) {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
  .combo {
    position: relative;
  }
  .combo input {
    width: 100%;
  }
  .options {
    position: absolute;
    z-index: 1;
    inset-inline: 0;
    top: 100%;
    margin: 2px 0 0;
    padding: 0;
    max-height: calc(16 * var(--_rem));
    overflow-y: auto;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    box-shadow: 0 calc(0.25 * var(--_rem)) calc(0.75 * var(--_rem)) rgb(0 0 0 / 0.2);
  }
  .options[hidden] {
    display: none;
  }
  .option {
    padding: 0.5em;
    min-height: var(--_target);
    cursor: pointer;
  }
  .option[aria-selected='true'] {
    background: var(--_highlight);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .option-parent::before {
    content: '· ';
  }
  .postcode-row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .postcode-row input {
    flex: 1 1 8em;
    min-width: 0;
  }
  .postcode-row button,
  .back,
  .ward {
    min-height: var(--_target);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .postcode-row button {
    padding: 0.25em 1em;
  }
  .postcode-message:empty {
    display: none;
  }
  .postcode-message {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: var(--_font-size-small);
  }
  .postcode-message[data-kind='invalid'],
  .postcode-message[data-kind='not-found'],
  .postcode-message[data-kind='failed'],
  .postcode-message[data-kind='timeout'],
  .postcode-message[data-kind='no-election'] {
    color: var(--_text);
  }
  .postcode-message[data-kind='invalid']::before,
  .postcode-message[data-kind='not-found']::before,
  .postcode-message[data-kind='failed']::before,
  .postcode-message[data-kind='timeout']::before {
    content: '⚠\\FE0E  ';
    color: var(--_down);
  }

  /* The card ------------------------------------------------------------- */
  .card {
    display: block;
  }
  .back {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    margin: 0 0 var(--_space);
    padding: 0.25em 0.75em;
    max-width: 100%;
    text-align: start;
  }
  .back-arrow {
    display: inline-block;
    transform: scaleX(var(--_dir));
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75em;
  }
  .title {
    font-size: var(--_font-size-large);
    line-height: 1.25;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .kind {
    font-size: var(--_font-size-small);
  }
  .status-badge {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .status-badge[data-status='recount'],
  .status-badge[data-status='counting'] {
    color: var(--_text);
  }
  .outcome {
    margin: calc(var(--_space) / 2) 0 0;
    font-weight: 700;
  }
  .contest,
  .council > *,
  .wards {
    margin-top: calc(var(--_space) * 1.5);
  }
  .swatch {
    flex: none;
    display: inline-block;
    inline-size: calc(0.75 * var(--_rem));
    block-size: calc(0.75 * var(--_rem));
    margin-inline-end: 0.375em;
    border-radius: 2px;
    background: var(--_fill, transparent);
    vertical-align: baseline;
  }

  /* Candidates */
  .lines {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25em 0.75em;
    align-items: baseline;
    padding: calc(var(--_space) / 2) 0;
    border-block-end: 1px solid var(--_divider);
  }
  .who {
    display: flex;
    align-items: baseline;
    min-width: 0;
  }
  .names {
    min-width: 0;
  }
  .name {
    font-weight: 600;
  }
  .line[data-elected] .name {
    font-weight: 700;
  }
  .party {
    display: block;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.25em;
    padding: 0 0.375em;
    border: 1px solid currentcolor;
    border-radius: var(--_radius);
    font-size: var(--_font-size-small);
    font-weight: 700;
    white-space: nowrap;
  }
  .figures {
    display: flex;
    flex: none;
    gap: 0.75em;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .figures .change,
  .figures .seats {
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .bar {
    grid-column: 1 / -1;
    display: block;
    block-size: var(--_bar-height);
    border-radius: calc(var(--_bar-height) / 2);
    background: var(--_surface);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--_bar, 0%);
    background: var(--_fill, var(--_muted));
  }
  @container (max-width: 22em) {
    .line {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  /* Facts, control */
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    margin-block: var(--_space) 0;
    margin-inline: 0;
  }
  .fact dt {
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .fact dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  /* Seats won */
  .seats {
    inline-size: 100%;
    border-collapse: collapse;
  }
  .seats caption {
    margin: 0 0 calc(var(--_space) / 2);
    text-align: start;
    font-weight: 700;
  }
  .seats th,
  .seats td {
    padding: 0.25em 0;
    border-block-end: 1px solid var(--_divider);
    text-align: start;
    font-weight: 400;
  }
  .seats thead th {
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .seats .num {
    text-align: end;
    padding-inline-start: 0.75em;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .change[data-sign='1'] {
    color: var(--_up);
  }
  .change[data-sign='-1'] {
    color: var(--_down);
  }

  /* Whole council */
  .composition {
    margin-inline: 0;
  }
  .council-bar {
    position: relative;
    display: flex;
    block-size: calc(1.5 * var(--_rem));
    margin-block: calc(var(--_space) / 2) calc(var(--_space) * 1.25);
    border-radius: var(--_radius);
    overflow: visible;
  }
  .segment {
    flex-basis: 0;
    min-inline-size: 1px;
    background: var(--_fill, var(--_surface));
    border-inline-end: 1px solid var(--_background);
  }
  .segment.rest {
    background: var(--_surface);
  }
  .majority-line {
    position: absolute;
    inset-block: calc(-0.25 * var(--_rem));
    inset-inline-start: var(--_majority);
    border-inline-start: 2px solid var(--_text);
  }
  .key {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-small);
  }
  .key .num {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  /* Wards */
  .ward-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .ward {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    inline-size: 100%;
    padding: 0.375em 0.625em;
    text-align: start;
  }
  .ward-name {
    font-weight: 600;
  }
  .ward-outcome {
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .ward[data-status='declared'] .ward-outcome {
    color: var(--_text);
  }

  @media (forced-colors: active) {
    .swatch,
    .fill,
    .segment {
      forced-color-adjust: none;
    }
    .bar,
    .council-bar {
      border: 1px solid CanvasText;
    }
    .option[aria-selected='true'] {
      outline-color: Highlight;
    }
  }
`;
