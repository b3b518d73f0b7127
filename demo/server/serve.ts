/**
 * Start the demo server: `node --import tsx demo/server/serve.ts` (or `npm start`, which builds
 * first). Environment:
 *   PORT            port to listen on (default 8080)
 *   HOST            interface (default: all)
 *   REPLAY_MINUTES  real minutes a whole night takes at normal speed (default 10)
 *   DEMO_DIR        the built demo to serve (default dist-demo)
 *   DEMO_DATA_DIR   the raw election data the nights are built from (default: demo/feeds' own)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { loadDemoNights } from '../feeds/index.js';
import { southYorkshire2018 } from '../feeds/south-yorkshire-2018.js';
import { createDemoServer } from './app.js';
import { PublishedNight } from './published-night.js';
import { serverRenderedPages } from './server-rendered.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function numberFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number, not "${text}".`);
    process.exit(2);
  }
  return value;
}

const port = numberFromEnv('PORT', 8080);
const replayMinutes = numberFromEnv('REPLAY_MINUTES', 10);
const staticDir = resolve(root, process.env.DEMO_DIR ?? 'dist-demo');
if (!existsSync(staticDir))
  console.warn(
    `${staticDir} does not exist: run \`npm run build:demo\` to build the demo pages; feeds are served anyway.`,
  );

const nights = loadDemoNights(process.env.DEMO_DATA_DIR || undefined);
// The third night goes through tally publish's own code: source files appear in a folder, the
// publisher writes the feed into another, and the server serves that file.
const workDir = mkdtempSync(join(tmpdir(), 'tally-demo-publish-'));
const published = await PublishedNight.start(southYorkshire2018(process.env.DEMO_DATA_DIR || undefined), {
  workDir,
  replayMinutes,
  log: (line) => console.log(line),
});
const demo = createDemoServer({
  nights,
  published: [published],
  staticDir,
  replayMinutes,
  serverRendered: serverRenderedPages(root),
});

try {
  const url = await demo.listen(port, process.env.HOST || undefined);
  console.log(`Tally demo: ${url}`);
  console.log(
    `Feeds: ${[...nights, published].map((night) => `${url}feeds/${night.id}.json`).join('  ')} (a whole night replays in ${replayMinutes} minutes)`,
  );
  console.log(
    `${published.id} is published by tally publish dc-results from ${published.sourceDir} into ${published.outDir}; its lines follow.`,
  );
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use: set PORT to another port.`
      : `Could not start the demo server: ${(error as Error).message}`,
  );
  await published.stop({ removeFiles: true });
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([demo.close(), published.stop({ removeFiles: true })]).then(() => process.exit(0));
  });
}
