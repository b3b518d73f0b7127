/**
 * What a reader downloads: the production builds made in memory from the current sources with
 * the project's own vite.config.ts, measured as minified bytes and gzip -9 bytes (node:zlib).
 * Shared by the budget test (test/build/budget.test.ts) and `npm run bench`.
 *
 * A page is measured as the set of files it fetches, each gzipped on its own (each is a separate
 * download), read from the build's import graph:
 * - the loader alone (`dist/tally.js`): a page with no widget;
 * - a page with one widget: the loader, the element's chunk and what that imports, and the chunk
 *   the loader fetches beside it (the message store, in the shared chunk);
 * - a page with every widget: all of those, each file once;
 * - the iframe page for one widget: its entry and what it imports, its inline script, the
 *   widget's chunk and what that imports;
 * - the classic bundle, one file; the resizer, one file.
 * Welsh is measured apart: only a page with a widget in Welsh fetches it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export interface Size {
  /** Minified bytes. */
  readonly bytes: number;
  /** gzip -9 bytes. */
  readonly gzip: number;
}

/** What one page fetches: its JavaScript files (build names) and their total size. */
export interface PageSize extends Size {
  readonly files: readonly string[];
}

/** Sizes by budget key (bench/budgets.ts): `loader`, `page:<widget>`, `page:all`, `frame:<widget>`, `classic`, `frameResizer`; and `welsh`. */
export type BundleSizes = Readonly<Record<string, PageSize>>;

