/**
 * renderWidget(widget, feed, attrs): every element renders in Node (Lit SSR, no browser, no
 * DOM but Lit's shim) in every documented state, to a declarative shadow root whose text carries
 * the results a reader without JavaScript needs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  renderWidget,
  RenderWidgetError,
  SERVER_WIDGETS,
  widgetAttributes,
  type ServerWidgetName,
} from '../../../src/server/index.js';
import { assertFeed } from '../../../src/feed/validate.js';
import type { Feed } from '../../../src/feed/schema.js';
import { stateOfParties } from '../../../src/derive/state-of-parties.js';
import { formatNumber } from '../../../src/i18n/format.js';
import { translate } from '../../../src/i18n/messages.js';
import { readableText } from '../support/shadow-text.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8'));
/** Every valid fixture: each documented state of a feed (docs: test/fixtures/README.md). */
const STATES = [
  'local-small',
  'general-small',
  'empty',
  'tie',
  'recount',
  'postponed',
  'uncontested',
  'wards',
  'uk-local-2018.final',
  'uk-general-2019.final',
];
const WIDGETS = Object.keys(SERVER_WIDGETS) as ServerWidgetName[];

function shadowRootOf(html: string, tag: string): string {
  const match = new RegExp(
    `^(?:<!--[^>]*-->)*<${tag}\\b[^>]*><template shadowroot="open" shadowrootmode="open">([\\s\\S]*)</template>`,
  ).exec(html);
  expect(match, `<${tag}> with a declarative shadow root`).not.toBeNull();
  return match![1]!;
}

function inlineFeed(html: string): unknown {
  const match = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
}

describe('renderWidget(widget, feed, attrs) renders every widget in every state', () => {
  for (const state of STATES) {
    const raw = fixture(state);
    const feed: Feed = assertFeed(raw);
    for (const widget of WIDGETS) {
      it(`${widget}: ${state}`, async () => {
        const { tag } = SERVER_WIDGETS[widget];
        const html = await renderWidget(widget, raw);
        const text = readableText(shadowRootOf(html, tag));
        expect(text).not.toMatch(/undefined|NaN|\[object /);
        // The element hydrates from the very feed the server drew.
        expect(inlineFeed(html)).toEqual(raw);
        if (feed.meta.test) expect(text).toContain(translate('en-GB', 'feed.test'));
        if (widget === 'seat-bar' || widget === 'party-table') {
          // The state of parties a reader needs: each party with seats, and its seats.
          const standings = stateOfParties(feed).parties.filter((row) => (row.seats ?? 0) > 0);
          const names = new Map(feed.parties.map((party) => [party.id, party]));
          for (const row of standings.slice(0, 3)) {
            const party = names.get(row.party);
            if (!party) continue;
            // The party's row (or key entry): its name, then its seats before the next party's name.
            const at = text.indexOf(party.name);
            expect(at, `${party.name} is named`).toBeGreaterThanOrEqual(0);
            const others = feed.parties
              .filter((other) => other.id !== party.id)
              .map((other) => text.indexOf(other.name, at + 1))
              .filter((index) => index > at);
            const entry = text.slice(at, Math.min(text.length, ...others));
            expect(entry.split(/[\s;()]+|,(?=\s)/), `${party.name}'s seats in "${entry}"`).toContain(
              formatNumber(row.seats!, 'en-GB'),
            );
          }
        }
        if (widget === 'council-list') {
          // The list itself: the first areas by name, each with its outcome.
          // Every area, however long the list (the browser adds long lists in portions; a page
          // without script must have them all).
          const rows = [
            ...shadowRootOf(html, 'tally-council-list').matchAll(/<li\s+class="row"[^>]*data-id="([^"]+)"/g),
          ].map((match) => match[1]);
          expect(new Set(rows)).toEqual(new Set(feed.areas.map((area) => area.id)));
          for (const area of feed.areas.filter((each) => !each.parent).slice(0, 20)) expect(text).toContain(area.name);
        }
        if (widget === 'area-result') {
          // One area's card: the first declared area, named with its winner's figures.
          const area = feed.areas.find(
            (each) => each.status === 'declared' && each.results?.some((result) => (result.votes ?? 0) > 0),
          );
          if (area) {
            const card = readableText(await renderWidget('area-result', raw, { area: area.id }));
            expect(card).toContain(area.name);
            const top = [...area.results!].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0))[0]!;
            expect(card).toContain(formatNumber(top.votes!, 'en-GB'));
          }
        }
        if (widget === 'ticker') {
          const declared = feed.areas.filter((area) => area.status === 'declared');
          if (declared.length > 0 && !feed.events)
            expect(
              declared.some((area) => text.includes(area.name)),
              'a declared area is named',
            ).toBe(true);
          // Clock times, never "min ago": a server render outlives its moment.
          expect(text).not.toMatch(/\bago\b/);
        }
      });
    }
  }
});

