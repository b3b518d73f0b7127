import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/feed/validate.js';
import { progress } from '../../../src/derive/progress.js';
import { council, feed } from '../support/feed.js';

describe('progress', () => {
  it('counts declared areas of those holding an election', () => {
    const result = progress(
      feed([
        council('A', 'con', 'con', { seats: { total: 40, up: 14 } }),
        council('B', 'lab', 'lab', { seats: { total: 60 } }),
        { id: 'C', name: 'C', status: 'counting', seats: { up: 10 } },
        { id: 'D', name: 'D', status: 'recount', seats: { up: 5 } },
        { id: 'E', name: 'E', status: 'postponed', seats: { up: 3 } },
        { id: 'F', name: 'F', status: 'no-election' },
      ]),
    );
    expect(result).toEqual({
      declared: 2,
      total: 5,
      counting: 1,
      recount: 1,
      postponed: 1,
      areaType: 'council',
      seatsDeclared: 74,
      seatsTotal: 92,
      complete: false,
    });
  });

  it('leaves seat counts unknown when a declared area does not give its seats', () => {
    const result = progress(feed([council('A', 'con', 'con', { seats: { up: 14 } }), council('B', 'lab', 'lab')]));
    expect(result.seatsDeclared).toBeUndefined();
    expect(result.seatsTotal).toBeUndefined();
  });

  it("prefers the election's own seat total", () => {
    expect(progress(feed([council('A', 'con', 'con')], { seats: 4371 })).seatsTotal).toBe(4371);
  });

  it('is complete only when every area holding an election has declared', () => {
    expect(progress(feed([council('A', 'con', 'con'), { id: 'B', name: 'B', status: 'no-election' }])).complete).toBe(
      true,
    );
    expect(progress(feed([])).complete).toBe(false);
  });
});

describe('progress with wards under their councils', () => {
  it('counts councils, not their wards (areas with a parent are part of it)', () => {
    const result = validateFeed(
      JSON.parse(readFileSync(new URL('../../fixtures/wards.json', import.meta.url), 'utf8')),
    );
    if (!result.ok) throw new Error('wards.json is invalid');
    const topLevel = result.feed.areas.filter((area) => area.parent === undefined);
    expect(progress(result.feed)).toMatchObject({
      total: topLevel.length,
      declared: topLevel.filter((area) => area.status === 'declared').length,
    });
  });
});