export function sizeOf(code: string | Uint8Array): Size {
  const buffer = typeof code === 'string' ? Buffer.from(code) : Buffer.from(code);
  return { bytes: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
}

type Output = Rolldown.RolldownOutput['output'][number];
type Chunk = Extract<Output, { type: 'chunk' }>;

export async function buildMode(mode: string): Promise<Output[]> {
  const result = await build({
    configFile: CONFIG,
    root: mode === 'frame' ? undefined : ROOT,
    mode,
    logLevel: 'silent',
    build: { write: false, sourcemap: false, emptyOutDir: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((output) => output.output);
}

function onlyChunk(outputs: Output[], fileName: string): Chunk {
  const chunks = outputs.filter((item): item is Chunk => item.type === 'chunk');
  const chunk = chunks.find((item) => item.fileName === fileName) ?? (chunks.length === 1 ? chunks[0] : undefined);
  if (!chunk) throw new Error(`the build made no ${fileName} (made ${chunks.map((item) => item.fileName).join(', ')})`);
  return chunk;
}

/** The import graph of one build's chunks. */
export class ChunkGraph {
  readonly chunks: ReadonlyMap<string, Chunk>;

  constructor(outputs: Output[]) {
    this.chunks = new Map(
      outputs.filter((item): item is Chunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
    );
  }

  /** The single entry chunk. */
  entry(): Chunk {
    const entries = [...this.chunks.values()].filter((chunk) => chunk.isEntry);
    if (entries.length !== 1)
      throw new Error(`expected one entry chunk, found ${entries.map((chunk) => chunk.fileName).join(', ') || 'none'}`);
    return entries[0]!;
  }

  /** `start` and every chunk it imports statically, directly or not. */
  closure(start: Chunk, into = new Set<string>()): Set<string> {
    if (into.has(start.fileName)) return into;
    into.add(start.fileName);
    for (const name of start.imports) this.closure(this.chunks.get(name)!, into);
    return into;
  }

  /** The chunk whose own module is `pattern` (an element's register.ts, a locale's index.ts). */
  facade(pattern: RegExp): Chunk | undefined {
    return [...this.chunks.values()].find((chunk) => pattern.test(chunk.facadeModuleId ?? ''));
  }

  /** The chunk that holds the module matching `pattern`. */
  holding(pattern: RegExp): Chunk | undefined {
    return [...this.chunks.values()].find((chunk) => chunk.moduleIds.some((id) => pattern.test(id)));
  }

  /** Each element's chunk, by widget name (its folder under src/components). */
  widgets(): Map<string, Chunk> {
    const found = new Map<string, Chunk>();
    for (const chunk of this.chunks.values()) {
      const widget = /components[\\/]([\w-]+)[\\/]register\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
      if (widget) found.set(widget, chunk);
    }
    return found;
  }

  measure(files: Iterable<string>, extra = ''): PageSize {
    const list = [...files].sort();
    const sizes = list.map((file) => sizeOf(this.chunks.get(file)!.code));
    const start = extra ? sizeOf(extra) : { bytes: 0, gzip: 0 };
    const total = sizes.reduce((sum, size) => ({ bytes: sum.bytes + size.bytes, gzip: sum.gzip + size.gzip }), start);
    return { ...total, files: list };
  }
}

const STORE = /i18n[\\/]message-store\.ts$/;
const WELSH = /i18n[\\/]locales[\\/]cy\.ts$/;

/** The script-tag build (`vite build --mode bundle`): the loader, each one-widget page, every widget, Welsh. */
export function scriptTagSizes(outputs: Output[]): Record<string, PageSize> {
  const graph = new ChunkGraph(outputs);
  const loader = graph.entry();
  if (loader.fileName !== 'tally.js')
    throw new Error(`the script-tag build's entry is ${loader.fileName}, not tally.js`);
  const base = graph.closure(loader);
  const store = graph.holding(STORE);
  if (!store) throw new Error('no chunk holds the message store');
  const sizes: Record<string, PageSize> = { loader: graph.measure(base) };
  const all = new Set(base);
  for (const [widget, chunk] of graph.widgets()) {
    const files = graph.closure(store, graph.closure(chunk, new Set(base)));
    sizes[`page:${widget}`] = graph.measure(files);
    for (const file of files) all.add(file);
  }
  sizes['page:all'] = graph.measure(all);
  const welsh = graph.holding(WELSH);
  if (!welsh) throw new Error('the script-tag build has no Welsh chunk');
  sizes.welsh = graph.measure([welsh.fileName]);
  return sizes;
}

/** The iframe page (`vite build --mode frame`): every script it loads, for each widget. */
export function framePageSizes(outputs: Output[]): Record<string, PageSize> {
  const graph = new ChunkGraph(outputs);
  const html = outputs.find((item) => item.type === 'asset' && item.fileName.endsWith('.html'));
  const htmlText = html && html.type === 'asset' ? String(html.source) : '';
  const inline = [...htmlText.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1]!)
    .join('\n');
  const base = graph.closure(graph.entry());
  const sizes: Record<string, PageSize> = {};
  for (const [widget, chunk] of graph.widgets())
    sizes[`frame:${widget}`] = graph.measure(graph.closure(chunk, new Set(base)), inline);
  if (Object.keys(sizes).length === 0)
    throw new Error('the iframe page has no widget chunk: is each widget still loaded with import()?');
  return sizes;
}

/** The script-tag build's files (name → code), as a CDN would serve them: for the bench's pages. */
export async function buildScriptTagFiles(): Promise<Map<string, string | Uint8Array>> {
  const outputs = await buildMode('bundle');
  return new Map(outputs.map((item) => [item.fileName, item.type === 'chunk' ? item.code : item.source]));
}

/**
 * Build the script-tag loader and its chunks, the classic bundle, the resizer and the iframe page
 * in memory and measure them. Under any NODE_ENV (Vitest sets "test") they are the production
 * builds: vite.config.ts names Lit's production build for them.
 */
export async function measureBundles(): Promise<BundleSizes> {
  const scriptTag = scriptTagSizes(await buildMode('bundle'));
  const classic = onlyChunk(await buildMode('classic'), 'tally.classic.js');
  const resizer = onlyChunk(await buildMode('resizer'), 'tally-frame.js');
  const frame = framePageSizes(await buildMode('frame'));
  return {
    ...scriptTag,
    ...frame,
    classic: { ...sizeOf(classic.code), files: [classic.fileName] },
    frameResizer: { ...sizeOf(resizer.code), files: [resizer.fileName] },
  };
}

/** What each piece costs on its own: one small entry, built and minified like dist/tally.js. */
export const COMPOSITION: Readonly<Record<string, string>> = {
  'lit (LitElement, html, svg, css, directives used)':
    "import { LitElement, html, svg, css, nothing } from 'lit'; import { repeat } from 'lit/directives/repeat.js'; import { guard } from 'lit/directives/guard.js'; import { live } from 'lit/directives/live.js'; export { LitElement, html, svg, css, nothing, repeat, guard, live };",
  'valibot + feed validation (validateFeed)': "export { validateFeed } from '@src/feed/validate.js';",
  'feed source (polling, validation, registry)': "export { feedSourceFor } from '@src/feed/registry.js';",
  'shared widget code (controller, status line, styles, palette)':
    "export { FeedController } from '@src/components/shared/feed-controller.js'; export * from '@src/components/shared/feed-status.js'; export { widgetStyles } from '@src/components/shared/styles.js'; export { partyPalette } from '@src/components/shared/palette.js';",
  '<tally-seat-bar> alone': "import '@src/components/seat-bar/register.js';",
  '<tally-party-table> alone': "import '@src/components/party-table/register.js';",
  '<tally-council-list> alone': "import '@src/components/council-list/register.js';",
  '<tally-ticker> alone': "import '@src/components/ticker/register.js';",
  '<tally-area-result> alone': "import '@src/components/area-result/register.js';",
  // Not used: from d3-scale's published file, as an import of it would be tree-shaken.
  "d3-scale's scaleLinear (not used)": "export { scaleLinear } from '@nm/d3-scale/dist/d3-scale.mjs';",
  "d3-scale's scaleBand (not used)": "export { scaleBand } from '@nm/d3-scale/dist/d3-scale.mjs';",
  // Used: through vite.d3.ts, as the shipped builds have them.
  "d3-shape's arc (used: hemicycle sectors)": "export { arc } from 'd3-shape';",
  "d3-scale's scaleOrdinal (used: fallback party colours)": "export { scaleOrdinal } from 'd3-scale';",
};

/** Sizes of the COMPOSITION entries, with the project's build (templates minified, production Lit). */
export async function measureComposition(): Promise<Record<string, Size>> {
  const dir = join(ROOT, 'node_modules', '.cache', 'tally-bench');
  mkdirSync(dir, { recursive: true });
  const sizes: Record<string, Size> = {};
  for (const [label, source] of Object.entries(COMPOSITION)) {
    const entry = join(dir, `entry-${Object.keys(sizes).length}.ts`);
    writeFileSync(
      entry,
      source.replaceAll('@src/', `${join(ROOT, 'src')}/`).replaceAll('@nm/', `${join(ROOT, 'node_modules')}/`),
    );
    const result = await build({
      configFile: CONFIG,
      root: ROOT,
      mode: 'bundle',
      logLevel: 'silent',
      build: {
        write: false,
        sourcemap: false,
        emptyOutDir: false,
        lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = outputs.flatMap((output) => output.output).find((item): item is Chunk => item.type === 'chunk');
    if (!chunk) throw new Error(`no output for ${label}`);
    sizes[label] = sizeOf(chunk.code);
  }
  return sizes;
}

/** "70.4 KB" (1 KB = 1024 bytes, as in the budgets). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
