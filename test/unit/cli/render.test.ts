/** `tally render`: a widget as server-rendered HTML from the command line, as a newsroom runs it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWidget } from '../../../src/server/index.js';
import { tally, temporaryFolder } from './support.js';
import { readableText } from '../support/shadow-text.js';
import { assertFeed } from '../../../src/feed/validate.js';
import { stateOfParties } from '../../../src/derive/state-of-parties.js';
import { formatNumber } from '../../../src/i18n/format.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const LAYOUTS = new URL('../../../demo/data/hexjson/', import.meta.url).pathname;

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder('tally-render-')));
afterEach(() => folder.cleanup());

describe('tally render', () => {
  it('prints the same fragment as renderWidget, with the attributes given', async () => {
    const run = await tally(FIXTURES, [
      'render',
      'seat-bar',
      '--feed',
      'general-small.json',
      '--attr',
      'layout=bars',
      '--attr',
      'theme=dark',
    ]);
    expect(run.code).toBe(0);
    const feed = JSON.parse(readFileSync(join(FIXTURES, 'general-small.json'), 'utf8'));
    expect(run.out.join('\n')).toBe(await renderWidget('seat-bar', feed, { layout: 'bars', theme: 'dark' }));
    expect(run.err).toEqual([]);
  });

  it('writes a file with -o, whole, and says what it wrote on stderr', async () => {
    const run = await tally(folder.dir, [
      'render',
      'party-table',
      '--feed',
      join(FIXTURES, 'local-small.json'),
      '-o',
      'table.html',
      '--attr',
      'lang=cy',
    ]);
    expect(run.code).toBe(0);
    const html = readFileSync(join(folder.dir, 'table.html'), 'utf8');
    expect(html).toMatch(/^<tally-party-table [^>]*lang="cy"/);
    expect(run.err.join('\n')).toContain('table.html: <tally-party-table> from');
    expect(run.out).toEqual([]);
  });

  it('draws the council list map from --layout, or from the file --attr layout-src names', async () => {
    const feed = join(folder.dir, 'feed.json');
    // One real council of the 2018 feed that the district layout has.
    writeFileSync(feed, readFileSync(join(FIXTURES, 'uk-local-2018.final.json')));
    const withLayout = await tally(folder.dir, [
      'render',
      'council-list',
      '--feed',
      'feed.json',
      '--layout',
      join(LAYOUTS, 'uk-local-authority-districts.hexjson'),
    ]);
    expect(withLayout.code).toBe(0);
    expect(withLayout.out.join('\n')).toMatch(/<svg[^>]*class="map"|part="map"/);
    const fromAttribute = await tally(folder.dir, [
      'render',
      'council-list',
      '--feed',
      'feed.json',
      '--attr',
      `layout-src=${join(LAYOUTS, 'uk-local-authority-districts.hexjson')}`,
    ]);
    expect(fromAttribute.out.join('\n')).toMatch(/part="map"/);
  });

  it('refuses an invalid feed with each problem and its path, exit 1, nothing printed', async () => {
    const run = await tally(FIXTURES, ['render', 'seat-bar', '--feed', 'malformed.json']);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toContain('meta.revision: must be a number');
    expect(run.err.join('\n')).toContain('tally render: nothing was rendered');
  });

  it('names the widgets and attributes there are when given others, exit 2', async () => {
    const widget = await tally(FIXTURES, ['render', 'pie-chart', '--feed', 'local-small.json']);
    expect(widget.code).toBe(2);
    expect(widget.err).toEqual([
      "tally render: unknown widget 'pie-chart'",
      '  Use one of: seat-bar, party-table, council-list, ticker, area-result.',
    ]);
    const attribute = await tally(FIXTURES, [
      'render',
      'seat-bar',
      '--feed',
      'local-small.json',
      '--attr',
      'layuot=bars',
    ]);
    expect(attribute.code).toBe(2);
    expect(attribute.err[0]).toMatch(/<tally-seat-bar> has no attribute "layuot"; its attributes are .*layout/);
    const twice = await tally(FIXTURES, [
      'render',
      'seat-bar',
      '--feed',
      'local-small.json',
      '--attr',
      'layout=bars',
      '--attr',
      'layout=stacked',
    ]);
    expect(twice.code).toBe(2);
    expect(twice.err.join('\n')).toContain('--attr layout is given twice');
  });

  it('exits 2 for a feed it cannot read, saying what to check', async () => {
    const run = await tally(folder.dir, ['render', 'ticker', '--feed', 'missing.json']);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([
      'tally render: missing.json: no such file',
      '  Check the path (relative to the folder you run tally in), or give a URL.',
    ]);
  });

  it('renders a readable fragment: the numbers are in the HTML itself', async () => {
    const run = await tally(FIXTURES, ['render', 'party-table', '--feed', 'uk-local-2018.final.json']);
    const feed = assertFeed(JSON.parse(readFileSync(join(FIXTURES, 'uk-local-2018.final.json'), 'utf8')));
    const largest = stateOfParties(feed).parties[0]!;
    const name = feed.parties.find((party) => party.id === largest.party)!.name;
    const text = readableText(run.out.join('\n'));
    expect(text.slice(text.indexOf(name)).split(' ').slice(0, 12)).toContain(formatNumber(largest.seats!, 'en-GB'));
  });
});
