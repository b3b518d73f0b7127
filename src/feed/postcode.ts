/**
 * Postcode look-up for the result card: a UK postcode checked for format before any request,
 * then a newsroom's own look-up service asked for the area codes it lies in.
 *
 * The service is any JSON API: `template` is its URL with `{postcode}` where the postcode goes
 * (`https://api.postcodes.io/postcodes/{postcode}`), and `fields` are dot paths to the area
 * code(s) in its answer, in order of preference (`result.codes.admin_ward
 * result.codes.admin_district`). docs/embedding.md works through a postcodes.io answer.
 *
 * Every outcome is a plain value a widget can put into words: an invalid postcode (no request
 * made), a postcode the service does not know, a service that fails or does not answer in time,
 * or the codes found. The technical reason (status, path) is kept for developers.
 *
 * On a page that restricts where Tally may fetch from (the iframe page, src/feed/fetch-policy.ts),
 * the service's origin must be allowed, as a feed's is.
 */
import { fetchRefusal, responseRefusal } from './fetch-policy.js';

/** How long the service has to answer before the look-up counts as timed out (ms). */
export const POSTCODE_TIMEOUT_MS = 8000;

/** A UK postcode without its space, upper case: the outward code's six shapes, then the inward code. */
const POSTCODE =
  /^(?:GIR0AA|(?:[A-PR-UWYZ]\d\d?|[A-PR-UWYZ][A-HK-Y]\d\d?|[A-PR-UWYZ]\d[ABCDEFGHJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY])\d[ABD-HJLNP-UW-Z]{2})$/;

/**
 * The postcode in its usual form ("S10 2TN") when `text` has the shape of a UK postcode
 * (any case, any spacing: "s102tn", " S10  2TN "), else undefined. Shape only: whether the
 * postcode exists is the service's to say.
 */
