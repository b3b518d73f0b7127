/**
 * Size budgets (issues 11 and 20): the production builds are made in memory from the current
 * sources and weighed with gzip -9, page by page: the loader alone, each one-widget page, every
 * widget together, Welsh, each iframe page, the classic bundle and the resizer. The figures are
 * printed on every run. Budgets not met yet are held by a ratchet (bench/budgets.ts) so they can
 * only go down; the gap is printed.
 *
 * The script-tag build's shape is checked here too, from its import graph: the loader imports
 * nothing until a widget appears, a one-widget page makes at most three script requests, no
 * module (Lit included) is in two files, and Welsh is only in its own file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, enforcedLimit, type Budget } from '../../bench/budgets';
import { buildMode, ChunkGraph, framePageSizes, kb, scriptTagSizes, sizeOf, type PageSize } from '../../bench/sizes';
import { WIDGET_CODE } from '../../src/embed/widgets';
import { cy } from '../../src/i18n/locales/cy';

type Outputs = Awaited<ReturnType<typeof buildMode>>;
let sizes: Record<string, PageSize>;
let scriptTag: ChunkGraph;

beforeAll(async () => {
  const bundle: Outputs = await buildMode('bundle');
  scriptTag = new ChunkGraph(bundle);
  const one = (outputs: Outputs, name: string): PageSize => {
    const chunk = new ChunkGraph(outputs).chunks.get(name);
    if (!chunk) throw new Error(`the build made no ${name}`);
    return { ...sizeOf(chunk.code), files: [name] };
  };
  sizes = {
    ...scriptTagSizes(bundle),
    ...framePageSizes(await buildMode('frame')),
    classic: one(await buildMode('classic'), 'tally.classic.js'),
    frameResizer: one(await buildMode('resizer'), 'tally-frame.js'),
  };
  const lines = Object.entries(BUDGETS).map(([key, budget]) => line(budget, sizes[key]));
  console.log(['Size budgets (gzip -9; a page is every file it fetches, each gzipped):', ...lines].join('\n'));
}, 120_000);

function line(budget: Budget, size: PageSize | undefined): string {
  if (!size) return `  ??    ${budget.label}: not measured`;
  const figures = `${kb(size.gzip).padStart(9)} gzip (${kb(size.bytes)} minified, ${size.files.length} file${size.files.length === 1 ? '' : 's'})`;
  if (size.gzip <= budget.budget) return `  ok    ${budget.label}: ${figures}, budget ${kb(budget.budget)}`;
  return `  OVER  ${budget.label}: ${figures}, budget ${kb(budget.budget)}: ${kb(size.gzip - budget.budget)} OVER BUDGET (ratchet ${kb(enforcedLimit(budget))})`;
}

const widgetNames = Object.keys(WIDGET_CODE).map((tag) => tag.replace(/^tally-/, ''));

describe('size budgets', () => {
  for (const [key, budget] of Object.entries(BUDGETS)) {
    it(`${budget.label}: within its budget, or under its ratchet while over it`, () => {
      expect(sizes[key], `${key} was not measured`).toBeDefined();
      expect(sizes[key]!.gzip).toBeLessThanOrEqual(enforcedLimit(budget));
    });
  }

  it('has a one-widget page and an iframe page budget for every element, and measures each', () => {
    for (const widget of widgetNames) {
      expect(BUDGETS[`page:${widget}`], `add a 'page:${widget}' budget to bench/budgets.ts`).toBeDefined();
      expect(BUDGETS[`frame:${widget}`], `add a 'frame:${widget}' budget to bench/budgets.ts`).toBeDefined();
      expect(sizes[`page:${widget}`]).toBeDefined();
      expect(sizes[`frame:${widget}`]).toBeDefined();
    }
  });

  it('keeps a ratchet only while the budget is not met', () => {
    for (const [key, budget] of Object.entries(BUDGETS)) {
      if (budget.ratchet === undefined) continue;
      expect(
        sizes[key]!.gzip,
        `${budget.label} is within budget: remove its ratchet in bench/budgets.ts`,
      ).toBeGreaterThan(budget.budget);
    }
  });

  it('measures real builds (a broken build cannot pass as a small one)', () => {
    // The resizer is a few hundred bytes of real code; every widget is far above that.
    expect(sizes.frameResizer!.bytes).toBeGreaterThan(200);
    expect(sizes.loader!.bytes).toBeGreaterThan(1024);
    for (const widget of widgetNames) {
      expect(sizes[`page:${widget}`]!.bytes).toBeGreaterThan(20 * 1024);
      expect(sizes[`frame:${widget}`]!.bytes).toBeGreaterThan(20 * 1024);
    }
    expect(sizes['page:all']!.bytes).toBeGreaterThan(sizes['page:council-list']!.bytes);
    expect(sizes.classic!.bytes).toBeGreaterThan(sizes['page:all']!.bytes);
  });
});

describe('the script-tag build', () => {
  it('is a loader that imports nothing until a widget appears, and fetches each element’s code with import()', () => {
    const loader = scriptTag.entry();
    expect(loader.fileName).toBe('tally.js');
    expect(loader.imports).toEqual([]);
    const widgetChunks = [...scriptTag.widgets().values()].map((chunk) => chunk.fileName);
    expect(widgetChunks).toHaveLength(widgetNames.length);
    for (const file of widgetChunks) expect(loader.dynamicImports).toContain(file);
  });

  it('names every chunk by its content hash, under chunks/', () => {
    for (const name of scriptTag.chunks.keys())
      if (name !== 'tally.js') expect(name).toMatch(/^chunks\/[\w-]+-[\w-]{8}\.js$/);
  });

  it('makes at most three script requests for a page with one widget', () => {
    for (const widget of widgetNames) expect(sizes[`page:${widget}`]!.files.length, widget).toBeLessThanOrEqual(3);
  });

  it('puts each module in one file only: one Lit, nothing fetched twice', () => {
    const seen = new Map<string, string>();
    for (const chunk of scriptTag.chunks.values()) {
      for (const id of chunk.moduleIds) {
        expect(seen.get(id), `${id} is in ${seen.get(id)} and ${chunk.fileName}`).toBeUndefined();
        seen.set(id, chunk.fileName);
      }
    }
    // Lit's core is in the shared chunk (a directive only one element uses may sit in its chunk).
    const core = [...seen].filter(([id]) =>
      /node_modules[\\/](lit-html[\\/]lit-html|lit-element[\\/]lit-element|@lit[\\/]reactive-element[\\/]reactive-element)\.js$/.test(
        id,
      ),
    );
    expect(core.map(([id]) => id.replace(/^.*node_modules[\\/]/, ''))).toHaveLength(3);
    expect(new Set(core.map(([, file]) => file)).size).toBe(1);
    expect(core[0]![1]).toMatch(/^chunks\/shared-/);
  });

  it('keeps Welsh out of every file but its own', () => {
    const welsh = scriptTag.holding(/i18n[\\/]locales[\\/]cy\.ts$/)!;
    expect(welsh.fileName).toMatch(/^chunks\/welsh-/);
    // Each element's Welsh is in the same file.
    expect(welsh.moduleIds.filter((id) => /messages\.cy\.ts$/.test(id))).toHaveLength(Object.keys(WIDGET_CODE).length);
    const sample = String(cy['status.awaiting']);
    expect(welsh.code).toContain(sample);
    for (const chunk of scriptTag.chunks.values())
      if (chunk !== welsh) expect(chunk.code, chunk.fileName).not.toContain(sample);
  });
});
