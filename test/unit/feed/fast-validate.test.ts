/**
 * The fast path must never accept what valibot rejects, nor leave a value different from
 * valibot's output; and it must accept the real feeds, or it saves nothing.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileFastCheck } from '../../../src/feed/fast-validate.js';
import { FeedSchema } from '../../../src/feed/schema.js';
import { parseFeed } from '../../../src/feed/validate.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
const VALID = [
  'empty.json',
  'general-small.json',
  'local-small.json',
  'postponed.json',
  'recount.json',
  'tie.json',
  'uncontested.json',
  'wards.json',
  'uk-general-2019.final.json',
  'uk-local-2018.final.json',
];
const INVALID = ['malformed.json', 'unknown-party.json'];

const check = compileFastCheck(FeedSchema);

/** Run the fast check on a copy; when it accepts, valibot must too, with the same output. */
function agrees(value: unknown): boolean {
  const mine = structuredClone(value);
  if (!check(mine)) return false;
  const theirs = v.safeParse(FeedSchema, structuredClone(value), { abortPipeEarly: true });
  expect(theirs.success, 'valibot rejects what the fast check accepted').toBe(true);
  if (theirs.success) expect(mine).toEqual(theirs.output);
  return true;
}

describe('the fast validation path', () => {
  it('accepts every valid fixture, leaving exactly what valibot outputs (defaults filled in)', () => {
    for (const name of VALID) expect(agrees(fixture(name)), name).toBe(true);
    const tie = structuredClone(fixture('tie.json')) as { areas: { ties?: { method?: string }[] }[] };
    const withTie = tie.areas.find((area) => area.ties)!;
    delete withTie.ties![0]!.method;
    expect(agrees(tie)).toBe(true);
  });

  it('leaves a malformed feed to valibot, and parseFeed reports the same errors either way', () => {
    expect(check(structuredClone(fixture('malformed.json')))).toBe(false);
    for (const name of INVALID) {
      const text = JSON.stringify(fixture(name));
      const result = parseFeed(text);
      expect(result.ok, name).toBe(false);
      // Shape errors come from valibot; reference errors (unknown-party) after the shape is vouched for.
      if (!result.ok) expect(result.errors.length, name).toBeGreaterThan(0);
    }
  });

  it('is taken by parseFeed, whose result is the same as through valibot alone', () => {
    const text = JSON.stringify(fixture('uk-local-2018.final.json'));
    const result = parseFeed(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.feed).toEqual(v.parse(FeedSchema, JSON.parse(text)));
  });

  it('never accepts a mutated feed that valibot rejects', () => {
    const bases = [
      'general-small.json',
      'local-small.json',
      'tie.json',
      'uncontested.json',
      'recount.json',
      'postponed.json',
      'wards.json',
    ].map(fixture);
    // Values of every kind, valid and not, for any field.
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      1,
      -1,
      0.5,
      7,
      100,
      100.5,
      -100.5,
      1e9,
      1e20,
      Number.MAX_SAFE_INTEGER,
      '',
      ' ',
      'x',
      'lab',
      'Lab',
      'noc',
      'lib',
      'declared',
      'counting',
      'lot',
      'tie-break',
      '2019-12-13T00:15:00Z',
      '2019-12-13T00:15:00',
      '2019-12-13',
      '2019-13-45',
      '#fff',
      'https://example.org/',
      'tally-feed/1',
      'tally-feed/2',
      'x'.repeat(201),
      [],
      ['lab'],
      ['lab', 'con'],
      [{}],
      {},
      { party: 'lab' },
      { name: 'X' },
      { __proto__: null, constructor: 1 },
    ];
    const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
      if (typeof value !== 'object' || value === null) return [prefix];
      const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
      return [prefix, ...keys.flatMap((key) => paths((value as Record<string, unknown>)[key], [...prefix, key]))];
    };
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.nat(bases.length - 1),
        fc.nat(),
        fc.nat(values.length - 1),
        fc.constantFrom('set', 'delete', 'add'),
        (which, at, valueIndex, how) => {
          const feed = structuredClone(bases[which]) as Record<string, unknown>;
          const all = paths(feed).filter((path) => path.length > 0);
          const path = all[at % all.length]!;
          const parent = path
            .slice(0, -1)
            .reduce<Record<string | number, unknown>>(
              (node, key) => node[key] as Record<string | number, unknown>,
              feed,
            );
          const key = path[path.length - 1]!;
          if (how === 'delete') delete parent[key];
          else if (
            how === 'add' &&
            typeof parent[key] === 'object' &&
            parent[key] !== null &&
            !Array.isArray(parent[key])
          )
            (parent[key] as Record<string, unknown>).extra = structuredClone(values[valueIndex]);
          else parent[key] = structuredClone(values[valueIndex]);
          if (agrees(feed)) accepted++;
          else rejected++;
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
    // Not vacuous: both answers happen.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
