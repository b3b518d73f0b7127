import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedJsonSchema, feedJsonSchemaText, SCHEMA_FILE } from '../../../src/feed/json-schema.build.js';

describe('the published JSON Schema', () => {
  it('is the committed file, regenerated from the valibot definition (npx tsx src/feed/json-schema.build.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(feedJsonSchemaText());
  });

  it('describes the required top level and tolerates extra fields', () => {
    const schema = feedJsonSchema() as {
      required: string[];
      properties: Record<string, { const?: string }>;
      additionalProperties?: unknown;
    };
    expect(schema.required).toEqual(['format', 'meta', 'parties', 'areas']);
    expect(schema.properties.format!.const).toBe('tally-feed/1');
    expect(schema.additionalProperties).not.toBe(false);
  });
});
