/**
 * What a reader downloads: the production builds made in memory from the current sources with
 * the project's own vite.config.ts, measured as minified bytes and gzip -9 bytes (node:zlib).
 * Shared by the budget test (test/build/budget.test.ts) and `npm run bench`.
 *
 * The iframe page's JavaScript is every script the page loads for one widget: its entry and
 * what that imports, plus the chunks the widget's own code is split into when the page loads
 * it on demand. The figure is the largest over the four widgets.
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

export interface BundleSizes {
  /** dist/tally.js: every element, the feed source and the placeholder loader. */
  readonly tally: Size;
  /** dist/tally-frame.js: the resizer a host page loads beside its iframes. */
  readonly frameResizer: Size;
  /** The iframe page: all JavaScript it loads, for the widget that needs most. */
  readonly framePage: Size & { readonly widget: string; readonly perWidget: Readonly<Record<string, Size>> };
}

export function sizeOf(code: string | Uint8Array): Size {
  const buffer = typeof code === 'string' ? Buffer.from(code) : Buffer.from(code);
  return { bytes: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
}

type Output = Rolldown.RolldownOutput['output'][number];
type Chunk = Extract<Output, { type: 'chunk' }>;

async function buildMode(mode: string): Promise<Output[]> {
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

/** Scripts of the iframe page: its entry's static imports always, plus each widget's dynamic chunks. */
function framePageSizes(outputs: Output[]): BundleSizes['framePage'] {
  const chunks = new Map(outputs.filter((item): item is Chunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const html = outputs.find((item) => item.type === 'asset' && item.fileName.endsWith('.html'));
  const htmlText = html && html.type === 'asset' ? String(html.source) : '';
  const inline = [...htmlText.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join('\n');
  const entries = [...chunks.values()].filter((chunk) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry script for the iframe page, found ${entries.length}`);
  const closure = (start: Chunk, into = new Set<string>()) => {
    if (into.has(start.fileName)) return into;
    into.add(start.fileName);
    for (const name of start.imports) closure(chunks.get(name)!, into);
    return into;
  };
  const base = closure(entries[0]!);
  const measure = (files: Set<string>) => {
    const sizes = [...files].map((file) => sizeOf(chunks.get(file)!.code));
    const extra = inline ? sizeOf(inline) : { bytes: 0, gzip: 0 };
    // Each file is a separate download, each gzipped on its own.
    return sizes.reduce((total, size) => ({ bytes: total.bytes + size.bytes, gzip: total.gzip + size.gzip }), extra);
  };
  const perWidget: Record<string, Size> = {};
  for (const dynamic of entries[0]!.dynamicImports) {
    const chunk = chunks.get(dynamic)!;
    const widget = /components\/([\w-]+)\//.exec(chunk.facadeModuleId ?? '')?.[1] ?? chunk.name;
    perWidget[widget] = measure(closure(chunk, new Set(base)));
  }
  if (Object.keys(perWidget).length === 0) perWidget['every widget'] = measure(base);
  const [widget, largest] = Object.entries(perWidget).sort((a, b) => b[1].gzip - a[1].gzip)[0]!;
  return { ...largest, widget, perWidget };
}

/** The production script-tag bundle (dist/tally.js), built in memory from the current sources. */
export async function buildTallyBundle(): Promise<string> {
  return onlyChunk(await buildMode('bundle'), 'tally.js').code;
}

/**
 * Build the script-tag bundle, the resizer and the iframe page in memory and measure them. Under
 * any NODE_ENV (Vitest sets "test") they are the production builds: vite.config.ts names Lit's
 * production build for them.
 */
export async function measureBundles(): Promise<BundleSizes> {
  const tally = onlyChunk(await buildMode('bundle'), 'tally.js');
  const resizer = onlyChunk(await buildMode('resizer'), 'tally-frame.js');
  const frame = await buildMode('frame');
  return { tally: sizeOf(tally.code), frameResizer: sizeOf(resizer.code), framePage: framePageSizes(frame) };
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
    writeFileSync(entry, source.replaceAll('@src/', `${join(ROOT, 'src')}/`).replaceAll('@nm/', `${join(ROOT, 'node_modules')}/`));
    const result = await build({
      configFile: CONFIG,
      root: ROOT,
      mode: 'bundle',
      logLevel: 'silent',
      build: { write: false, sourcemap: false, emptyOutDir: false, lib: { entry, formats: ['es'], fileName: () => 'entry.js' } },
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
