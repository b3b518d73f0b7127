/**
 * The public design tokens (`--tally-*`) mapped onto private ones (`--_*`) on every widget's
 * host, with light and dark defaults. Widgets style themselves only through the private
 * tokens, so the public surface stays small and stable.
 *
 * `theme="light|dark"` forces a scheme; without it (or with `theme="auto"`) the reader's
 * `prefers-color-scheme` decides. A host page that overrides a token for one scheme sets it
 * inside its own dark-mode selector.
 */
import { css } from 'lit';

const light = css`
  --_text: var(--tally-text, #1a1a1a);
  --_muted: var(--tally-muted, #5c5c5c);
  --_background: var(--tally-background, #ffffff);
  --_surface: var(--tally-surface, #f3f3f3);
  --_border: var(--tally-border, #8a8a8a);
  --_divider: var(--tally-divider, #dcdcdc);
  --_focus: var(--tally-focus, #0b57d0);
  --_accent: var(--tally-accent, #0b57d0);
  --_up: var(--tally-up, #0a6b2c);
  --_down: var(--tally-down, #b3261e);
  --_highlight: var(--tally-highlight, #fff4c2);
  --_watermark: var(--tally-watermark, #b3261e);
  --_pattern: var(--tally-pattern, rgba(0, 0, 0, 0.28));
`;

const dark = css`
  --_text: var(--tally-text, #f0f0f0);
  --_muted: var(--tally-muted, #b8b8b8);
  --_background: var(--tally-background, #161616);
  --_surface: var(--tally-surface, #242424);
  --_border: var(--tally-border, #8f8f8f);
  --_divider: var(--tally-divider, #3a3a3a);
  --_focus: var(--tally-focus, #8ab4f8);
  --_accent: var(--tally-accent, #8ab4f8);
  --_up: var(--tally-up, #6fdc8c);
  --_down: var(--tally-down, #ff8a80);
  --_highlight: var(--tally-highlight, #4a3f00);
  --_watermark: var(--tally-watermark, #ff8a80);
  --_pattern: var(--tally-pattern, rgba(255, 255, 255, 0.3));
`;

export const tokens = css`
  :host {
    ${light}
    --_font: var(--tally-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--tally-font-size, 1rem);
    --_font-size-small: var(--tally-font-size-small, 0.875rem);
    --_font-size-large: var(--tally-font-size-large, 1.25rem);
    --_radius: var(--tally-radius, 4px);
    --_space: var(--tally-spacing, 0.5rem);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
`;
