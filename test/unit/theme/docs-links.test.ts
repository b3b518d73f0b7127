/**
 * The readers-first docs point at real files: every relative link and image in
 * docs/accessibility.md, docs/theming.md and docs/languages.md exists, so the screenshots,
 * example themes and sources they cite cannot silently go missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DOCS = new URL('../../../docs/', import.meta.url);

describe('readers-first docs', () => {
  for (const name of ['accessibility.md', 'theming.md', 'languages.md']) {
    it(`${name}: every relative link and image exists`, () => {
      const text = readFileSync(new URL(name, DOCS), 'utf8');
      const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((match) => match[1]!)
        .filter((target) => !/^[a-z]+:/.test(target));
      expect(targets.length).toBeGreaterThan(3);
      expect(targets.filter((target) => !existsSync(new URL(target, DOCS)))).toEqual([]);
    });
  }

  it('accessibility.md shows each widget in each setting', () => {
    const text = readFileSync(new URL('accessibility.md', DOCS), 'utf8');
    for (const widget of ['seat-bar', 'party-table', 'council-list', 'ticker', 'area-result']) {
      for (const setting of ['light', 'dark', 'forced-colours', '320px', 'rtl'])
        expect(text).toContain(`screenshots/${widget}-${setting}.png`);
    }
  });
});
