import { describe, expect, it } from 'vitest';
import { linearScale } from '../../../src/layout/seat-bar-scale.js';

describe('linearScale', () => {
  it('maps seats onto per cent of the bar', () => {
    const x = linearScale([0, 650]);
    expect(x(0)).toBe(0);
    expect(x(650)).toBe(100);
    expect(x(325)).toBe(50);
    expect(x(326)).toBeCloseTo(50.1538, 4);
  });

  it('maps any domain onto any range, and inverts', () => {
    const x = linearScale([10, 20], [100, 300]);
    expect(x(15)).toBe(200);
    expect(x.invert(250)).toBe(17.5);
    expect(x.domain()).toEqual([10, 20]);
    expect(x.range()).toEqual([100, 300]);
  });

  it('does not clamp, so an impossible value is visible rather than clipped', () => {
    expect(linearScale([0, 10])(15)).toBe(150);
  });

  it('maps a collapsed domain to the middle of the range, as d3-scale does', () => {
    expect(linearScale([0, 0])(0)).toBe(50);
  });

  it('keeps NaN as NaN', () => {
    expect(linearScale([0, 10])(Number.NaN)).toBeNaN();
  });
});
