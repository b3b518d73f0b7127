/**
 * Write the demo nights' final feeds as pretty-printed JSON:
 *   npx tsx demo/feeds/write-feeds.ts [outDir] [--static]     (default demo/public/feeds/)
 * With --static (the static demo build), each night's final feed is also written under the
 * replay's own name (`<night>.json`): a static host cannot replay a night, so pages that ask
 * for the live feed get the final results there. The demo server answers those paths itself.
 * The replayed nights' files are committed as test fixtures (test/fixtures/*.final.json); a unit
 * test checks they still equal a fresh conversion. The published night (south-yorkshire-2018.ts)
 * is Democracy Club's ballots converted at once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feed } from '../../src/feed/schema.js';
import { loadDemoNights } from './index.js';
import { publishedNightFinal, southYorkshire2018 } from './south-yorkshire-2018.js';

/** A feed as the JSON text written to disk. */
export function feedJson(feed: Feed): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export function writeFeeds(outDir: string, options: { staticCopies?: boolean } = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  const published = southYorkshire2018();
  const nights = [...loadDemoNights(), { id: published.id, final: publishedNightFinal(published) }];
  return nights.flatMap((night) => {
    const names = options.staticCopies ? [`${night.id}.final.json`, `${night.id}.json`] : [`${night.id}.final.json`];
    return names.map((name) => {
      const path = join(outDir, name);
      writeFileSync(path, feedJson(night.final));
      return path;
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outDir = resolve(
    args.find((arg) => !arg.startsWith('--')) ?? fileURLToPath(new URL('../public/feeds/', import.meta.url)),
  );
  for (const path of writeFeeds(outDir, { staticCopies: args.includes('--static') })) console.log(`wrote ${path}`);
}
