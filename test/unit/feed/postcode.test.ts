/**
 * Postcodes: the UK format checked before any request, and the look-up client against a fake
 * fetch and a fake clock: every outcome (not found, failed, timeout, found, cancelled).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restrictFetchOrigins } from '../../../src/feed/fetch-policy.js';
import {
  checkPostcodeService,
  codesAt,
  lookupPostcode,
  normalisePostcode,
  parseFieldPaths,
  postcodeUrl,
  valueAtPath,
} from '../../../src/feed/postcode.js';

describe('normalisePostcode', () => {
  it('accepts every shape of UK postcode in any case and spacing, in its usual form', () => {
    expect(
      ['M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'GIR 0AA'].map(normalisePostcode),
    ).toEqual(['M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'GIR 0AA']);
    expect(normalisePostcode(' s10  2tn ')).toBe('S10 2TN');
    expect(normalisePostcode('s102tn')).toBe('S10 2TN');
  });

  it('refuses what cannot be a postcode', () => {
    for (const text of [
      '',
      'S10',
      'Sheffield',
      'S10 2T',
      'S10 2TNN',
      'Q1 1AA',
      'AI1 1AA',
      'S10 2CI',
      '1S0 2TN',
      'W1I 0AX',
      'EC1Z 1BB',
      'S10-2TN',
    ]) {
      expect(normalisePostcode(text), text).toBeUndefined();
    }
  });
});

describe('the service setting', () => {
  it('reads field paths separated by spaces or commas', () => {
    expect(parseFieldPaths(' result.codes.admin_ward, result.codes.admin_district ')).toEqual([
      'result.codes.admin_ward',
      'result.codes.admin_district',
    ]);
    expect(parseFieldPaths(null)).toEqual([]);
  });
  it('says what is wrong with a template or a path', () => {
    expect(checkPostcodeService('https://x.example/{postcode}', ['a.b'])).toBeUndefined();
    expect(checkPostcodeService('https://x.example/', ['a.b'])).toMatch(/has no \{postcode\}/);
    expect(checkPostcodeService('https://x.example/{postcode}', [])).toMatch(/postcode-field is missing/);
    expect(checkPostcodeService('https://x.example/{postcode}', ['a..b'])).toMatch(/"a..b" is not a dot path/);
  });
  it('puts the compact postcode into the URL, encoded', () => {
    expect(postcodeUrl('https://x.example/postcodes/{postcode}?f=1', 'S10 2TN')).toBe(
      'https://x.example/postcodes/S102TN?f=1',
    );
  });
});

describe('reading the answer', () => {
  const answer = {
    status: 200,
    result: { codes: { admin_ward: 'E05010882', admin_district: 'E08000019', parish: null }, list: ['A', 'B'] },
  };
  it('follows a dot path, into arrays by number', () => {
    expect(valueAtPath(answer, 'result.codes.admin_ward')).toBe('E05010882');
    expect(valueAtPath(answer, 'result.list.1')).toBe('B');
    expect(valueAtPath(answer, 'result.codes.nothing')).not.toBe(undefined);
    expect(valueAtPath(answer, 'result.list.x')).toBe(valueAtPath(answer, 'nowhere'));
  });
  it('gives the codes in field order, each once; a null is a known absence, not a problem', () => {
    expect(codesAt(answer, ['result.codes.admin_ward', 'result.codes.admin_district', 'result.list'])).toEqual({
      codes: ['E05010882', 'E08000019', 'A', 'B'],
    });
    expect(codesAt(answer, ['result.codes.parish'])).toEqual({ codes: [] });
    expect(codesAt(answer, ['result.codes.admin_district', 'result.codes.admin_district'])).toEqual({
      codes: ['E08000019'],
    });
  });
  it('names the paths when none is in the answer', () => {
    expect(codesAt(answer, ['result.wards', 'codes'])).toEqual({
      problem: 'the answer has nothing at "result.wards", "codes"',
    });
  });
});

const service = {
  template: 'https://lookup.example.org/postcodes/{postcode}',
  fields: ['result.codes.admin_ward', 'result.codes.admin_district'],
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('lookupPostcode', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes no request for an invalid postcode', async () => {
    const fetch = vi.fn();
    expect(await lookupPostcode(service, 'not a postcode', { fetch })).toEqual({
      kind: 'invalid',
      input: 'not a postcode',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks for the compact postcode without cookies and gives the codes found', async () => {
    const fetch = vi.fn(async () =>
      json(200, { status: 200, result: { codes: { admin_ward: 'E05010882', admin_district: 'E08000019' } } }),
    );
    expect(await lookupPostcode(service, 's10 2tn', { fetch })).toEqual({
      kind: 'found',
      postcode: 'S10 2TN',
      codes: ['E05010882', 'E08000019'],
    });
    expect(fetch).toHaveBeenCalledWith(
      'https://lookup.example.org/postcodes/S102TN',
      expect.objectContaining({ credentials: 'omit', headers: { Accept: 'application/json' } }),
    );
  });

  it('says not found for 404, 400 and 410', async () => {
    for (const status of [404, 400, 410]) {
      const fetch = vi.fn(async () => json(status, { status, error: 'Postcode not found' }));
      expect(await lookupPostcode(service, 'S10 2TN', { fetch })).toEqual({ kind: 'not-found', postcode: 'S10 2TN' });
    }
  });

  it('says the service failed, and why, for other statuses, broken JSON, a missing field or no network', async () => {
    const cases: [() => Promise<Response>, RegExp][] = [
      [
        async () => new Response('oops', { status: 503, statusText: 'Service Unavailable' }),
        /answered 503 Service Unavailable$/,
      ],
      [async () => new Response('<html>', { status: 200 }), /did not answer with JSON/],
      [
        async () => json(200, { result: {} }),
        /the answer has nothing at "result.codes.admin_ward", "result.codes.admin_district"/,
      ],
      [async () => Promise.reject(new TypeError('Failed to fetch')), /could not be reached \(Failed to fetch\)/],
    ];
    for (const [fetch, reason] of cases) {
      const answer = await lookupPostcode(service, 'S10 2TN', { fetch });
      expect(answer.kind).toBe('failed');
      expect(answer.kind === 'failed' && answer.reason).toMatch(reason);
    }
  });

  it('gives up after the time allowed and says it timed out', async () => {
    const fetch = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const pending = lookupPostcode({ ...service, timeoutMs: 3000 }, 'S10 2TN', { fetch });
    await vi.advanceTimersByTimeAsync(2999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({
      kind: 'timeout',
      postcode: 'S10 2TN',
      reason: 'https://lookup.example.org/postcodes/S102TN did not answer within 3 s',
    });
  });

  it('is cancelled, not failed, when a newer look-up replaces it', async () => {
    const fetch = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const controller = new AbortController();
    const pending = lookupPostcode(service, 'S10 2TN', { fetch, signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ kind: 'cancelled', postcode: 'S10 2TN' });
    expect(await lookupPostcode(service, 'S10 2TN', { fetch, signal: controller.signal })).toEqual({
      kind: 'cancelled',
      postcode: 'S10 2TN',
    });
  });

  it('reports a broken setting as a failure without a request', async () => {
    const fetch = vi.fn();
    const answer = await lookupPostcode({ template: 'https://x.example/', fields: ['a'] }, 'S10 2TN', { fetch });
    expect(answer).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/no \{postcode\}/) });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the service on a page that restricts where Tally fetches from (the iframe page)', () => {
  it('reads a placeholder that went through new URL() (%7Bpostcode%7D)', () => {
    const resolved = new URL('https://lookup.example.org/postcodes/{postcode}').href;
    expect(resolved).toContain('%7Bpostcode%7D');
    expect(checkPostcodeService(resolved, ['result.codes.admin_ward'])).toBeUndefined();
    expect(postcodeUrl(resolved, 'S10 2TN')).toBe('https://lookup.example.org/postcodes/S102TN');
  });

  // Last in the file: the page's policy can only narrow, never widen, for the rest of this worker.
  it('asks nothing of a service whose origin the page does not allow, and says why', async () => {
    restrictFetchOrigins(['https://results.example.org']);
    const fetch = vi.fn();
    const answer = await lookupPostcode(service, 'S10 2TN', { fetch });
    expect(answer).toEqual({
      kind: 'failed',
      postcode: 'S10 2TN',
      reason:
        'https://lookup.example.org/postcodes/S102TN: requests to https://lookup.example.org are not allowed on this page',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
