/**
 * The iframe page's address as one canonical set of parameters (issue 22, point 1), and the
 * page-wide restriction on where Tally fetches from, with its redirect check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { frameParameters } from '../../../src/embed/frame-page.js';
import {
  allowedFetchOrigins,
  fetchRefusal,
  responseRefusal,
  restrictFetchOrigins,
} from '../../../src/feed/fetch-policy.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';
import '../../../src/embed/messages.cy.js';

const page = 'https://results.example.org/embed.html';

describe('frameParameters', () => {
  it('lower-cases every name and keeps each value as given', () => {
    const parsed = frameParameters(
      `${page}?WIDGET=seat-bar&Src=%2Ffeed.json&lang=cy&Layout-Src=map.hexjson&childId=pym-1`,
    );
    expect('params' in parsed && [...parsed.params]).toEqual([
      ['widget', 'seat-bar'],
      ['src', '/feed.json'],
      ['lang', 'cy'],
      ['layout-src', 'map.hexjson'],
      ['childid', 'pym-1'],
    ]);
  });

  it('refuses a name given twice, whatever the case of either, naming it', () => {
    for (const query of [
      'src=a&src=b',
      'src=a&SRC=b',
      'Src=a&sRC=a',
      'src=&src=b',
      'layout-src=a&LAYOUT-SRC=a',
      'widget=ticker&Widget=ticker',
      'lang=cy&LANG=cy',
    ]) {
      const parsed = frameParameters(`${page}?${query}`);
      expect('refusal' in parsed && parsed.refusal, query).toEqual({
        reason: 'duplicate',
        params: { name: query.split('=')[0]!.toLowerCase() },
      });
    }
  });

  it('takes an address with no query at all', () => {
    const parsed = frameParameters(page);
    expect('params' in parsed && parsed.params.size).toBe(0);
  });
});

describe('the fetch restriction', () => {
  const POLICY = Symbol.for('tally.fetch-origins.v1');
  afterEach(() => {
    delete (globalThis as unknown as Record<symbol, unknown>)[POLICY];
  });

  it('allows everything until a page restricts it', () => {
    expect(allowedFetchOrigins()).toBe(undefined);
    expect(fetchRefusal('https://anywhere.example/feed.json')).toBe(undefined);
    expect(responseRefusal('https://a.example/x', { url: 'https://b.example/y', redirected: true })).toBe(undefined);
  });

  it('then allows the origins given, and nothing else', () => {
    restrictFetchOrigins(['https://results.example.org', 'https://cdn.example.net']);
    expect(fetchRefusal('https://results.example.org/feed.json')).toBe(undefined);
    expect(fetchRefusal('https://cdn.example.net/a/b.hexjson?x=1')).toBe(undefined);
    expect(fetchRefusal('https://evil.example/feed.json')).toBe(
      'requests to https://evil.example are not allowed on this page',
    );
    expect(fetchRefusal('http://cdn.example.net/feed.json')).toBe(
      'requests to http://cdn.example.net are not allowed on this page',
    );
    expect(fetchRefusal('https://cdn.example.net:8443/feed.json')).toBe(
      'requests to https://cdn.example.net:8443 are not allowed on this page',
    );
    expect(fetchRefusal('not a url')).toBe('"not a url" is not an address this page may request');
  });

  it('checks where a response came from after redirects', () => {
    restrictFetchOrigins(['https://results.example.org']);
    const asked = 'https://results.example.org/feed.json';
    expect(responseRefusal(asked, { url: asked, redirected: false })).toBe(undefined);
    expect(responseRefusal(asked, { url: 'https://results.example.org/feeds/latest.json', redirected: true })).toBe(
      undefined,
    );
    expect(responseRefusal(asked, { url: 'https://evil.example/fake.json', redirected: true })).toBe(
      'the address redirected to https://evil.example, which is not allowed on this page',
    );
    // A response that does not say where it came from (made by hand, in a test) is taken as the address asked for.
    expect(responseRefusal(asked, { url: '', redirected: false })).toBe(undefined);
  });

  it('only ever narrows', () => {
    restrictFetchOrigins(['https://a.example', 'https://b.example']);
    restrictFetchOrigins(['https://b.example', 'https://c.example']);
    expect([...allowedFetchOrigins()!]).toEqual(['https://b.example']);
    expect(Object.isFrozen(allowedFetchOrigins())).toBe(true);
  });
});
