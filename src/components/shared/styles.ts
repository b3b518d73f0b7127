/**
 * Styles every widget shares: the frame (which does not rely on host styles, so hostile
 * page CSS such as `* { all: unset }` cannot collapse it), the status line, the test-data
 * watermark, notices, focus rings, visually hidden text, and reduced motion.
 */
import { css, unsafeCSS } from 'lit';
import { registerBaseUnit, tokens } from '../../theme/tokens.js';

// Every size inside a widget is a multiple of its base font size (src/theme/tokens.ts).
registerBaseUnit();

/**
 * Text hidden from the eye and kept for screen readers, for a rule that hides it only in some
 * states (a short name shown instead, a time shown on hover): `.x { ${visuallyHidden} }`. A
 * rule that shows it again resets position, width, height, overflow and clip-path. Text hidden
 * in every state takes the `visually-hidden` class instead, whose rules nothing overrides.
 */
// A list of declarations, not a style sheet: a plain string, which the template minifier
// (it reads whole style sheets) leaves alone.
export const visuallyHidden = unsafeCSS(
  'position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;',
);

export const widgetStyles = [
  tokens,
  css`
    :host {
      /* 1 left to right, -1 right to left: for the few things logical properties cannot say
         (transforms, shadows, keyframes). */
      --_dir: 1;
      display: block;
      /* Layout and style containment only: paint containment would clip focus rings at the edge. */
      contain: layout style;
    }
    :host([hidden]) {
      display: none;
    }
    :host(:dir(rtl)) {
      --_dir: -1;
    }
    .frame {
      position: relative;
      box-sizing: border-box;
      display: block;
      /* The shorthand also resets every other font setting a page could pass down (weight,
         style, small caps, kerning, features, size adjust), but not synthesis. */
      font: var(--_font-size) / 1.4 var(--_font);
      font-synthesis: initial;
      color: var(--_text);
      background: var(--_background);
      text-align: start;
      min-height: var(--_min-height, auto);
      overflow-wrap: anywhere;
      /*
       * Page selectors cannot reach in here, but inherited properties flow in through the host:
       * a CMS rule such as "* { letter-spacing: .2em !important; white-space: nowrap }" would
       * otherwise reflow labels, tables and bars. Every inherited property that changes how
       * text is laid out or drawn starts again here. Left to the page on purpose: direction
       * (right-to-left pages), writing mode (vertical pages), visibility (a page may hide a
       * widget) and cursor.
       */
      -webkit-text-fill-color: currentcolor;
      -webkit-text-stroke-width: 0;
      letter-spacing: normal;
      word-spacing: normal;
      text-transform: none;
      text-indent: 0;
      text-shadow: none;
      white-space: normal;
      text-wrap: wrap;
      word-break: normal;
      hyphens: manual;
      list-style: outside;
    }
    .frame *,
    .frame *::before,
    .frame *::after {
      box-sizing: border-box;
    }
    /*
     * For measuring, never seen: a zero-height box across the frame (its width is the room the
     * widget has) and, inside it, a font probe whose size follows the fonts the widget draws in,
     * so a web font arriving or a late stylesheet changing the font size is noticed.
     */
    .sizer {
      display: block;
      height: 0;
      margin: 0;
      overflow: hidden;
      visibility: hidden;
    }
    .font-probe {
      display: inline-block;
      white-space: nowrap;
    }
    .font-probe::before {
      content: 'Conservatives 0123456789';
    }
    .caption {
      margin: 0 0 var(--_space);
      font-size: var(--_font-size-small);
      color: var(--_muted);
    }
    .title {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: var(--_font-size);
      font-weight: 700;
      color: var(--_text);
    }
    .status {
      margin: var(--_space) 0 0;
      font-size: var(--_font-size-small);
      color: var(--_muted);
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5em;
    }
    .status[data-kind='reconnecting'],
    .status[data-kind='kept'],
    .status[data-kind='stale'],
    .status[data-kind='failed'] {
      color: var(--_text);
    }
    .status[data-kind='reconnecting']::before,
    .status[data-kind='kept']::before,
    .status[data-kind='stale']::before,
    .status[data-kind='failed']::before {
      content: '⚠\\FE0E';
      color: var(--_down);
    }
    .notice {
      margin: var(--_space) 0;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      font-size: var(--_font-size-small);
    }
    .notice-text {
      margin: 0;
    }
    /* The technical reason, closed, for developers (the reader's sentence is above it). */
    .error-detail {
      margin: calc(var(--_space) / 2) 0 0;
      font-size: var(--_font-size-small);
      color: var(--_muted);
    }
    .error-detail summary {
      cursor: pointer;
      width: fit-content;
    }
    .error-detail code {
      display: block;
      margin-top: calc(var(--_space) / 2);
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 1em;
      color: var(--_text);
      white-space: pre-wrap;
    }
    .watermark {
      display: flex;
      align-items: center;
      gap: 0.5em;
      margin: 0 0 var(--_space);
      padding: 0.125em 0.5em;
      border: 2px dashed var(--_watermark);
      border-radius: var(--_radius);
      color: var(--_watermark);
      font-size: var(--_font-size-small);
    }
    .watermark strong {
      letter-spacing: 0.08em;
    }
    .frame[data-test]::after {
      content: '';
      position: absolute;
      inset: 0;
      pointer-events: none;
      background: repeating-linear-gradient(-45deg, transparent 0 24px, var(--_pattern) 24px 26px);
      opacity: 0.35;
    }
    .skeleton {
      display: block;
      border-radius: var(--_radius);
      background: var(--_surface);
      min-height: calc(2 * var(--_rem));
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px !important;
      height: 1px !important;
      margin: -1px !important;
      padding: 0 !important;
      overflow: hidden !important;
      clip: rect(0 0 0 0) !important;
      clip-path: inset(50%) !important;
      white-space: nowrap !important;
      border: 0 !important;
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    button {
      font: inherit;
      color: inherit;
    }
    /* Windows high contrast drops backgrounds: the loading placeholder keeps an edge. */
    @media (forced-colors: active) {
      .skeleton {
        border: 1px dashed GrayText;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .frame *,
      .frame *::before,
      .frame *::after {
        animation-duration: 0s !important;
        animation-iteration-count: 1 !important;
        transition-duration: 0s !important;
        scroll-behavior: auto !important;
      }
    }
  `,
];
