/**
 * The static-rendering demo page's server half: /server-rendered/<file>?night=… renders a night
 * as it stands in the replay with the server entry (the sources here; the demo server uses the
 * built dist/server, the same build as the script it serves).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { serverRenderedPages } from '../../../demo/server/server-rendered.js';
import { renderWidget, snapshotSvg } from '../../../src/server/index.js';
import { startTestServer, type TestServer } from './support.js';
import { readableText } from '../support/shadow-text.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

/** serverRenderedPages' own logic, with the sources' server entry in place of the built one. */
const fromSources: Parameters<typeof startTestServer>[0] = {
  serverRendered: async (file, query, feed) => {
    if (file === 'seats.svg')
      return { type: 'image/svg+xml', body: snapshotSvg('seat-bar', feed, { measure: 'councils' }) };
    if (file !== 'page.html') return undefined;
    const live = query.get('js') === '1';
    return {
      type: 'text/html',
      body: `${await renderWidget('party-table', feed, live ? { src: `../feeds/${query.get('night')}.json` } : {}, { inlineFeed: live })}${live ? '<script type="module" src="../tally/tally.js"></script>' : ''}`,
    };
  },
};

describe('demo server: server-rendered pages', () => {
  it('renders the night as it stands, without and with the script', async () => {
    server = await startTestServer(fromSources);
    const night = (await (await server.get('/replay')).json()).nights[0].id as string;
    const still = await server.get(`/server-rendered/page.html?night=${night}&js=0`);
    expect(still.status).toBe(200);
    const html = await still.text();
    expect(html).toContain('<template shadowroot="open" shadowrootmode="open">');
    expect(html).not.toContain('<script');
    expect(readableText(html)).toContain('State of the parties');
    const live = await (await server.get(`/server-rendered/page.html?night=${night}&js=1`)).text();
    expect(live).toContain(`src="../feeds/${night}.json"`);
    expect(live).toContain('<script type="application/json">');
    const svg = await server.get(`/server-rendered/seats.svg?night=${night}`);
    expect(svg.headers.get('content-type'), await svg.clone().text()).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('answers 404 for an unknown night or file, and only to GET and HEAD', async () => {
    server = await startTestServer(fromSources);
    expect((await server.get('/server-rendered/page.html?night=nope')).status).toBe(404);
    const night = (await (await server.get('/replay')).json()).nights[0].id as string;
    expect((await server.get(`/server-rendered/other.html?night=${night}`)).status).toBe(404);
    expect((await server.get(`/server-rendered/page.html?night=${night}`, { method: 'POST' })).status).toBe(405);
  });

  it('is not there without the option', async () => {
    server = await startTestServer();
    expect((await server.get('/server-rendered/page.html?night=x')).status).toBe(404);
  });

  it('the demo renders with the built server entry, and says so when it is missing', async () => {
    const render = serverRenderedPages('/nonexistent-root');
    await expect(render('page.html', new URLSearchParams('night=x'), {} as never)).rejects.toThrow(
      /dist\/server\/index\.js is not built: run `npm run build`/,
    );
  });
});
