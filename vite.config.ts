/**
 * Two builds:
 *   npm run build        → dist/: the library, src/index.ts as an ES module, dependencies external
 *   npm run build:demo   → dist-demo/: every demo page (demo/**\/*.html) as a static site with
 *                          relative URLs, so it works from any static host and any sub-path
 *                          (the script then writes the final feeds into dist-demo/feeds/)
 * Script-tag bundles for embedding come later, as extra entries here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Folders under demo/ that hold data or Node code, not pages. */
const NOT_PAGES = new Set(['data', 'feeds', 'server', 'public', 'node_modules']);

function demoPages(): Record<string, string> {
  const demoDir = join(root, 'demo');
  const pages: Record<string, string> = {};
  for (const name of readdirSync(demoDir, { recursive: true }).map(String)) {
    if (!name.endsWith('.html') || NOT_PAGES.has(name.split(sep)[0]!)) continue;
    const key = name.slice(0, -'.html'.length).split(sep).join('/');
    pages[key] = join(demoDir, name);
  }
  return pages;
}

function library(): UserConfig {
  const entry = join(root, 'src/index.ts');
  if (!existsSync(entry)) {
    throw new Error('src/index.ts is missing: the library build starts from it (the lead engineer is adding it).');
  }
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const external = Object.keys(dependencies);
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      lib: { entry, formats: ['es'], fileName: 'index' },
      rolldownOptions: {
        // Consumers bundle lit, valibot and d3 once for their whole page; script-tag bundles
        // (later) will include them instead.
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  };
}

function demo(): UserConfig {
  const pages = demoPages();
  if (Object.keys(pages).length === 0) throw new Error('No demo pages: expected demo/index.html.');
  return {
    root: join(root, 'demo'),
    base: './',
    build: {
      outDir: resolve(root, 'dist-demo'),
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: pages },
    },
  };
}

export default defineConfig(({ mode }) => (mode === 'demo' ? demo() : library()));
