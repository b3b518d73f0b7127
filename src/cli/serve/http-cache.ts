/**
 * HTTP validators the way a CDN serves the feed: a strong ETag (a hash of the exact bytes),
 * Last-Modified, and 304 Not Modified for a matching If-None-Match or a current
 * If-Modified-Since (If-None-Match wins when both are sent, as RFC 9110 says).
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A strong validator: the quoted hash of the body. */
export function strongEtag(body: Uint8Array | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** An HTTP date, which has whole seconds only. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/**
 * Whether an If-None-Match header matches (weak comparison, which is what 304 uses). `etags`:
 * every tag the current content is known by (one per content coding of the same bytes), so a
 * client holding the gzip response's tag is not sent the whole body again because it now asks
 * for brotli.
 */
export function etagMatches(ifNoneMatch: string, etags: string | readonly string[]): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const current = (typeof etags === 'string' ? [etags] : etags).map(bare);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || current.includes(bare(tag)));
}

/** True when the client's copy is current and the answer should be 304. */
export function isNotModified(
  headers: IncomingHttpHeaders,
  etags: string | readonly string[],
  lastModifiedMs: number,
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etags);
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && Math.floor(lastModifiedMs / 1000) * 1000 <= since;
}
