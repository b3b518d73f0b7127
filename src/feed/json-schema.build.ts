/**
 * Build-time only (not part of the runtime bundle): the published JSON Schema of
 * tally-feed/1, generated from the same valibot definition the runtime validator uses.
 *
 *   npx tsx src/feed/json-schema.build.ts   # rewrites src/feed/tally-feed-1.schema.json
 *
 * A unit test fails when the committed file differs from a fresh generation.
 * Cross-reference rules (unknown parties, arithmetic) cannot be expressed in JSON Schema;
 * the description says so, and docs/feed.md lists them.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { FEED_FORMAT, FeedSchema } from './schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('./tally-feed-1.schema.json', import.meta.url));

export function feedJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(FeedSchema, {
    errorMode: 'throw',
    // A pattern with the `u` flag (Unicode character classes, such as the visible-text rule) is
    // published as it is: JSON Schema patterns are ECMA-262 expressions that validators compile
    // with Unicode semantics (ajv's default). Any other flag still fails the build.
    overrideAction: ({ valibotAction, jsonSchema }) =>
      valibotAction.type === 'regex' && (valibotAction as unknown as { requirement: RegExp }).requirement.flags === 'u'
        ? jsonSchema
        : undefined,
  }) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://tally.dev/schema/tally-feed-1.schema.json',
    title: FEED_FORMAT,
    description:
      'Election results feed read by Tally widgets. Generated from src/feed/schema.ts. Beyond this shape, a feed must only reference declared party and area ids ("noc" means no overall control), use unique ids, and add up (seats won never above seats up, and so on): see docs/feed.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

export function feedJsonSchemaText(): string {
  return `${JSON.stringify(feedJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, feedJsonSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
