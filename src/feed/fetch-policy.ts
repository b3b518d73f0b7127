/**
 * Which origins Tally may fetch from on this page. Unrestricted unless a page says otherwise:
 * on a publisher's article the page chose its feeds. The iframe page restricts it to its
 * allowlist, since anyone can frame it with any address; then every request Tally makes there
 * (the feed, the council map's layout, anything added later) is checked before it is made,
 * and its response after, so a redirect to another origin (an open redirect on an allowed
 * host) is caught too.
 *
 * Kept on `globalThis` under a versioned symbol, like the feed registry, so that every chunk
 * and every copy of the bundle on the page sees the same restriction. It can only narrow.
 */
const POLICY = Symbol.for('tally.fetch-origins.v1');

type Holder = Record<symbol, ReadonlySet<string> | undefined>;

/** Allow requests to these origins only, from now on (intersected with any earlier restriction). */
export function restrictFetchOrigins(origins: Iterable<string>): void {
  const holder = globalThis as unknown as Holder;
  const wanted = new Set(origins);
  const current = holder[POLICY];
  holder[POLICY] = Object.freeze(current ? new Set([...current].filter((origin) => wanted.has(origin))) : wanted);
}

/** The origins requests are restricted to, or undefined when they are not. */
export function allowedFetchOrigins(): ReadonlySet<string> | undefined {
  return (globalThis as unknown as Holder)[POLICY];
}

/** Why `url` may not be requested on this page (a sentence naming the origin), or undefined when it may. */
export function fetchRefusal(url: string): string | undefined {
  const allowed = allowedFetchOrigins();
  if (!allowed) return undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return `"${url}" is not an address this page may request`;
  }
  return allowed.has(origin) ? undefined : `requests to ${origin} are not allowed on this page`;
}

/**
 * Why a response to a request for `requested` may not be used: it came from an origin this
 * page does not allow, after redirects. Undefined when it may (or the response does not say
 * where it came from, as a hand-made one in a test does not).
 */
export function responseRefusal(requested: string, response: Pick<Response, 'url' | 'redirected'>): string | undefined {
  if (!allowedFetchOrigins() || !response.url || response.url === requested) return undefined;
  const refusal = fetchRefusal(response.url);
  if (!refusal) return undefined;
  let origin = response.url;
  try {
    origin = new URL(response.url).origin;
  } catch {
    // keep the address as it is
  }
  return `the address redirected to ${origin}, which is not allowed on this page`;
}
