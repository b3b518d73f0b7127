/**
 * Every element can derive and render on the server (Lit's Node build, `isServer`): nothing in
 * the element setup, the controllers or the views reaches for the DOM, an observer or the
 * network before the element is connected to a page. A `feed` object is checked and shown.
 */
import { readFileSync } from 'node:fs';
import { isServer, type TemplateResult } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TallyAreaResult } from '../../../src/components/area-result/area-result.js';
import { TallyCouncilList } from '../../../src/components/council-list/council-list.js';
import { TallyPartyTable } from '../../../src/components/party-table/party-table.js';
import { TallySeatBar } from '../../../src/components/seat-bar/seat-bar.js';
import { TallyTicker } from '../../../src/components/ticker/ticker.js';

const feed: unknown = JSON.parse(readFileSync(new URL('../../fixtures/local-small.json', import.meta.url), 'utf8'));

/** The lifecycle steps a server renderer runs: willUpdate, then render. */
interface ServerSide {
  willUpdate(changed: Map<PropertyKey, unknown>): void;
  render(): TemplateResult;
  readonly data: { readonly feed: unknown; readonly mode: string };
}

const ELEMENTS = {
  'tally-seat-bar': TallySeatBar,
  'tally-party-table': TallyPartyTable,
  'tally-council-list': TallyCouncilList,
  'tally-ticker': TallyTicker,
  'tally-area-result': TallyAreaResult,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('elements on the server', () => {
  it('run as Lit runs on the server', () => {
    expect(isServer).toBe(true);
  });

  for (const [tag, Element] of Object.entries(ELEMENTS)) {
    it(`<${tag}> shows a feed object without a page`, () => {
      const element = new Element() as unknown as ServerSide & { feed: unknown };
      element.feed = feed;
      element.willUpdate(new Map([['feed', undefined]]));
      const result = element.render();
      expect(element.data.feed, 'the feed was checked and taken').toBeDefined();
      expect(result.values.length).toBeGreaterThan(0);
    });

    it(`<${tag}> fetches nothing for a src on the server`, () => {
      const fetch = vi.spyOn(globalThis, 'fetch');
      const element = new Element() as unknown as ServerSide & { src: string };
      element.src = 'https://example.org/feed.json';
      element.willUpdate(new Map([['src', undefined]]));
      element.render();
      expect(element.data.mode).toBe('src');
      expect(element.data.feed).toBeUndefined();
      expect(fetch).not.toHaveBeenCalled();
    });
  }
});
