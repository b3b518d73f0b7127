/**
 * The shipped builds' own tree-shaking of d3 (vite.d3.ts): what it keeps works exactly as d3's
 * published code does, and what no widget runs is gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { arc as d3Arc } from 'd3-shape';
import { scaleOrdinal as d3ScaleOrdinal } from 'd3-scale';
import { D3_IMPORTS, treeShakenD3 } from '../../vite.d3.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tally-d3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load<T>(name: string): Promise<{ code: string; module: T }> {
  const code = await treeShakenD3(name, D3_IMPORTS[name]!);
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  return { code, module: (await import(pathToFileURL(file).href)) as T };
}

describe('d3, tree-shaken for the shipped builds', () => {
  it('names every d3 package the sources import from, with what they import', () => {
    const imported: Record<string, string[]> = {};
    for (const name of readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))) {
      for (const match of readFileSync(join(SRC, name), 'utf8').matchAll(
        /import\s*\{([^}]*)\}\s*from\s*'(d3-[a-z]+)'/g,
      )) {
        const names = match[1]!
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part && !part.startsWith('type '));
        (imported[match[2]!] ??= []).push(...names);
      }
    }
    const sorted = (table: Readonly<Record<string, readonly string[]>>) =>
      Object.fromEntries(
        Object.entries(table)
          .map(([name, names]) => [name, [...new Set(names)].sort()])
          .sort(),
      );
    expect(sorted(imported)).toEqual(sorted(D3_IMPORTS));
  });

  it('keeps d3-shape’s arc, drawing the same sectors, and drops the curves and symbols', async () => {
    const { code, module } = await load<{ arc: typeof d3Arc }>('d3-shape');
    const sectors = [
      { innerRadius: 40, outerRadius: 100, startAngle: -Math.PI / 2, endAngle: -Math.PI / 3, padAngle: 0.01 },
      { innerRadius: 0, outerRadius: 50, startAngle: 0, endAngle: Math.PI, padAngle: 0 },
      { innerRadius: 60.5, outerRadius: 61, startAngle: 1.234, endAngle: 1.2345, padAngle: 0.002 },
    ];
    for (const sector of sectors) expect(module.arc()(sector)).toBe(d3Arc()(sector));
    expect(module.arc().cornerRadius(3)(sectors[0]!)).toBe(d3Arc().cornerRadius(3)(sectors[0]!));
    expect(code).not.toMatch(/BasisClosed|CatmullRom|symbolCircle|Cardinal/);
  });

  it('keeps d3-scale’s ordinal scale, behaving the same, and drops the rest of d3-array', async () => {
    const { code, module } = await load<{ scaleOrdinal: typeof d3ScaleOrdinal }>('d3-scale');
    const range = ['#111111', '#222222', '#333333'];
    const ours = module.scaleOrdinal<string, string>().range(range);
    const theirs = d3ScaleOrdinal<string, string>().range(range);
    for (const key of ['lab', 'con', 'ld', 'lab', 'grn', 'snp', 'con']) expect(ours(key)).toBe(theirs(key));
    expect(ours.domain()).toEqual(theirs.domain());
    expect(code).not.toMatch(/bisector|ascendingBisect/);
  });
});
