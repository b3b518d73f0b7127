/**
 * Web Test Runner plugin: server-rendered host pages, made on request by the built server entry
 * (dist/server/index.js, `tally-widgets/server`) from the test fixtures, as a newsroom's CMS or
 * `tally publish --pages` would make them. The same build as dist/tally.js, so the templates
 * the server drew are the ones the script hydrates.
 *
 *   /__ssr/article.html?script=<ms>|none&feed=<fixture>&src=1
 *
 * `script`: load dist/tally.js after this many ms (through the fixture server's /__delay/), or
 * not at all. `feed`: the fixture drawn (default local-small). `src=1`: the widgets also follow
 * the fixture's URL as their live feed. capture.js is the page's first script (host-page.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function ssrPagePlugin() {
  return {
    name: 'tally-ssr-page',
    async serve(context) {
      if (context.path !== '/__ssr/article.html') return undefined;
      const query = new URLSearchParams(context.querystring);
      const fixture = query.get('feed') ?? 'local-small';
      if (!/^[\w.-]+$/.test(fixture)) return { status: 400, body: 'bad fixture name', type: 'text/plain' };
      const script = query.get('script') ?? '0';
      const { renderWidget } = await import(`${ROOT}dist/server/index.js`);
      const feed = JSON.parse(await readFile(`${ROOT}test/fixtures/${fixture}.json`, 'utf8'));
      const attrs = query.get('src') === '1' ? { src: `/test/fixtures/${fixture}.json` } : {};
      const widgets = await Promise.all([
        renderWidget('seat-bar', feed, attrs),
        renderWidget('party-table', feed, attrs),
        renderWidget('council-list', feed, attrs),
        renderWidget('ticker', feed, attrs),
        renderWidget('area-result', feed, {
          ...attrs,
          area: feed.areas.find((area) => area.status === 'declared')?.id,
        }),
      ]);
      const [seats, parties, councils, latest, card] = widgets;
      const body = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<script src="/test/browser/fixtures/capture.js"></script>
<link rel="stylesheet" href="/dist/tally.css">
<title>Server-rendered results</title>
<style>body { margin: 0; font: 16px/1.5 sans-serif; } main { padding: 8px; } section + section { margin-top: 16px; }</style>
</head>
<body>
<main>
<h1>Results</h1>
<section id="seats">${seats}</section>
<section id="parties">${parties}</section>
<section id="councils">${councils}</section>
<section id="latest">${latest}</section>
<section id="card">${card}</section>
<p>The end of the article.</p>
</main>
${script === 'none' ? '' : `<script type="module" src="/__delay/${Number(script) || 0}/dist/tally.js"></script>`}
</body>
</html>
`;
      return { body, type: 'text/html; charset=utf-8', headers: { 'cache-control': 'no-store' } };
    },
  };
}
