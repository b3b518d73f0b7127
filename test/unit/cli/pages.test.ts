/**
 * Pages per area: `tally publish … --pages <dir>` writes a static page per area and an index,
 * widgets rendered on the server, with canonical URL, title, description, Open Graph image and
 * structured data; at each publication only the pages whose area changed are written again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertFeed } from '../../../src/feed/validate.js';
import type { Feed } from '../../../src/feed/schema.js';
import { PagesWriter, PAGES_MANIFEST } from '../../../src/cli/publish/pages.js';
import { pagePaths } from '../../../src/server/index.js';
import { CONSTITUENCIES, HOC_CONFIG, hocCsv, tally, temporaryFolder, writeJson } from './support.js';
import { readableText } from '../support/shadow-text.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const fixture = (name: string): Feed => assertFeed(JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')));

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder('tally-pages-')));
afterEach(() => folder.cleanup());

const meta = (html: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];

/** The feed with one more council declared: the next publication of the night. */
function declareOneMore(feed: Feed, id: string): Feed {
  const next = structuredClone(feed) as Feed & { meta: { revision: number; dataChangedAt: string } };
  next.meta.revision += 1;
  next.meta.dataChangedAt = '2019-12-13T06:00:00Z';
  const area = next.areas.find((each) => each.id === id)! as { status: string; declaredAt?: string };
  area.status = 'recount';
  return assertFeed(next);
}

describe('PagesWriter', () => {
  it('writes a page per area and an index, each complete without JavaScript', async () => {
    const feed = fixture('general-small');
    const writer = new PagesWriter(folder.dir, { baseUrl: 'https://results.example.org/ge/', images: 'svg' });
    const update = await writer.update(feed);
    const paths = pagePaths(feed);
    expect([...update.written].sort()).toEqual([...paths.values(), 'index.html'].sort());
    for (const area of feed.areas) {
      const path = paths.get(area.id)!;
      const html = readFileSync(join(folder.dir, path), 'utf8');
      expect(html).toContain(`<title>${area.name}: general election results 2019</title>`);
      expect(html).toContain(`<link rel="canonical" href="https://results.example.org/ge/${path}">`);
      expect(meta(html, 'og:url')).toBe(`https://results.example.org/ge/${path}`);
      expect(meta(html, 'description')).toContain(area.name);
      const image = meta(html, 'og:image')!;
      expect(image).toMatch(/^https:\/\/results\.example\.org\/ge\/images\/.+\.svg$/);
      expect(existsSync(join(folder.dir, image.replace('https://results.example.org/ge/', '')))).toBe(true);
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
      expect(jsonLd).toMatchObject({
        '@type': 'WebPage',
        url: `https://results.example.org/ge/${path}`,
        about: { '@type': 'AdministrativeArea', name: area.name, identifier: area.id },
      });
      // The widgets are on the page, rendered: the winner's votes are in the HTML itself.
      expect(html).toContain('<template shadowroot="open" shadowrootmode="open">');
      const winner = area.results!.find((result) => result.party === area.winner)!;
      expect(readableText(html)).toContain(winner.votes!.toLocaleString('en-GB'));
      // No script: these pages are static.
      expect(html).not.toMatch(/<script type="module"/);
    }
    const index = readFileSync(join(folder.dir, 'index.html'), 'utf8');
    for (const [id, path] of paths)
      expect(index).toContain(`<a href="${path}">${feed.areas.find((area) => area.id === id)!.name}</a>`);
  });

  it('writes again only the pages whose area changed, and the index', async () => {
    const feed = fixture('general-small');
    const writer = new PagesWriter(folder.dir, { baseUrl: 'https://results.example.org/ge/', images: 'svg' });
    await writer.update(feed);
    const paths = pagePaths(feed);
    const untouched = join(folder.dir, paths.get('X14000001')!);
    const before = statSync(untouched).mtimeMs;
    const again = await writer.update(feed);
    expect(again.written).toEqual([]);
    const next = declareOneMore(feed, 'X14000003');
    const update = await writer.update(next);
    expect([...update.written].sort()).toEqual([paths.get('X14000003')!, 'index.html'].sort());
    expect(update.unchanged).toBe(feed.areas.length - 1);
    expect(statSync(untouched).mtimeMs).toBe(before);
    expect(readableText(readFileSync(join(folder.dir, paths.get('X14000003')!), 'utf8'))).toContain('Recount');
    const manifest = JSON.parse(readFileSync(join(folder.dir, PAGES_MANIFEST), 'utf8'));
    // The changed page is dated by this publication; the others keep the first.
    expect(manifest.pages[paths.get('X14000003')!].changedAt).toBe('2019-12-13T06:00:00Z');
    expect(manifest.pages[paths.get('X14000001')!].changedAt).toBe(feed.meta.dataChangedAt);
  });

  it('makes the pages live when given the script and the feed: the widgets follow src and hydrate', async () => {
    const feed = fixture('local-small');
    await new PagesWriter(folder.dir, {
      baseUrl: 'https://r.example.org/',
      images: 'svg',
      scriptUrl: 'https://cdn.example.org/tally.js',
      feedUrl: 'https://r.example.org/feed.json',
    }).update(feed);
    const index = readFileSync(join(folder.dir, 'index.html'), 'utf8');
    expect(index).toContain('<script type="module" src="https://cdn.example.org/tally.js"></script>');
    expect(index).toMatch(/<tally-seat-bar [^>]*src="https:\/\/r\.example\.org\/feed\.json"/);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(index)![1]!);
    expect(jsonLd['@graph'][1]).toMatchObject({
      '@type': 'Dataset',
      distribution: { contentUrl: 'https://r.example.org/feed.json' },
    });
  });
});

describe('tally publish --pages', () => {
  beforeEach(() => writeJson(join(folder.dir, 'night.json'), HOC_CONFIG));
  const publishOnce = (...more: string[]) =>
    tally(folder.dir, [
      'publish',
      'hoc-csv',
      '--watch',
      'results.csv',
      '--out',
      'out',
      '--config',
      'night.json',
      '--once',
      '--pages',
      'www',
      '--pages-images',
      'svg',
      ...more,
    ]);

  it('needs --base-url', async () => {
    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES));
    const run = await publishOnce();
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('tally publish: --pages needs --base-url');
  });

  it('writes the pages with each publication, only the changed ones after the first', async () => {
    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES.slice(0, 2)));
    const first = await publishOnce('--base-url', 'https://results.example.org/ge/');
    expect(first.code).toBe(0);
    expect(first.err.join('\n')).toMatch(/pages: revision 1, 3 written: .*alpha\.html.*0 unchanged/);
    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES));
    const second = await publishOnce('--base-url', 'https://results.example.org/ge/');
    expect(second.err.join('\n')).toMatch(
      /pages: revision 2, 2 written: (areas\/gamma\.html, index\.html|index\.html, areas\/gamma\.html), 2 unchanged/,
    );
    expect(readFileSync(join(folder.dir, 'www/areas/gamma.html'), 'utf8')).toContain(
      '<title>Gamma: general election results 2019</title>',
    );
  });
});
