/**
 * The parts every widget shows around its own content, so feed states look the same
 * everywhere: the TEST DATA watermark, the status line ("Updated 02:41 · checking…"), and the
 * notice shown when there is nothing to draw (loading, failed, no feed given), and whose
 * figures the totals are (under the seat bar and the party table).
 *
 * Readers get a plain sentence in their language ("Results are unavailable at the moment");
 * why (an HTTP status, the path and rule a feed broke) is for the site's developers: it is in
 * the console and the `tally-feed-error` event, and here in a closed "Details for developers".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Feed } from '../../feed/schema.js';
import type { FeedStatus } from '../../feed/status.js';
import type { FeedMode } from './feed-controller.js';
import { translate } from '../../i18n/messages.js';
import { isolate } from '../../i18n/bidi.js';
import { isWebLink } from '../../feed/sanitise.js';
import { formatDateTime, formatTime } from '../../i18n/format.js';

/** A test-data watermark for feeds marked `test: true`. */
export function renderWatermark(feed: Feed | undefined, locale: string): TemplateResult | typeof nothing {
  if (!feed?.meta.test) return nothing;
  return html`<p class="watermark" part="watermark">
    <strong>${translate(locale, 'feed.test')}</strong><span>${translate(locale, 'feed.testNote')}</span>
  </p>`;
}

/**
 * The status line under a widget's content. It is not a live region: with several widgets on
 * one feed, a screen reader would hear every check several times.
 */
export function renderStatusLine(
  status: FeedStatus,
  locale: string,
  timeZone?: string,
): TemplateResult | typeof nothing {
  const time = (iso: string) =>
    html`<time datetime=${iso} title=${formatDateTime(iso, locale, timeZone)}>${formatTime(iso, locale, timeZone)}</time>`;
  switch (status.kind) {
    case 'loading':
    case 'failed':
      // Nothing on screen yet: the placeholder says it.
      return nothing;
    case 'current': {
      const [before, after] = translate(locale, 'feed.updated', { time: '\u0000' }).split('\u0000');
      return html`<p class="status" part="status" data-kind="current">
        <span>${before}${time(status.updatedAt)}${after}</span>${status.checking ? html`<span aria-hidden="true">·</span><span>${translate(locale, 'feed.checking')}</span>` : nothing}
      </p>`;
    }
    case 'reconnecting':
    case 'kept':
    case 'stale': {
      const key =
        status.kind === 'reconnecting' ? 'feed.reconnecting' : status.kind === 'kept' ? 'feed.kept' : 'feed.stale';
      const at =
        status.kind === 'stale' && status.lastChecked !== undefined
          ? new Date(status.lastChecked).toISOString()
          : status.updatedAt;
      const [before, after] = translate(locale, key, { time: '\u0000' }).split('\u0000');
      return html`<p class="status" part="status" data-kind=${status.kind}><span>${before}${time(at)}${after}</span></p>${
        status.kind === 'kept' ? renderErrorDetail(status.reason, locale) : nothing
      }`;
    }
  }
}

/**
 * The technical reason, closed, for developers: as the console gives it, in English whatever
 * the widget's language (marked so, for screen readers).
 */
export function renderErrorDetail(reason: string, locale: string): TemplateResult {
  return html`<details class="error-detail" part="error-detail">
    <summary>${translate(locale, 'feed.errorDetail')}</summary>
    <code lang="en">${reason}</code>
  </details>`;
}

/**
 * What to show in place of the content when there is no feed: a skeleton that reserves the
 * widget's height while loading, or a notice saying what is wrong.
 */
export function renderPlaceholder(status: FeedStatus, mode: FeedMode, locale: string): TemplateResult {
  if (mode === 'none') return html`<p class="notice" part="notice">${translate(locale, 'feed.noSource')}</p>`;
  if (status.kind === 'failed') {
    return html`<div class="notice" part="notice" data-kind="failed"><p class="notice-text">${translate(locale, 'feed.error')}</p>${renderErrorDetail(status.reason, locale)}</div>`;
  }
  return html`<div class="skeleton" part="skeleton" role="img" aria-label=${translate(locale, 'feed.loading')}></div>`;
}

/**
 * Whose figures the totals are ("Totals from declared results", or the publisher's with its
 * source linked when the link is a web link): the first note under the seat bar and the table.
 */
export function renderFiguresBasis(
  basis: 'publisher' | 'derived',
  source: { readonly name: string; readonly url?: string } | undefined,
  locale: string,
): TemplateResult {
  const text = translate(locale, basis === 'publisher' ? 'feed.publisherFigures' : 'feed.derivedFigures');
  if (!source) return html`${text}`;
  const sourceText = translate(locale, 'feed.source', { name: isolate(source.name) });
  const sourceHtml = isWebLink(source.url) ? html`<a href=${source.url} rel="noopener">${sourceText}</a>` : sourceText;
  return html`${text} · ${sourceHtml}`;
}
