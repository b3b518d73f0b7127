/**
 * The seat bar's words: Welsh covers every English key, every key the element uses exists,
 * and no key is left unused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seatBarCy, seatBarEnGB } from '../../../src/components/seat-bar/messages.js';
import { messageKeys } from '../../../src/i18n/messages.js';

const folder = new URL('../../../src/components/seat-bar/', import.meta.url);
const source = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && name !== 'messages.ts')
  .map((name) => readFileSync(new URL(name, folder), 'utf8'))
  // The seat bar's words are derived beside its other view models.
  .concat(readFileSync(new URL('../../../src/derive/seat-bar-text.ts', import.meta.url), 'utf8'))
  .join('\n');
/** Every quoted message key in the element's code: 'seatBar.title.seats', 'majority.toWin', … */
const used = new Set([...source.matchAll(/'((?:seatBar|party|majority|count|feed|control|change)\.[\w.-]+)'/g)].map((match) => match[1]!));

describe('seat bar messages', () => {
  it('has a Welsh message for every English one, and no other', () => {
    expect(Object.keys(seatBarCy).sort()).toEqual(Object.keys(seatBarEnGB).sort());
    for (const [key, value] of Object.entries(seatBarCy)) expect(String(value).trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (message: unknown) => [...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(seatBarEnGB)) expect(placeholders(seatBarCy[key]), key).toEqual(placeholders(seatBarEnGB[key]));
  });

  it('defines every key the element uses', () => {
    const known = new Set([...messageKeys(), ...Object.keys(seatBarEnGB)]);
    const missing = [...used].filter((key) => !known.has(key));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  it('uses every key it defines', () => {
    expect(Object.keys(seatBarEnGB).filter((key) => !used.has(key))).toEqual([]);
  });
});
