import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/feed/validate.js';
import { derivedStateOfParties } from '../../../src/derive/state-of-parties.js';

const doc = readFileSync(new URL('../../../docs/feed.md', import.meta.url), 'utf8');
const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)![1]!);

describe('docs/feed.md', () => {
  it('shows a complete example that validates', () => {
    const result = validateFeed(example);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('example reads as described: one gain declared, one council counting', () => {
    const result = validateFeed(example);
    if (!result.ok) throw new Error('invalid');
    const state = derivedStateOfParties(result.feed);
    expect(state.declared).toBe(1);
    expect(state.total).toBe(2);
    expect(state.parties.find((row) => row.party === 'con')).toMatchObject({ councils: 1, councilsChange: 1, seats: 7, seatsChange: 4 });
  });
});
