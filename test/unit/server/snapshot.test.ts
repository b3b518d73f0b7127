/**
 * Snapshots: SVGs written without a browser are valid XML/SVG, carry the same numbers as the
 * live (server-rendered) widget, the caption and the source; PNGs come from the system Chromium,
 * and a missing Chromium is named with how to install it.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { assertFeed } from '../../../src/feed/validate.js';
import type { Feed } from '../../../src/feed/schema.js';
import {
  findChromium,
  renderWidget,
  snapshotCaption,
  snapshotSvg,
  SnapshotToolError,
} from '../../../src/server/index.js';
import { tally } from '../cli/support.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const fixture = (name: string): Feed => assertFeed(JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')));
const hexLayout = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../demo/data/hexjson/${name}.hexjson`, import.meta.url), 'utf8'));

/** The SVG parsed: every <g class="key-entry" data-key> with its text, the caption and the source. */
function readSvg(svg: string): {
  keys: Map<string, string>;
  caption: string;
  source: string | undefined;
  title: string;
  root: Record<string, unknown>;
} {
  expect(XMLValidator.validate(svg)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['g', 'text', 'rect', 'circle', 'path', 'polygon', 'svg', 'line'].includes(name),
  });
  const root = parser.parse(svg).svg[0] as Record<string, unknown>;
  expect(root['@xmlns']).toBe('http://www.w3.org/2000/svg');
  expect(root['@role']).toBe('img');
  const texts = (node: unknown): string =>
    typeof node === 'string' || typeof node === 'number'
      ? String(node)
      : ((node as { '#text'?: string })['#text'] ?? '');
  const keys = new Map<string, string>();
  for (const group of (root.g as Record<string, unknown>[]) ?? []) {
    if (group['@class'] !== 'key') continue;
    for (const entry of group.g as Record<string, unknown>[])
      keys.set(String(entry['@data-key']), texts((entry.text as unknown[])[0]));
  }
  const all = (root.text as Record<string, unknown>[]) ?? [];
  const caption = all
    .filter((node) => node['@class'] === 'caption')
    .map(texts)
    .join(' ');
  const source = all.find((node) => node['@class'] === 'source');
  return { keys, caption, source: source ? texts(source) : undefined, title: texts(root.title), root };
}

/** The live widget's per-item sentences ("Conservatives: 365 seats, up 48, …"), by item key. */
function liveDescriptions(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of html.matchAll(/<span id="describe-([^"]+)"><!--lit-part-->([^<]*)<!--\/lit-part--><\/span>/g))
    found.set(match[1]!, match[2]!.replace(/[\u2066-\u2069]/g, ''));
  return found;
}

const firstNumber = (text: string) => /\d[\d,]*/.exec(text)?.[0];

describe('seat bar SVG snapshot', () => {
  for (const [name, layout] of [
    ['uk-general-2019.final', 'stacked'],
    ['uk-general-2019.final', 'parliament'],
    ['uk-local-2018.final', 'stacked'],
    ['local-small', 'stacked'],
    ['empty', 'stacked'],
  ] as const) {
    it(`${name}, ${layout}: valid SVG with the live widget's numbers, the caption and the source`, async () => {
      const feed = fixture(name);
      const svg = snapshotSvg('seat-bar', feed, { layout, source: 'Test source' });
      const read = readSvg(svg);
      const live = liveDescriptions(await renderWidget('seat-bar', feed, { layout }));
      expect(live.size).toBeGreaterThan(0);
      // Every item the live chart describes is in the key with the same count, and nothing else is.
      expect([...read.keys.keys()].sort()).toEqual([...live.keys()].sort());
      for (const [key, sentence] of live)
        expect(firstNumber(read.keys.get(key)!), key).toBe(firstNumber(sentence.split(':').slice(1).join(':')));
      expect(read.caption).toBe(snapshotCaption(feed, 'en-GB'));
      expect(read.source).toBe('Source: Test source');
      expect(read.title).toContain(feed.meta.election.title);
    });
  }

  it('draws bars with a row per item, and says the source the feed names', () => {
    const feed = fixture('uk-local-2018.final');
    const read = readSvg(snapshotSvg('seat-bar', feed, { layout: 'bars', theme: 'dark', lang: 'cy', width: 600 }));
    const rows = ((read.root.g as Record<string, unknown>[]) ?? []).filter((group) => group['@class'] === 'row');
    expect(rows.length).toBeGreaterThan(2);
    expect(read.source).toBe(`Ffynhonnell: ${feed.summary!.source!.name}`);
    expect(read.root['@width']).toBe('600');
    expect(read.caption).toMatch(/^Canlyniadau am /);
  });

  it('says "Results at 02:41 · 130 of 150 councils declared" part way through a night', () => {
    const feed = fixture('uk-local-2018.final');
    const areas = feed.areas.map((area, index) =>
      index < 20
        ? { ...area, status: 'counting' as const, declaredAt: undefined, control: undefined, results: undefined }
        : area,
    );
    const partWay = assertFeed({
      ...feed,
      summary: undefined,
      meta: { ...feed.meta, dataChangedAt: '2018-05-04T01:41:00Z' },
      areas,
    });
    expect(snapshotCaption(partWay, 'en-GB')).toBe('Results at 02:41 · 130 of 150 councils declared');
  });

  it('refuses an unknown layout, a width out of range and a table', () => {
    const feed = fixture('local-small');
    expect(() => snapshotSvg('seat-bar', feed, { layout: 'pie' })).toThrow(/not a seat bar layout/);
    expect(() => snapshotSvg('seat-bar', feed, { width: 100 })).toThrow(/320 to 4,000/);
    expect(() => snapshotSvg('party-table', feed)).toThrow(/no SVG snapshot.*PNG/);
  });
});