export function normalisePostcode(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!POSTCODE.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** The dot paths in a `postcode-field` value: separated by spaces or commas, blanks left out. */
export function parseFieldPaths(text: string | null | undefined): string[] {
  return (text ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Why a service setting cannot be used, or undefined when it can. */
export function checkPostcodeService(template: string, fields: readonly string[]): string | undefined {
  if (!placeholder(template).includes('{postcode}')) return `postcode-url "${template}" has no {postcode} in it`;
  if (fields.length === 0)
    return 'postcode-field is missing: give the dot path to the area code in the service\'s answer (for postcodes.io, "result.codes.admin_district")';
  const bad = fields.find((path) => path.split('.').some((part) => part === ''));
  if (bad !== undefined) return `postcode-field "${bad}" is not a dot path (such as result.codes.admin_district)`;
  return undefined;
}

/**
 * The template with its placeholder as written: an address that went through `new URL()` (the
 * iframe page resolves every address it is given) has it percent-encoded, `%7Bpostcode%7D`.
 */
function placeholder(template: string): string {
  return template.replace(/%7Bpostcode%7D/gi, '{postcode}');
}

/** The request URL for `postcode`: its compact form ("S102TN") where `{postcode}` is, encoded. */
export function postcodeUrl(template: string, postcode: string): string {
  return placeholder(template)
    .split('{postcode}')
    .join(encodeURIComponent(postcode.replace(/\s+/g, '')));
}

const MISSING = Symbol('missing');

/** The value at a dot path ("result.codes.admin_ward"; a number steps into an array), or MISSING. */
export function valueAtPath(value: unknown, path: string): unknown {
  let here: unknown = value;
  for (const part of path.split('.')) {
    if (typeof here !== 'object' || here === null) return MISSING;
    if (Array.isArray(here)) {
      if (!/^\d+$/.test(part)) return MISSING;
      here = here[Number(part)];
    } else {
      if (!Object.hasOwn(here, part)) return MISSING;
      here = (here as Record<string, unknown>)[part];
    }
    if (here === undefined) return MISSING;
  }
  return here;
}

/** Codes at `fields` in `answer`, in field order, each once; or why none can be read. */
export function codesAt(answer: unknown, fields: readonly string[]): { codes: string[] } | { problem: string } {
  const codes: string[] = [];
  let present = 0;
  for (const path of fields) {
    const value = valueAtPath(answer, path);
    if (value === MISSING) continue;
    present += 1;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item === 'string' && item.trim() !== '' && !codes.includes(item.trim())) codes.push(item.trim());
    }
  }
  if (present === 0) return { problem: `the answer has nothing at ${fields.map((path) => `"${path}"`).join(', ')}` };
  return { codes };
}

export type PostcodeAnswer =
  /** Not the shape of a UK postcode: no request was made. */
  | { readonly kind: 'invalid'; readonly input: string }
  /** The service does not know the postcode (404, 400 or 410). */
  | { readonly kind: 'not-found'; readonly postcode: string }
  /** The service failed: a network error, another status, an answer that is not JSON or lacks the fields. */
  | { readonly kind: 'failed'; readonly postcode: string; readonly reason: string }
  /** No answer within the time allowed. */
  | { readonly kind: 'timeout'; readonly postcode: string; readonly reason: string }
  /** The area codes the postcode lies in, in order of preference (may be empty: a postcode in no area the service names). */
  | { readonly kind: 'found'; readonly postcode: string; readonly codes: readonly string[] }
  /** Given up because a newer look-up (or the element going away) replaced it: show nothing. */
  | { readonly kind: 'cancelled'; readonly postcode: string };

export interface PostcodeService {
  /** URL template with `{postcode}`. */
  readonly template: string;
  /** Dot paths to the area code(s), in order of preference. */
  readonly fields: readonly string[];
  /** Milliseconds before giving up (default POSTCODE_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

export interface LookupOptions {
  /** Cancels the look-up (a newer one started). */
  readonly signal?: AbortSignal;
  /** The page's `fetch` by default. */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

/**
 * Look `input` up with `service`. Never throws: every outcome is a `PostcodeAnswer`. Cookies
 * are not sent, and no header beyond `Accept`, so a cross-origin service needs no preflight.
 */
export async function lookupPostcode(
  service: PostcodeService,
  input: string,
  options: LookupOptions = {},
): Promise<PostcodeAnswer> {
  const postcode = normalisePostcode(input);
  if (postcode === undefined) return { kind: 'invalid', input };
  const problem = checkPostcodeService(service.template, service.fields);
  if (problem) return { kind: 'failed', postcode, reason: problem };
  const request = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
  const later = options.setTimeout ?? ((callback: () => void, ms: number) => globalThis.setTimeout(callback, ms));
  const cancelTimer =
    options.clearTimeout ?? ((handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));
  const timeoutMs = service.timeoutMs ?? POSTCODE_TIMEOUT_MS;
  const url = postcodeUrl(service.template, postcode);
  // On a page that restricts where Tally may fetch from (the iframe page), as for feeds.
  const refused = fetchRefusal(url);
  if (refused) return { kind: 'failed', postcode, reason: `${url}: ${refused}` };
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  if (options.signal?.aborted) return { kind: 'cancelled', postcode };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = later(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await request(url, {
      signal: controller.signal,
      credentials: 'omit',
      headers: { Accept: 'application/json' },
    });
    const redirected = responseRefusal(url, response);
    if (redirected) return { kind: 'failed', postcode, reason: `${url}: ${redirected}` };
    if (response.status === 404 || response.status === 400 || response.status === 410)
      return { kind: 'not-found', postcode };
    if (!response.ok)
      return {
        kind: 'failed',
        postcode,
        reason: `${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      };
    let answer: unknown;
    try {
      answer = await response.json();
    } catch (error) {
      if (timedOut) throw error;
      if (options.signal?.aborted) return { kind: 'cancelled', postcode };
      return {
        kind: 'failed',
        postcode,
        reason: `${url} did not answer with JSON (${error instanceof Error ? error.message : String(error)})`,
      };
    }
    const read = codesAt(answer, service.fields);
    if ('problem' in read) return { kind: 'failed', postcode, reason: `${url}: ${read.problem}` };
    return { kind: 'found', postcode, codes: read.codes };
  } catch (error) {
    if (timedOut) return { kind: 'timeout', postcode, reason: `${url} did not answer within ${timeoutMs / 1000} s` };
    if (options.signal?.aborted) return { kind: 'cancelled', postcode };
    return {
      kind: 'failed',
      postcode,
      reason: `${url} could not be reached (${error instanceof Error ? error.message : String(error)})`,
    };
  } finally {
    cancelTimer(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
