/**
 * The package root's API is the list in src/index.ts, and docs/api.md describes exactly that
 * list: a name exported without a description, or described but not exported, fails here.
 * The export names (values and types) come from the TypeScript compiler, not from reading the
 * source as text; the runtime ones are checked against what Node actually imports.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const INDEX = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const API_DOC = fileURLToPath(new URL('../../docs/api.md', import.meta.url));

/** Every name a module exports, values and types, as the compiler sees them. */
function exportedNames(file: string): { values: string[]; types: string[] } {
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const values: string[] = [];
  const types: string[] = [];
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
  }
  return { values: values.sort(), types: types.sort() };
}

/** The names in the first column of the tables in a Markdown page, in backticks. */
export function documentedNames(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((match) => match[1]!));
}

describe('documentedNames', () => {
  it('reads the backticked names of the first column only', () => {
    const page = ['| Name | What |', '| --- | --- |', '| `a`, `B` | about `c` |', 'text `d`', '| `e` | |'].join('\n');
    expect(documentedNames(page)).toEqual(['a', 'B', 'e']);
  });
});

describe('the public API (src/index.ts, docs/api.md)', () => {
  let exported: { values: string[]; types: string[] };
  beforeAll(() => {
    exported = exportedNames(INDEX);
  }, 60_000);

  it('docs/api.md describes every exported name, once, and no other', () => {
    const documented = documentedNames(readFileSync(API_DOC, 'utf8'));
    const all = [...exported.values, ...exported.types];
    expect(documented.filter((name, index) => documented.indexOf(name) !== index)).toEqual([]);
    expect(all.filter((name) => !documented.includes(name))).toEqual([]);
    expect(documented.filter((name) => !all.includes(name))).toEqual([]);
  });

  it('exports at run time exactly the values the compiler sees, each defined', async () => {
    const module = (await import('../../src/index.js')) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual(exported.values);
    expect(
      Object.entries(module)
        .filter(([, value]) => value === undefined)
        .map(([name]) => name),
    ).toEqual([]);
  });

  it('keeps the internals internal: no view-model plumbing of the elements, no geometry', () => {
    // A few names each element uses internally, which `export *` used to make public.
    for (const name of [
      'takePortion',
      'seatBarModel',
      'parliamentLayout',
      'AnnouncementBatcher',
      'parseTickerFilter',
      'chooseColumns',
      'hexGrid',
    ]) {
      expect(exported.values).not.toContain(name);
    }
  });
});
