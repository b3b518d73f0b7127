/**
 * `<tally-ticker>` styles, on top of the shared widget styles. Only private tokens (`--_*`);
 * the public ones are `--tally-ticker-min-height`, `--tally-ticker-max-height` and
 * `--tally-ticker-speed`. Party colours arrive per item as `--_party` and `--_party-text`.
 */
import { css } from 'lit';
import { visuallyHidden, widgetStyles } from '../shared/styles.js';

export const tickerStyles = [
  ...widgetStyles,
  css`
    :host {
      --_min-height: var(--tally-ticker-min-height, calc(12 * var(--_rem)));
      --_max-height: var(--tally-ticker-max-height, none);
      --_speed: var(--tally-ticker-speed, 40);
    }
    :host([mode='strip']) {
      --_min-height: var(--tally-ticker-min-height, calc(2.75 * var(--_rem)));
    }

    .frame {
      container-type: inline-size;
    }
    .sentinel {
      height: 0;
    }

    /* ---------------------------------------------------------------- header and controls */
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_space) / 2) var(--_space);
      margin: 0 0 calc(var(--_space) / 2);
    }
    .header .title {
      margin: 0;
    }
    .pause,
    .new-results {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      min-height: calc(2.25 * var(--_rem));
      min-width: calc(2.75 * var(--_rem));
      padding: 0.25em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      font-size: var(--_font-size-small);
      line-height: 1.2;
      cursor: pointer;
      white-space: nowrap;
    }
    .pause:hover,
    .new-results:hover {
      background: var(--_surface);
    }
    .new-results {
      width: 100%;
      justify-content: center;
      margin: 0 0 calc(var(--_space) / 2);
      border-color: var(--_accent);
      color: var(--_accent);
      font-weight: 700;
    }
    /* Icons drawn in CSS: they follow the text colour and need no font. */
    .icon {
      display: inline-block;
      flex: none;
      width: 0.75em;
      height: 0.75em;
    }
    .icon[data-icon='pause'] {
      border-inline: 0.25em solid currentColor;
    }
    /* Media controls keep their direction right to left: the play triangle points right. */
    .icon[data-icon='play'] {
      width: 0;
      height: 0;
      border-block: 0.4em solid transparent;
      border-left: 0.7em solid currentColor;
    }
    .icon[data-icon='up'] {
      width: 0;
      height: 0;
      border-inline: 0.4em solid transparent;
      border-block-end: 0.6em solid currentColor;
    }
    .paused-note {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: var(--_font-size-small);
      color: var(--_muted);
    }
    .empty {
      margin: var(--_space) 0;
      color: var(--_muted);
    }

    /* ---------------------------------------------------------------- list mode */
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: var(--_max-height);
      overflow-y: auto;
      overscroll-behavior: contain;
      border-radius: var(--_radius);
    }
    .list .item {
      position: relative;
      display: grid;
      /* The time keeps its width; a badge with a long unbroken name wraps in what it leaves. */
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'badge when'
        'sentence sentence'
        'corrected corrected';
      align-items: baseline;
      gap: 0.15em var(--_space);
      padding: calc(var(--_space) * 0.75) calc(var(--_space) / 2);
      border-block-start: 1px solid var(--_divider);
    }
    .list .item:first-child {
      border-block-start: 0;
    }
    .list .item:focus {
      outline-offset: -3px;
    }
    .list .badge {
      grid-area: badge;
      justify-self: start;
      /* A long unbroken name is cut short here; the sentence under it has the name in full. */
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .list .sentence {
      grid-area: sentence;
      min-width: 0;
      font-weight: 600;
    }
    .list .when {
      grid-area: when;
      justify-self: end;
      text-align: end;
      white-space: nowrap;
    }
    .list .corrected {
      grid-area: corrected;
      justify-self: start;
    }

    /* ---------------------------------------------------------------- one item */
    .badge {
      display: inline-block;
      padding: 0.1em 0.45em;
      border: 1px solid var(--_party, var(--_border));
      border-radius: var(--_radius);
      background: var(--_party, transparent);
      color: var(--_party-text, var(--_text));
      font-size: var(--_font-size-small);
      font-weight: 700;
      line-height: 1.3;
      white-space: nowrap;
    }
    .badge[data-neutral] {
      background: var(--_surface);
      border-color: var(--_border);
      color: var(--_text);
    }
    /* Set apart from the badge and the time; in the widget's direction, or its own for a publisher's text (dir=auto). */
    .sentence {
      unicode-bidi: isolate;
    }
    .sentence a {
      color: inherit;
      text-decoration-thickness: 1px;
      text-underline-offset: 0.15em;
    }
    .when {
      font-size: var(--_font-size-small);
      color: var(--_muted);
      white-space: nowrap;
    }
    /* The clock time: read by screen readers always, shown on hover and focus. */
    .exact {
      ${visuallyHidden}
    }
    .item:hover .exact,
    .item:focus-within .exact,
    .item:focus .exact,
    .list:focus-within .exact,
    .viewport:focus-within .exact {
      position: static;
      width: auto;
      height: auto;
      overflow: visible;
      clip-path: none;
    }
    .corrected {
      font-size: var(--_font-size-small);
      font-style: italic;
      color: var(--_muted);
    }
    .corrected::before {
      content: '↺\\FE0E  ';
      font-style: normal;
    }

    /* A new item slides in and glows once; reduced motion gets neither (see widgetStyles). */
    .item[data-new] {
      animation:
        slide-in 400ms ease-out,
        glow 3s ease-out;
    }
    @keyframes slide-in {
      from {
        opacity: 0;
        transform: translateY(calc(-0.5 * var(--_rem)));
      }
    }
    @keyframes glow {
      from {
        background: var(--_highlight);
      }
    }

    /* ---------------------------------------------------------------- strip mode */
    .strip {
      display: flex;
      align-items: center;
      gap: var(--_space);
      min-height: calc(2.75 * var(--_rem));
    }
    .strip .title {
      flex: none;
      margin: 0;
      padding-inline-end: var(--_space);
      border-inline-end: 3px solid var(--_accent);
      text-transform: uppercase;
      letter-spacing: 0.04em;
      font-size: var(--_font-size-small);
    }
    .strip .empty {
      flex: 1;
      margin: 0;
      font-size: var(--_font-size-small);
    }
    .strip .new-results {
      width: auto;
      margin: 0;
      flex: none;
    }
    .strip .pause {
      flex: none;
    }
    .viewport {
      flex: 1;
      min-width: 0;
      overflow-x: auto;
      overflow-y: hidden;
      scrollbar-width: thin;
      border-radius: var(--_radius);
    }
    .marquee {
      display: flex;
      width: max-content;
    }
    .marquee[data-scrolling] {
      animation: marquee calc(var(--_distance, 600) / var(--_speed) * 1s) linear infinite;
    }
    .viewport:has(.marquee[data-scrolling]) {
      overflow-x: hidden;
    }
    .viewport[data-held] .marquee {
      animation-play-state: paused;
    }
    /* The strip moves the way its text reads: leftwards, or rightwards right to left (the copy
       that follows is then on the left). */
    :host(:dir(rtl)) .marquee[data-scrolling] {
      animation-name: marquee-rtl;
    }
    @keyframes marquee {
      to {
        transform: translateX(-50%);
      }
    }
    @keyframes marquee-rtl {
      to {
        transform: translateX(50%);
      }
    }
    .track {
      display: flex;
      align-items: center;
      list-style: none;
      margin: 0;
      padding: calc(0.25 * var(--_rem)) 0;
    }
    .track .item {
      display: flex;
      align-items: baseline;
      gap: 0.5em;
      padding-inline: calc(0.5 * var(--_rem)) var(--_rem);
      white-space: nowrap;
    }
    .track .item + .item {
      border-inline-start: 1px solid var(--_divider);
      padding-inline-start: var(--_rem);
    }
    .track .item:focus {
      outline-offset: -3px;
    }
    .track .sentence {
      font-weight: 600;
    }
    /* One item never fills the strip: a long unbroken name is cut short (the whole line is its title). */
    .track :is(.sentence, .badge) {
      max-width: 30em;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .strip + .notice {
      margin-block-start: calc(var(--_space) / 2);
    }

    /* A narrow strip keeps its one line: the pause button shows only its icon (its name stays). */
    @container (max-width: 30em) {
      .strip .pause .label {
        ${visuallyHidden}
      }
      .strip .pause,
      .strip .new-results {
        padding-inline: 0.5em;
      }
      .strip .title {
        padding-inline-end: calc(var(--_space) / 2);
      }
    }
    /* On a phone the line itself gets the whole width, under the title and buttons. */
    @container (max-width: 26em) {
      .strip {
        flex-wrap: wrap;
        row-gap: calc(var(--_space) / 2);
      }
      .strip .title {
        flex: 1;
        border-inline-end: 0;
        border-inline-start: 3px solid var(--_accent);
        padding-inline: calc(var(--_space) / 2) 0;
      }
      .viewport,
      .strip .empty {
        order: 1;
        flex-basis: 100%;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .marquee[data-scrolling] {
        animation: none;
      }
    }
  `,
];
