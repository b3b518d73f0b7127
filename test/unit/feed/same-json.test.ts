import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../src/feed/same-json.js';

describe('sameJson', () => {
  it('compares objects key by key in any order, arrays item by item', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
  });
  it('tells an extra or a missing key apart, and treats a key holding undefined as no key', () => {
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
  });
  it('does not take an array for an object, null for an object, or a number for its string', () => {
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson(undefined, undefined)).toBe(true);
    expect(sameJson(Number.NaN, Number.NaN)).toBe(false);
  });
});

describe('sameJson with accept', () => {
  it('accepts only objects on the second side that pass, even the very same object', () => {
    const ours = Object.freeze({ a: Object.freeze([1, 2]), b: 'x' });
    expect(sameJson({ a: [1, 2], b: 'x' }, ours, Object.isFrozen)).toBe(true);
    const loose = { a: [1, 2], b: 'x' };
    expect(sameJson(loose, loose, Object.isFrozen)).toBe(false);
    expect(sameJson({ a: [1, 2], b: 'x' }, Object.freeze({ a: [1, 2], b: 'x' }), Object.isFrozen)).toBe(false);
  });
});
