/**
 * custom-elements.json is the single source for the element docs and the demo's API pages:
 * every element must be in it with its tag, and every public attribute, event, part and CSS
 * custom property must carry a description.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

interface Described {
  name: string;
  description?: string;
  fieldName?: string;
}
interface Declaration extends Described {
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  attributes?: Described[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

const ELEMENTS = ['tally-area-result', 'tally-council-list', 'tally-party-table', 'tally-seat-bar', 'tally-ticker'];
const COMMON_ATTRIBUTES = ['src', 'interval', 'theme', 'lang', 'time-zone'];
const FEED_EVENTS = ['tally-feed-update', 'tally-feed-error', 'tally-feed-stale'];

let elements: Declaration[] = [];

beforeAll(() => {
  const outdir = mkdtempSync(join(tmpdir(), 'tally-manifest-'));
  // The analyzer joins --outdir onto the working directory, so it must be relative.
  execFileSync(
    process.execPath,
    [
      'node_modules/@custom-elements-manifest/analyzer/cem.js',
      'analyze',
      '--quiet',
      '--outdir',
      relative(process.cwd(), outdir),
    ],
    { stdio: 'pipe' },
  );
  const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: Declaration[] }[];
  };
  elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement);
}, 60_000);

describe('custom-elements.json', () => {
  it('lists the five elements by tag', () => {
    expect(elements.map((element) => element.tagName).sort()).toEqual(ELEMENTS);
  });

  it('documents each element: summary, common attributes, feed events', () => {
    for (const element of elements) {
      expect(element.summary, element.tagName).toBeTruthy();
      const attributes = (element.attributes ?? []).map((attribute) => attribute.name);
      expect(attributes, element.tagName).toEqual(expect.arrayContaining(COMMON_ATTRIBUTES));
      expect(
        (element.events ?? []).map((event) => event.name),
        element.tagName,
      ).toEqual(expect.arrayContaining(FEED_EVENTS));
    }
  });

  it('describes every attribute, event, part and CSS custom property', () => {
    const undocumented: string[] = [];
    for (const element of elements) {
      for (const [kind, items] of [
        ['attribute', element.attributes],
        ['event', element.events],
        ['part', element.cssParts],
        ['css property', element.cssProperties],
      ] as const) {
        for (const item of items ?? [])
          if (!item.description?.trim()) undocumented.push(`${element.tagName} ${kind} ${item.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('keeps internal reactive state out of the attributes', () => {
    const council = elements.find((element) => element.tagName === 'tally-council-list')!;
    expect((council.attributes ?? []).map((attribute) => attribute.name)).not.toContain('zoom');
  });
});