describe('council map SVG snapshot', () => {
  it('colours every constituency by its winner, with the counts the live list gives', async () => {
    const feed = fixture('uk-general-2019.final');
    const read = readSvg(snapshotSvg('council-list', feed, { hexLayout: hexLayout('uk-constituencies-2019') }));
    const map = (read.root.svg as Record<string, unknown>[]).find((node) => node['@class'] === 'map')!;
    expect((map.polygon as unknown[]).length).toBe(650);
    // The live list's "Won by" choices: "Conservatives (365)".
    const live = await renderWidget('council-list', feed);
    const options = [
      ...live.matchAll(/<option value="([a-z0-9-]+)"[^>]*>\s*<!--lit-part-->([^<]*)\(([\d,]+)\)<!--\/lit-part-->/g),
    ];
    expect(options.length).toBeGreaterThan(5);
    for (const [, party, name, areas] of options) expect(read.keys.get(party!), name).toMatch(new RegExp(` ${areas}$`));
  });

  it('needs a layout, and says so', () => {
    expect(() => snapshotSvg('council-list', fixture('local-small'))).toThrow(/needs its HexJSON layout/);
  });
});

describe('PNG snapshot', () => {
  it('names what to install when Chromium is missing (photographing is in test/build/snapshot-png.test.ts)', () => {
    expect(() => findChromium({ CHROME_PATH: '/nonexistent/chrome' })).toThrow(SnapshotToolError);
    expect(() => findChromium({ CHROME_PATH: '/nonexistent/chrome' })).toThrow(
      /CHROME_PATH is set to \/nonexistent\/chrome/,
    );
  });
});

describe('tally snapshot', () => {
  it('writes an SVG to standard output, the same as snapshotSvg', async () => {
    const run = await tally(FIXTURES, [
      'snapshot',
      'seat-bar',
      '--feed',
      'general-small.json',
      '--attr',
      'layout=parliament',
      '--source',
      'Test',
    ]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toBe(
      snapshotSvg('seat-bar', fixture('general-small'), { layout: 'parliament', source: 'Test' }).trimEnd(),
    );
  });

  it('says which widgets have an SVG, that a PNG goes to a file, and that the map needs its layout, exit 2', async () => {
    const table = await tally(FIXTURES, ['snapshot', 'party-table', '--feed', 'local-small.json']);
    expect(table.code).toBe(2);
    expect(table.err).toEqual([
      'tally snapshot: party-table has no SVG snapshot: it is a table or a list, not a chart',
      '  Use --format png (photographed in Chromium), or snapshot a chart: seat-bar, council-list.',
    ]);
    const png = await tally(FIXTURES, ['snapshot', 'ticker', '--feed', 'local-small.json', '--format', 'png']);
    expect(png.err).toEqual(['tally snapshot: a PNG goes to a file', '  Add -o, e.g. -o seats.png.']);
    const map = await tally(FIXTURES, ['snapshot', 'council-list', '--feed', 'local-small.json']);
    expect(map.err[0]).toBe('tally snapshot: the council map needs its HexJSON layout');
    const width = await tally(FIXTURES, ['snapshot', 'seat-bar', '--feed', 'local-small.json', '--width', '99']);
    expect(width.code).toBe(2);
    expect(width.err.join('\n')).toContain('--width 99: a whole number of pixels from 320 to 4000');
  });

  it('exits 1 for an invalid feed', async () => {
    const run = await tally(FIXTURES, ['snapshot', 'seat-bar', '--feed', 'malformed.json']);
    expect(run.code).toBe(1);
  });
});
