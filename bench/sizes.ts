/**
 * What a reader downloads: the production builds made in memory from the current sources with
 * the project's own vite.config.ts, measured as minified bytes and gzip -9 bytes (node:zlib).
 * Shared by the budget test (test/unit/budget.test.ts) and `npm run bench`.
 *
 * The iframe page's JavaScript is every script the page loads for one widget: its entry and
 * what that imports, plus the chunks the widget's own code is split into when the page loads
 * it on demand. The figure is the largest over the four widgets.
 */
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
  return withProductionEnv(async () => onlyChunk(await buildMode('bundle'), 'tally.js').code);
}

async function withProductionEnv<T>(run: () => Promise<T>): Promise<T> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Build the script-tag bundle, the resizer and the iframe page in memory and measure them.
 * NODE_ENV is production while building, as under `npm run build`: Vite picks packages'
 * development builds (Lit's is 4 KB larger) when it is anything else, and Vitest sets "test".
 */
export async function measureBundles(): Promise<BundleSizes> {
  return withProductionEnv(async () => {
    const tally = onlyChunk(await buildMode('bundle'), 'tally.js');
    const resizer = onlyChunk(await buildMode('resizer'), 'tally-frame.js');
    const frame = await buildMode('frame');
    return { tally: sizeOf(tally.code), frameResizer: sizeOf(resizer.code), framePage: framePageSizes(frame) };
  });
}

/** "70.4 KB" (1 KB = 1024 bytes, as in the budgets). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
