/**
 * The static-rendering demo page's server half (demo/static-rendering.html): a page of the four
 * widgets rendered on the server from a night as it stands, with or without Tally's script, and
 * the seat bar's SVG snapshot. It renders with the built server entry (dist/server/index.js), the
 * same build as the script the demo serves (dist-demo/tally/tally.js), so that the script
 * hydrates the server's own templates.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Feed } from '../../src/feed/schema.js';

type ServerEntry = typeof import('../../src/server/index.js');

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The demo server's `serverRendered` option, rendering with `root`/dist/server/index.js. */
export function serverRenderedPages(root: string) {
  let entry: Promise<ServerEntry> | undefined;
  const load = () => {
    const path = join(root, 'dist/server/index.js');
    if (!existsSync(path)) throw new Error('dist/server/index.js is not built: run `npm run build` (npm start does).');
    return (entry ??= import(pathToFileURL(path).href) as Promise<ServerEntry>);
  };

  return async (
    file: string,
    query: URLSearchParams,
    feed: Feed,
  ): Promise<{ type: string; body: string } | undefined> => {
    const server = await load();
    const night = query.get('night')!;
    if (file === 'seats.svg')
      return {
        type: 'image/svg+xml; charset=utf-8',
        body: server.snapshotSvg('seat-bar', feed, {
          measure: feed.meta.election.kind === 'local' ? 'councils' : 'seats',
          source: 'Tally demo replay',
        }),
      };
    if (file !== 'page.html') return undefined;
    const live = query.get('js') === '1';
    // Live: the widgets follow the replay; each hydrates from the feed drawn into it first.
    const attrs = live ? { src: `../feeds/${night}.json` } : {};
    const local = feed.meta.election.kind === 'local';
    const widgets = await Promise.all([
      server.renderWidget(
        'seat-bar',
        feed,
        { ...attrs, ...(local ? { measure: 'councils' } : {}) },
        { inlineFeed: live },
      ),
      server.renderWidget('party-table', feed, attrs, { inlineFeed: live }),
      server.renderWidget('ticker', feed, { ...attrs, 'max-items': 8 }, { inlineFeed: live }),
      server.renderWidget('council-list', feed, attrs, { inlineFeed: live }),
    ]);
    return {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(feed.meta.election.title)}: server-rendered</title>
<link rel="stylesheet" href="../tally/tally.css">
<style>body { margin: 0; padding: 0.75rem; font: 16px/1.5 system-ui, sans-serif; background: #fff; color: #1b1b1b; } body > * + * { margin-top: 1.25rem; }</style>
</head>
<body>
${widgets.join('\n')}
${live ? '<script type="module" src="../tally/tally.js"></script>' : ''}
</body>
</html>
`,
    };
  };
}