describe('renderWidget without a feed', () => {
  for (const widget of WIDGETS) {
    it(`${widget} with src only reserves its box (the loading state, filled when the script runs)`, async () => {
      const html = await renderWidget(widget, undefined, { src: 'https://results.example.org/night.json' });
      expect(html).toContain('src="https://results.example.org/night.json"');
      expect(shadowRootOf(html, SERVER_WIDGETS[widget].tag)).toContain('part="skeleton"');
      expect(html).not.toContain('application/json');
    });
    it(`${widget} with no data at all says so in words`, async () => {
      const html = await renderWidget(widget, undefined);
      expect(readableText(shadowRootOf(html, SERVER_WIDGETS[widget].tag))).toContain(
        translate('en-GB', 'feed.noSource'),
      );
    });
  }
});

describe('renderWidget attributes', () => {
  const feed = fixture('general-small');

  it('writes the attributes given, escaped, with the language and time zone fixed for hydration', async () => {
    const html = await renderWidget('seat-bar', feed, { layout: 'parliament', theme: 'dark', area: 'a"b<c' });
    const opening = /<tally-seat-bar\b[^>]*>/.exec(html)![0];
    expect(opening).toContain('layout="parliament"');
    expect(opening).toContain('theme="dark"');
    expect(opening).toContain('lang="en-GB"');
    expect(opening).toContain('time-zone="Europe/London"');
    expect(opening).toContain('area="a&quot;b&lt;c"');
    // An area the feed does not have: the element's own notice, in words.
    expect(readableText(html)).toContain('a"b<c');
  });

  it('draws the parliament layout as an SVG hemicycle', async () => {
    expect(await renderWidget('seat-bar', feed, { layout: 'parliament' })).toMatch(/<svg[^>]*part="hemicycle"/);
  });

  it('renders each seat-bar layout', async () => {
    for (const layout of ['stacked', 'bars', 'parliament']) {
      const html = await renderWidget('seat-bar', feed, { layout });
      expect(html).toContain(`data-layout="${layout}"`);
    }
  });

  it('speaks the language asked for (Welsh)', async () => {
    const html = await renderWidget('party-table', feed, { lang: 'cy' });
    expect(readableText(html)).toContain(translate('cy', 'partyTable.title'));
    expect(translate('cy', 'partyTable.title')).not.toBe(translate('en-GB', 'partyTable.title'));
  });

  it('leaves out attributes given as false, null or undefined, and writes true as empty', async () => {
    const html = await renderWidget('ticker', feed, { paused: true, theme: undefined, lang: false });
    const opening = /<tally-ticker\b[^>]*>/.exec(html)![0];
    expect(opening).toMatch(/\bpaused(=""|\s|>)/);
    expect(opening).not.toContain('theme=');
    expect(opening).not.toContain('lang=');
  });

  it('keeps the feed out of the element when inlineFeed is false', async () => {
    expect(await renderWidget('seat-bar', feed, {}, { inlineFeed: false })).not.toContain('application/json');
  });

  it('escapes the inline feed so that its text cannot close the script element', async () => {
    const hostile = structuredClone(feed) as { parties: { name: string }[] };
    hostile.parties[0]!.name = 'Evil </script><script>alert(1)</script> Party';
    const html = await renderWidget('party-table', hostile);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(inlineFeed(html)).toEqual(hostile);
  });
});

describe('renderWidget refuses what it cannot render, saying why', () => {
  it('an unknown widget, naming the widgets there are', async () => {
    await expect(renderWidget('pie-chart', fixture('local-small'))).rejects.toThrow(
      /unknown widget "pie-chart": expected one of seat-bar, party-table, council-list, ticker/,
    );
  });
  it('an attribute the element does not have, listing those it has', async () => {
    const error = await renderWidget('seat-bar', fixture('local-small'), { layuot: 'bars' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RenderWidgetError);
    expect((error as RenderWidgetError).kind).toBe('attribute');
    expect((error as Error).message).toContain('<tally-seat-bar> has no attribute "layuot"');
    expect((error as Error).message).toContain('layout');
  });
  it('attributes that could run code or restyle the page', async () => {
    for (const name of ['onclick', 'style', 'slot', 'defer-hydration', 'x y']) {
      await expect(renderWidget('seat-bar', fixture('local-small'), { [name]: '1' })).rejects.toThrow(
        /cannot be set on a server-rendered widget/,
      );
    }
  });
  it('an invalid feed, with the path and reason of each problem', async () => {
    const error = await renderWidget('party-table', fixture('malformed')).catch((caught: unknown) => caught);
    expect((error as RenderWidgetError).kind).toBe('feed');
    expect((error as Error).message).toContain('meta.revision');
  });
  it('widgetAttributes lists each element’s own attributes', () => {
    expect(widgetAttributes('seat-bar')).toEqual(
      expect.arrayContaining(['src', 'layout', 'lang', 'time-zone', 'others-below']),
    );
    expect(widgetAttributes('council-list')).toContain('layout-src');
  });
});
