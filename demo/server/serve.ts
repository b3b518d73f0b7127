/**
 * Start the demo server: `node --import tsx demo/server/serve.ts` (or `npm start`, which builds
 * first). Environment:
 *   PORT            port to listen on (default 8080)
 *   HOST            interface (default: all)
 *   REPLAY_MINUTES  real minutes a whole night takes at normal speed (default 10)
 *   DEMO_DIR        the built demo to serve (default dist-demo)
 *   DEMO_DATA_DIR   the raw election data the nights are built from (default: demo/feeds' own)
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loadDemoNights } from '../feeds/index.js';
import { createDemoServer } from './app.js';

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
if (!existsSync(staticDir)) console.warn(`${staticDir} does not exist: run \`npm run build:demo\` to build the demo pages; feeds are served anyway.`);

const nights = loadDemoNights(process.env.DEMO_DATA_DIR || undefined);
const demo = createDemoServer({ nights, staticDir, replayMinutes });

try {
  const url = await demo.listen(port, process.env.HOST || undefined);
  console.log(`Tally demo: ${url}`);
  console.log(`Feeds: ${nights.map((night) => `${url}feeds/${night.id}.json`).join('  ')} (a whole night replays in ${replayMinutes} minutes)`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is already in use: set PORT to another port.` : `Could not start the demo server: ${(error as Error).message}`);
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void demo.close().then(() => process.exit(0));
  });
}
