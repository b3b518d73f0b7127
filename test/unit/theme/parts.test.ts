/**
 * `::part` names are public API: every part an element's templates set is documented with
 * `@csspart` (so it reaches the manifest), every documented part exists, the names shared
 * between elements mean the same thing in each, and docs/theming.md lists them all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const components = new URL('../../../src/components/', import.meta.url);
const ELEMENTS = ['seat-bar', 'party-table', 'council-list', 'ticker', 'area-result'] as const;
const files = (folder: string) =>
  readdirSync(new URL(`${folder}/`, components))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.styles.ts'))
    .map((name) => readFileSync(new URL(`${folder}/${name}`, components), 'utf8'));

/** Part names set in templates: `part="a b"`, and the quoted names inside `part=${…}`. */
function partsIn(sources: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const source of sources) {
    // Static words of `part="row ${row.kind}-row"` (the generated second names are documented with the first).
    for (const match of source.matchAll(/\spart="([^"]+)"/g)) {
      for (const name of match[1]!.split(/\s+/)) if (/^[a-z-]+$/.test(name)) out.add(name);
    }
    // The results of `part=${cond ? 'a b' : 'a'}`, not the values compared against.
    for (const match of source.matchAll(/\spart=\$\{([^}]*)\}/g)) {
      for (const quoted of match[1]!.matchAll(/(?<![=!]==\s*)'([a-z -]+)'/g))
        for (const name of quoted[1]!.split(/\s+/)) if (name) out.add(name);
    }
  }
  return out;
}

const sharedParts = partsIn(files('shared'));

function documented(element: string): Map<string, string> {
  const source = readFileSync(new URL(`${element}/${element}.ts`, components), 'utf8');
  return new Map([...source.matchAll(/@csspart ([a-z-]+) - (.*)/g)].map((match) => [match[1]!, match[2]!]));
}

describe('parts', () => {
  it('the shared parts are the ones every element shows around its content', () => {
    expect([...sharedParts].sort()).toEqual(['error-detail', 'frame', 'notice', 'skeleton', 'status', 'watermark']);
  });

  for (const element of ELEMENTS) {
    it(`<tally-${element}> documents exactly the parts it sets`, () => {
      const used = new Set([...partsIn(files(element)), ...sharedParts]);
      const docs = documented(element);
      // `undeclared-segment` and `copy` are second names, documented in the entry of the first.
      const secondNames = new Set([
        'undeclared-segment',
        'copy',
        'party-row',
        'others-row',
        'member-row',
        'noc-row',
        'candidate-elected',
      ]);
      expect(
        [...used].filter((name) => !docs.has(name) && !secondNames.has(name)),
        'used but not documented',
      ).toEqual([]);
      expect(
        [...docs.keys()].filter((name) => !used.has(name)),
        'documented but never set',
      ).toEqual([]);
    });
  }

  it('names that several elements use mean the same thing', () => {
    const all = ELEMENTS.map((element) => documented(element));
    const common = [
      'frame',
      'title',
      'caption',
      'legend',
      'legend-item',
      'swatch',
      'tooltip',
      'row',
      'list',
      'notes',
      'notice',
      'skeleton',
      'status',
      'watermark',
      'error-detail',
    ];
    for (const name of common) expect(all.filter((parts) => parts.has(name)).length, name).toBeGreaterThanOrEqual(2);
    // "header" would be a table heading cell in one element and a title bar in another.
    expect(all.filter((parts) => parts.has('header')).length).toBeLessThanOrEqual(1);
  });

  it('docs/theming.md lists every part of every element', () => {
    const docs = readFileSync(new URL('../../../docs/theming.md', import.meta.url), 'utf8');
    for (const element of ELEMENTS) {
      const section = docs.split(/^### /m).find((chunk) => chunk.startsWith(`\`<tally-${element}>\``));
      expect(section, `a section for <tally-${element}>`).toBeDefined();
      for (const name of documented(element).keys()) expect(section, `${element} ${name}`).toContain(`\`${name}\``);
    }
  });
});
