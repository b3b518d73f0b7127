/**
 * PNG snapshots photographed in the system Chromium (JavaScript off): the size asked for, and
 * the page is the server-rendered widget. Not a pure test: it starts a browser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertFeed } from '../../src/feed/validate.js';
import { findChromium, snapshotPng } from '../../src/server/index.js';

const fixture = (name: string) =>
  assertFeed(JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')));

const chromium = (() => {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
})();

describe('PNG snapshot', () => {
  it.runIf(chromium)('photographs a table in Chromium at the width asked for', async () => {
    const png = await snapshotPng('party-table', fixture('local-small'), { width: 800 });
    expect(Buffer.from(png.subarray(1, 4)).toString('ascii')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(view.getUint32(16)).toBe(800);
    expect(view.getUint32(20)).toBeGreaterThan(200);
  });

  it.runIf(chromium)('draws a chart from its SVG at twice the density with scale 2', async () => {
    const png = await snapshotPng('seat-bar', fixture('general-small'), { width: 600, scale: 2 });
    expect(new DataView(png.buffer, png.byteOffset, png.byteLength).getUint32(16)).toBe(1200);
  });
});
