import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HEX_LAYOUTS,
  HexJsonError,
  parseHexJson,
  validateHexJson,
  type HexLayoutName,
} from '../../../src/layout/hexjson.js';
import {
  firstInReadingOrder,
  hexCentre,
  hexCorners,
  hexGrid,
  hexInDirection,
  hexNeighbours,
  hexPoints,
  parity,
  viewBoxAttribute,
  type PlacedHex,
} from '../../../src/layout/hex-grid.js';

const SQRT3 = Math.sqrt(3);
const readLayout = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../demo/data/hexjson/${name}.hexjson`, import.meta.url), 'utf8'));
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Every (q, r) in a square of offset coordinates, negatives included. */
function square(layout: HexLayoutName, from: number, to: number) {
  const hexes: Record<string, { q: number; r: number }> = {};
  for (let q = from; q <= to; q++) for (let r = from; r <= to; r++) hexes[`${q},${r}`] = { q, r };
  return hexGrid(parseHexJson({ layout, hexes }));
}

describe('validateHexJson', () => {
  it('accepts a layout and keeps the hexes in file order, with their names', () => {
    const result = validateHexJson({
      layout: 'odd-r',
      hexes: { B: { q: 1, r: 0, n: 'Bee' }, A: { q: 0, r: 0, name: 'Ay' }, C: { q: 0, r: 1 } },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        layout: 'odd-r',
        hexes: [
          { key: 'B', q: 1, r: 0, name: 'Bee' },
          { key: 'A', q: 0, r: 0, name: 'Ay' },
          { key: 'C', q: 0, r: 1, name: undefined },
        ],
      },
    });
  });

  it('never writes to its input and shares no objects with it', () => {
    const input = deepFreeze({ layout: 'even-q', hexes: { A: { q: -1, r: 2, extra: { deep: true } } } });
    const before = JSON.stringify(input);
    const result = validateHexJson(input);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
    if (result.ok) expect(result.value.hexes[0]).not.toBe(input.hexes.A);
    // hexGrid does not write either (the input above is frozen: a write would throw).
    if (result.ok) expect(() => hexGrid(result.value)).not.toThrow();
  });

  it('names what is wrong with a value that is not a layout', () => {
    expect(validateHexJson(null)).toEqual({ ok: false, errors: ['the layout must be a JSON object, got null'] });
    expect(validateHexJson([])).toEqual({ ok: false, errors: ['the layout must be a JSON object, got an array'] });
    expect(validateHexJson({ hexes: { A: { q: 0, r: 0 } } })).toEqual({
      ok: false,
      errors: ['layout: must be one of odd-r, even-r, odd-q, even-q, got missing'],
    });
    expect(validateHexJson({ layout: 'axial-r', hexes: {} })).toEqual({
      ok: false,
      errors: ['layout: must be one of odd-r, even-r, odd-q, even-q, got "axial-r"', 'hexes: the layout has no hexes'],
    });
    expect(validateHexJson({ layout: 'odd-r', hexes: [{ q: 0, r: 0 }] })).toEqual({
      ok: false,
      errors: ['hexes: must be an object of hexes keyed by id, got an array'],
    });
  });

  it('names each hex with bad coordinates, and hexes on top of each other', () => {
    const result = validateHexJson({
      layout: 'odd-r',
      hexes: { A: { q: '8', r: 1 }, B: { q: 0.5, r: 1 }, C: { r: 1 }, D: { q: 2, r: 2 }, E: { q: 2, r: 2 }, F: 7 },
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'hexes["A"].q: must be a whole number, got "8"',
        'hexes["B"].q: must be a whole number, got 0.5',
        'hexes["C"].q: must be a whole number, got missing',
        'hexes["E"]: is at q=2, r=2, where "D" already is',
        'hexes["F"]: must be an object with q and r, got 7',
      ],
    });
  });

  it('lists the first eight problems and counts the rest', () => {
    const hexes = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`H${i}`, { q: i, r: NaN }]));
    const result = validateHexJson({ layout: 'odd-r', hexes });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(9);
      expect(result.errors[8]).toBe('and 4 more problems');
    }
  });

  it('parseHexJson throws a HexJsonError carrying every problem', () => {
    expect(() => parseHexJson({ layout: 'odd-r' })).toThrow(HexJsonError);
    expect(() => parseHexJson({ layout: 'odd-r' })).toThrow(
      'not a usable HexJSON layout: hexes: must be an object of hexes keyed by id, got missing',
    );
  });
});

describe('parity', () => {
  it('is the parity of the number itself, negatives included', () => {
    expect([-4, -3, -2, -1, 0, 1, 2, 3].map(parity)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
  });
});

describe('hexCentre', () => {
  const near = (point: { x: number; y: number }, x: number, y: number) => {
    expect(point.x).toBeCloseTo(x, 12);
    expect(point.y).toBeCloseTo(y, 12);
  };

  it('odd-r: rows 1.5 radii apart, growing upwards; odd rows half a hex to the right', () => {
    near(hexCentre('odd-r', 0, 0), 0, 0);
    near(hexCentre('odd-r', 1, 0), SQRT3, 0);
    near(hexCentre('odd-r', 0, 1), SQRT3 / 2, -1.5);
    near(hexCentre('odd-r', 0, -1), SQRT3 / 2, 1.5);
    near(hexCentre('odd-r', 2, 2, 10), 20 * SQRT3, -30);
  });

  it('even-r: even rows half a hex to the right', () => {
    near(hexCentre('even-r', 0, 0), SQRT3 / 2, 0);
    near(hexCentre('even-r', 0, 1), 0, -1.5);
    near(hexCentre('even-r', 0, -2), SQRT3 / 2, 3);
  });

  it('odd-q: columns 1.5 radii apart; odd columns half a hex up', () => {
    near(hexCentre('odd-q', 0, 0), 0, 0);
    near(hexCentre('odd-q', 1, 0), 1.5, -SQRT3 / 2);
    near(hexCentre('odd-q', -1, 0), -1.5, -SQRT3 / 2);
    near(hexCentre('odd-q', 0, 1), 0, -SQRT3);
  });

  it('even-q: even columns half a hex up', () => {
    near(hexCentre('even-q', 0, 0), 0, -SQRT3 / 2);
    near(hexCentre('even-q', 1, 0), 1.5, 0);
    near(hexCentre('even-q', -2, 1), -3, -1.5 * SQRT3);
  });

  it('never returns negative zero', () => {
    expect(Object.is(hexCentre('odd-r', 0, 0).y, 0)).toBe(true);
    expect(Object.is(hexCentre('odd-q', 0, 0).x, 0)).toBe(true);
  });
});

describe('hexCorners and hexPoints', () => {
  it('puts six corners one radius from the centre, pointy at the top or flat on top', () => {
    for (const orientation of ['pointy', 'flat'] as const) {
      const corners = hexCorners(orientation, 2);
      expect(corners).toHaveLength(6);
      for (const corner of corners) expect(distance(corner, { x: 0, y: 0 })).toBeCloseTo(2, 12);
    }
    expect(hexCorners('pointy')[0]).toEqual({ x: 0, y: -1 });
    expect(hexCorners('flat')[0]).toEqual({ x: 1, y: 0 });
  });

  it('writes an SVG points list around a centre, to three decimals', () => {
    expect(hexPoints({ x: 10, y: 20 }, hexCorners('pointy'))).toBe(
      '10,19 10.866,19.5 10.866,20.5 10,21 9.134,20.5 9.134,19.5',
    );
  });
});

describe('hexGrid', () => {
  it('computes a viewBox that just holds every hex, plus padding', () => {
    // Centres (0, 0), (√3, 0) and (√3/2, -1.5): x from -√3/2 to 3√3/2, y from -2.5 to 1.
    const grid = hexGrid(
      parseHexJson({ layout: 'odd-r', hexes: { A: { q: 0, r: 0 }, B: { q: 1, r: 0 }, C: { q: 0, r: 1 } } }),
    );
    expect(grid.viewBox.x).toBeCloseTo(-SQRT3 / 2, 12);
    expect(grid.viewBox.y).toBeCloseTo(-2.5, 12);
    expect(grid.viewBox.width).toBeCloseTo(2 * SQRT3, 12);
    expect(grid.viewBox.height).toBeCloseTo(3.5, 12);
    const padded = hexGrid(parseHexJson({ layout: 'odd-q', hexes: { A: { q: 0, r: 0 } } }), { radius: 2, padding: 1 });
    // One flat hex of radius 2: 4 wide, 2√3 tall, plus 1 all round.
    expect(viewBoxAttribute(padded.viewBox)).toBe(
      `-3 ${Math.round((-SQRT3 - 1) * 1000) / 1000} 6 ${Math.round((2 * SQRT3 + 2) * 1000) / 1000}`,
    );
    expect(grid.byKey.get('C')).toMatchObject({ key: 'C', q: 0, r: 1 });
  });

  it('rejects a radius or padding that is not a positive size', () => {
    const layout = parseHexJson({ layout: 'odd-r', hexes: { A: { q: 0, r: 0 } } });
    expect(() => hexGrid(layout, { radius: 0 })).toThrow(RangeError);
    expect(() => hexGrid(layout, { padding: -1 })).toThrow(RangeError);
  });

  it.each(HEX_LAYOUTS)('%s: across negative and positive coordinates, hexes tile without overlapping', (layout) => {
    // With a wrong parity for negative rows (r % 2 === 1 is false for r = -1), rows -1 and 0
    // would both be unshifted and stack 1.5 radii apart, closer than the √3 of neighbours.
    const grid = square(layout, -3, 3);
    for (const a of grid.hexes) {
      let neighbours = 0;
      for (const b of grid.hexes) {
        if (a === b) continue;
        const d = distance(a, b);
        expect(d, `${a.key} to ${b.key}`).toBeGreaterThan(SQRT3 - 1e-9);
        if (d < SQRT3 + 1e-9) neighbours += 1;
      }
      const inside = Math.abs(a.q) < 3 && Math.abs(a.r) < 3;
      if (inside) expect(neighbours, a.key).toBe(6);
    }
  });
});

describe('hexNeighbours', () => {
  it('gives the six hexes that touch, for every layout and any coordinates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HEX_LAYOUTS),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        (layout, q, r) => {
          const centre = hexCentre(layout, q, r);
          const around = hexNeighbours(layout, q, r);
          expect(new Set(around.map(([a, b]) => `${a},${b}`)).size).toBe(6);
          for (const [nq, nr] of around) expect(distance(centre, hexCentre(layout, nq, nr))).toBeCloseTo(SQRT3, 9);
        },
      ),
    );
  });
});

describe('hexInDirection', () => {
  // odd-r, a 3 × 3 block:    row 1 (shifted):   A1  B1  C1
  //                          row 0:           A0  B0  C0
  //                          row -1 (shifted):  A-1 B-1 C-1
  const grid = hexGrid(
    parseHexJson({
      layout: 'odd-r',
      hexes: Object.fromEntries(
        ['A', 'B', 'C'].flatMap((column, q) => [-1, 0, 1].map((r) => [`${column}${r}`, { q, r }])),
      ),
    }),
  );
  const from = (key: string) => grid.byKey.get(key)!;
  const move = (key: string, direction: 'left' | 'right' | 'up' | 'down', allowed?: (hex: PlacedHex) => boolean) =>
    hexInDirection(grid.hexes, from(key), direction, allowed)?.key;

  it('moves to the neighbour in the same row for left and right', () => {
    expect(move('B0', 'left')).toBe('A0');
    expect(move('B0', 'right')).toBe('C0');
  });

  it('moves to the nearer of the two hexes above or below', () => {
    // Above B0 the shifted row has B1 (half a hex right) and A1 (half a hex left): equally
    // near, so the first in layout order wins; either is correct.
    expect(['A1', 'B1']).toContain(move('B0', 'up'));
    expect(['A-1', 'B-1']).toContain(move('B0', 'down'));
    expect(move('A1', 'down')).toBe('A0');
  });

  it('stops at the edge of the map and skips hexes that are not allowed', () => {
    expect(move('A0', 'left')).toBeUndefined();
    expect(move('B1', 'up')).toBeUndefined();
    // Straight on past a hex that cannot be selected, rather than drifting to a diagonal.
    expect(move('A0', 'right', (hex) => hex.key !== 'B0')).toBe('C0');
    expect(move('B0', 'up', (hex) => hex.key !== 'A1' && hex.key !== 'B1')).toBeUndefined();
  });
});

describe('the UK layouts in demo/data/hexjson', () => {
  const districts = hexGrid(parseHexJson(readLayout('uk-local-authority-districts')));
  const constituencies = hexGrid(parseHexJson(readLayout('uk-constituencies-2019')));

  it('are valid: 391 districts and 650 constituencies, no two hexes overlapping', () => {
    expect(districts.hexes).toHaveLength(391);
    expect(constituencies.hexes).toHaveLength(650);
    for (const grid of [districts, constituencies]) {
      for (let i = 0; i < grid.hexes.length; i++) {
        for (let j = i + 1; j < grid.hexes.length; j++) {
          expect(distance(grid.hexes[i]!, grid.hexes[j]!)).toBeGreaterThan(SQRT3 - 1e-9);
        }
      }
    }
  });

  it('have Scotland at the top, Cornwall at the bottom and Northern Ireland on the left', () => {
    const top = (grid: typeof districts) => [...grid.hexes].sort((a, b) => a.y - b.y)[0]!;
    const bottom = (grid: typeof districts) => [...grid.hexes].sort((a, b) => b.y - a.y)[0]!;
    const left = (grid: typeof districts) => [...grid.hexes].sort((a, b) => a.x - b.x);
    expect(top(districts).name).toBe('Shetland Islands');
    expect(top(constituencies).name).toBe('Orkney and Shetland');
    expect(bottom(districts).name).toBe('Isles of Scilly');
    const lowest = bottom(constituencies).y;
    expect(constituencies.hexes.filter((hex) => hex.y === lowest).map((hex) => hex.name)).toContain('St Ives');
    // Every Scottish hex (GSS codes S…) is above the mean of the English ones (E…).
    for (const grid of [districts, constituencies]) {
      const english = grid.hexes.filter((hex) => hex.key.startsWith('E'));
      const meanEnglishY = english.reduce((sum, hex) => sum + hex.y, 0) / english.length;
      for (const hex of grid.hexes.filter((h) => h.key.startsWith('S')))
        expect(hex.y, hex.name).toBeLessThan(meanEnglishY);
    }
    expect(
      left(constituencies)
        .slice(0, 3)
        .every((hex) => hex.key.startsWith('N')),
    ).toBe(true);
  });

  it('draw the 33 London boroughs (E09…) as one contiguous block', () => {
    const london = districts.hexes.filter((hex) => hex.key.startsWith('E09'));
    expect(london).toHaveLength(33);
    const reached = new Set([london[0]!.key]);
    const queue = [london[0]!];
    while (queue.length > 0) {
      const hex = queue.shift()!;
      for (const other of london) {
        if (!reached.has(other.key) && distance(hex, other) < SQRT3 + 1e-9) {
          reached.add(other.key);
          queue.push(other);
        }
      }
    }
    expect(reached.size).toBe(33);
  });

  it("place hexes as d3-hexjson does, up to scale and translation, because both files' rmax is even", () => {
    // d3-hexjson 1.1.1 (render.js) for odd-r: rc = rmax - r; x = (q - qmin)·w + (rc odd ? w : w/2);
    // y = rc·1.5R + R. Written out here as an independent oracle (R = 1, w = √3).
    for (const name of ['uk-local-authority-districts', 'uk-constituencies-2019']) {
      const raw = readLayout(name) as { hexes: Record<string, { q: number; r: number }> };
      const cells = Object.entries(raw.hexes);
      const rmax = Math.max(...cells.map(([, hex]) => hex.r));
      const qmin = Math.min(...cells.map(([, hex]) => hex.q));
      expect(rmax % 2).toBe(0);
      const grid = hexGrid(parseHexJson(raw));
      let offset: { x: number; y: number } | undefined;
      for (const [key, hex] of cells) {
        const rc = rmax - hex.r;
        const d3x = (hex.q - qmin) * SQRT3 + (rc % 2 === 1 ? SQRT3 : SQRT3 / 2);
        const d3y = rc * 1.5 + 1;
        const ours = grid.byKey.get(key)!;
        offset ??= { x: d3x - ours.x, y: d3y - ours.y };
        expect(d3x - ours.x).toBeCloseTo(offset.x, 9);
        expect(d3y - ours.y).toBeCloseTo(offset.y, 9);
      }
    }
  });
});

describe('firstInReadingOrder', () => {
  // odd-r: r grows upwards, so r = 1 is the top row; B is right of A.
  const grid = hexGrid(
    parseHexJson({
      layout: 'odd-r',
      hexes: { A: { q: 0, r: 1 }, B: { q: 1, r: 1 }, C: { q: 0, r: 0 }, D: { q: 1, r: 0 } },
    }),
  );
  const all = () => true;

  it('reads from the top left, or from the bottom right', () => {
    expect(firstInReadingOrder(grid.hexes, 1, all)?.key).toBe('A');
    expect(firstInReadingOrder(grid.hexes, -1, all)?.key).toBe('D');
  });

  it('skips hexes it is told to, and finds nothing among none', () => {
    expect(firstInReadingOrder(grid.hexes, 1, (hex) => hex.key !== 'A')?.key).toBe('B');
    expect(firstInReadingOrder(grid.hexes, 1, () => false)).toBeUndefined();
  });
});
