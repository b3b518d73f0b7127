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

/** Whether an If-None-Match header matches (weak comparison, which is what 304 uses). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** True when the client's copy is current and the answer should be 304. */
export function isNotModified(headers: IncomingHttpHeaders, etag: string, lastModifiedMs: number): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && Math.floor(lastModifiedMs / 1000) * 1000 <= since;
}
