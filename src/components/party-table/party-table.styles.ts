/**
 * Styles of <tally-party-table>, appended to the shared `widgetStyles`. Only private tokens
 * (`--_*`); the public surface is `--tally-party-table-min-height` and the shared tokens.
 */
import { css, unsafeCSS } from 'lit';
import { COLLAPSE_ORDER } from '../../derive/party-table-columns.js';
import { visuallyHidden } from '../shared/styles.js';

// One rule per collapsible column: `[data-collapsed~='votes'] [data-column='votes']`. The
// names come from a constant list in the code, never from input.
const collapseRules = unsafeCSS(
  COLLAPSE_ORDER.filter((step) => step !== 'names')
    .map((column) => `.scroller[data-collapsed~='${column}'] [data-column='${column}'] { display: none; }`)
    .join('\n'),
);

export const partyTableStyles = css`
  :host {
    --_min-height: var(--tally-party-table-min-height, calc(14 * var(--_rem)));
  }
  .skeleton {
    min-height: var(--_min-height);
  }
  .scroller {
    /* Positioned, so visually hidden text inside is measured and clipped here. */
    position: relative;
    overflow-x: auto;
    max-width: 100%;
    /* Room for the focus ring of the first and last column headings, which the box would clip. */
    padding-inline: var(--_focus-room);
  }
  :host {
    --_focus-room: 5px;
  }
  /* Text outside the box lines up with the table inside it. */
  .status,
  .heading {
    padding-inline: var(--_focus-room);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    overflow-wrap: normal;
  }
  caption {
    text-align: start;
    padding: 0 0 var(--_space);
    caption-side: top;
  }
  caption .title,
  .heading .title {
    display: block;
    margin: 0;
    font-weight: 700;
    font-size: var(--_font-size);
  }
  caption .subtitle,
  .heading .subtitle {
    display: block;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .heading {
    margin: 0 0 var(--_space);
  }
  th,
  td {
    padding: 0.375em 0.5em;
    border-bottom: 1px solid var(--_divider);
    text-align: end;
    vertical-align: baseline;
    white-space: nowrap;
  }
  thead th {
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_muted);
    border-bottom: 2px solid var(--_border);
    vertical-align: bottom;
  }
  thead th[data-column='party'],
  thead th[data-column='candidate'] {
    text-align: start;
  }
  .sort {
    display: inline-flex;
    align-items: baseline;
    gap: 0.25em;
    margin: 0;
    padding: 0.125em 0;
    border: 0;
    background: none;
    font-weight: inherit;
    font-size: inherit;
    color: inherit;
    text-align: inherit;
    cursor: pointer;
    white-space: nowrap;
  }
  .sort:hover .label {
    text-decoration: underline;
  }
  th[aria-sort] {
    color: var(--_text);
  }
  .sort-icon {
    display: inline-block;
    min-width: 0.75em;
    font-size: 0.75em;
    opacity: 0.55;
  }
  th[aria-sort] .sort-icon {
    opacity: 1;
  }
  tbody th,
  tfoot th {
    text-align: start;
    font-weight: 600;
    white-space: normal;
    overflow-wrap: normal;
    word-break: normal;
  }
  .who {
    display: flex;
    align-items: baseline;
    gap: 0.4em;
  }
  .swatch {
    flex: none;
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
    background: var(--_swatch, var(--_surface));
    box-shadow: inset 0 0 0 1px rgba(0, 0, 0, 0.2);
    align-self: center;
  }
  /* A name with a short form stays on one line until the short form takes over. */
  .name-full,
  .toggle .count {
    white-space: nowrap;
  }
  .name-short {
    display: none;
  }
  .scroller[data-collapsed~='names'] .name-full {
    ${visuallyHidden}
  }
  .scroller[data-collapsed~='names'] .name-short {
    display: inline;
  }
  /* Last resort before scrolling (fit-columns.ts): a name with no room to wrap breaks anywhere. */
  .scroller[data-break-words] tbody th,
  .scroller[data-break-words] :is(.name, .name-full, .name-short) {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  /* Narrow: tighter cells, and the resting sort arrows go (the sorted column keeps its arrow). */
  .scroller[data-collapsed~='names'] th,
  .scroller[data-collapsed~='names'] td {
    padding-inline: 0.25em;
  }
  .scroller[data-collapsed~='names'] th:not([aria-sort]) .sort-icon {
    display: none;
  }
  /* The table lines up with the text around it (more specific than the narrow padding). */
  .scroller table :is(th, td):first-child {
    padding-inline-start: 0;
  }
  .scroller table :is(th, td):last-child {
    padding-inline-end: 0;
  }
  /* No overall control is only about councils. */
  .scroller[data-collapsed~='councils'] tr.noc {
    display: none;
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.25em;
    padding: 0 0.35em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    white-space: nowrap;
  }
  td[data-column='candidate'] {
    text-align: start;
    white-space: normal;
  }
  td.change[data-trend='up'] {
    color: var(--_up);
  }
  td.change[data-trend='down'] {
    color: var(--_down);
  }
  td.change,
  td[data-column='shareChange'] {
    font-size: var(--_font-size-small);
  }
  .arrow {
    display: inline-block;
    margin-inline-end: 0.2em;
    font-size: 0.75em;
  }
  .na {
    color: var(--_muted);
  }
  tr.others th,
  tr.others td,
  tr.noc th,
  tr.noc td {
    border-top: 1px solid var(--_border);
  }
  tr.noc th {
    font-weight: 600;
  }
  tr.member th {
    padding-inline-start: 1.25em;
    font-weight: 400;
  }
  tr.member th,
  tr.member td {
    font-size: var(--_font-size-small);
  }
  .toggle {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.3em;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font-weight: inherit;
    color: inherit;
    cursor: pointer;
    text-align: start;
  }
  .toggle .marker {
    display: inline-block;
    font-size: 0.75em;
    transition: transform 150ms ease-out;
  }
  .toggle[aria-expanded='true'] .marker {
    transform: rotate(90deg);
  }
  .toggle .count {
    font-weight: 400;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }
  tfoot th,
  tfoot td {
    border-top: 2px solid var(--_border);
    border-bottom: 0;
    font-weight: 700;
  }
  tr[data-flash='a'] > * {
    animation: tally-flash-a 2.4s ease-out;
  }
  tr[data-flash='b'] > * {
    animation: tally-flash-b 2.4s ease-out;
  }
  @keyframes tally-flash-a {
    from {
      background-color: var(--_highlight);
    }
    to {
      background-color: transparent;
    }
  }
  @keyframes tally-flash-b {
    from {
      background-color: var(--_highlight);
    }
    to {
      background-color: transparent;
    }
  }
  .notes {
    margin: var(--_space) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .notes p {
    margin: 0 0 0.25em;
  }
  .notes a {
    color: var(--_accent);
  }
  ${collapseRules}
  /* Windows high contrast: the party colour stays beside the name, edged in the text colour. */
  @media (forced-colors: active) {
    .swatch {
      forced-color-adjust: none;
      box-shadow: inset 0 0 0 1px CanvasText;
    }
  }
`;
