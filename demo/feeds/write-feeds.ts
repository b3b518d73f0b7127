/**
 * Write the demo nights' final feeds as pretty-printed JSON:
 *   npx tsx demo/feeds/write-feeds.ts [outDir]     (default demo/public/feeds/)
 * The same files are committed as test fixtures (test/fixtures/*.final.json); a unit test
 * checks they still equal a fresh conversion.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feed } from '../../src/feed/schema.js';
import { loadDemoNights } from './index.js';

/** A feed as the JSON text written to disk. */
export function feedJson(feed: Feed): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export function writeFeeds(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return loadDemoNights().map((night) => {
    const path = join(outDir, `${night.id}.final.json`);
    writeFileSync(path, feedJson(night.final));
    return path;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../public/feeds/', import.meta.url)));
  for (const path of writeFeeds(outDir)) console.log(`wrote ${path}`);
}
