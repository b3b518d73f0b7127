/**
 * Builds (`npm run build` runs the first six in order; `npm run build:demo` the last):
 *   vite build                 → dist/: the npm package: src/index.ts (side-effect free) and one
 *                                entry per element that registers it, ES modules, lit/d3/valibot
 *                                external
 *   vite build --mode bundle   → dist/tally.js: the script-tag loader, and the chunks it fetches
 *                                on demand (dist/chunks/, content-hashed: each element's own code,
 *                                the code they share, Welsh), minified, production Lit; and
 *                                dist/tally.css, the reserved boxes host pages load before the widgets
 *   vite build --mode classic  → dist/tally.classic.js: every element in one file, for a classic
 *                                <script> (IIFE)
 *   vite build --mode resizer  → dist/tally-frame.js, the parent-page resizer for iframe embeds
 *   vite build --mode frame    → dist/embed.html: the iframe page and its script
 *   vite build --mode cli      → dist/cli/tally.js: the `tally` command (package.json "bin"), for
 *                                Node: one ES module, dependencies (commander, valibot) external,
 *                                nothing of it in the browser builds
 *   vite build --mode server   → dist/server/index.js: `tally-widgets/server`, renderWidget() and
 *                                the snapshots in Node (Lit SSR), dependencies external
 *   vite build --mode demo     → dist-demo/: every demo page (demo/**\/*.html) as a static site
 *                                with relative URLs, so it works from any static host and sub-path,
 *                                and the script-tag build copied into dist-demo/tally/
 *                                (the script then writes the final feeds into dist-demo/feeds/)
 * Environment: TALLY_FEED_ORIGINS (space/comma separated origins the iframe page may show feeds
 * from, besides its own).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyTemplates } from './vite.templates.js';
import { d3TreeShaken } from './vite.d3.js';
import { boxStylesheet } from './src/embed/boxes.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string) => join(root, 'src', path);

/** Per-element entries of the npm package: `import 'tally-widgets/seat-bar'` registers it. */
export const ELEMENT_ENTRIES = {
  'seat-bar': src('components/seat-bar/register.ts'),
  'party-table': src('components/party-table/register.ts'),
  'council-list': src('components/council-list/register.ts'),
  ticker: src('components/ticker/register.ts'),
  'area-result': src('components/area-result/register.ts'),
} as const;

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

const production = { 'process.env.NODE_ENV': JSON.stringify('production') };

/**
 * Package conditions of the builds that ship as they are (the script-tag bundles, the iframe
 * page, the demo). Vite picks `development` or `production` from the NODE_ENV of the process
 * that runs it, so a build started under a test runner (NODE_ENV=test) would ship Lit's
 * development build (dev-mode warnings, 3 KB more gzip). Name `production` always.
 */
const productionConditions = { conditions: ['module', 'browser', 'production'] };

/**
 * Copy the published JSON Schema next to the package's code, and the UK HexJSON layouts
 * (Open Innovations, MIT) to dist/layouts/, so a council list can point at them on the CDN.
 */
function copySchema(): Plugin {
  return {
    name: 'tally-copy-schema',
    closeBundle() {
      copyFileSync(src('feed/tally-feed-1.schema.json'), join(root, 'dist/tally-feed-1.schema.json'));
      const layouts = join(root, 'demo/data/hexjson');
      mkdirSync(join(root, 'dist/layouts'), { recursive: true });
      for (const name of readdirSync(layouts).filter((file) => file.endsWith('.hexjson'))) {
        copyFileSync(join(layouts, name), join(root, 'dist/layouts', name));
      }
      writeFileSync(
        join(root, 'dist/layouts/README.md'),
        'HexJSON layouts from Open Innovations hexmaps (https://github.com/odileeds/hexmaps), MIT licence, copied unmodified:\n' +
          '- uk-local-authority-districts.hexjson: 391 local authority districts, keyed by GSS code\n' +
          '- uk-constituencies-2019.hexjson: the 650 Westminster constituencies of 2019, keyed by ONS id\n',
      );
    },
  };
}

function library(): UserConfig {
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const external = Object.keys(dependencies);
  return {
    plugins: [copySchema()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      minify: false,
      lib: { entry: { index: src('index.ts'), ...ELEMENT_ENTRIES }, formats: ['es'] },
      rolldownOptions: {
        // Consumers bundle lit, valibot and d3 once for their whole page.
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  };
}

/** dist/tally.css: the reserved boxes a host page loads before its widgets (src/embed/boxes.ts). */
function boxStylesheetFile(): Plugin {
  return {
    name: 'tally-box-stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'tally.css', source: boxStylesheet() });
    },
  };
}

/**
 * How the script-tag build is split (issue 20). The loader (`tally.js`, a stable name served with a
 * short cache) imports each element's code with `import()` (src/embed/widgets.ts), so every element
 * is its own chunk. Everything that two or more chunks use (Lit, d3, the feed source, validation,
 * the message store, shared widget code) goes into ONE shared chunk, so a page with one widget
 * makes three script requests (loader, shared, the widget's own) and no module is in two files.
 * Welsh is one more chunk (src/components/shared/welsh.ts), fetched only for a widget in Welsh.
 * Chunks are named by content hash, so they can be cached for a year.
 */
export const SCRIPT_TAG_CHUNKS = {
  groups: [{ name: 'shared', minShareCount: 2 }],
};

/** `<dir>/seat-bar-<hash>.js` for an element's code (named after its folder), else `<dir>/<name>-<hash>.js`. */
const chunkFileName =
  (dir: string) =>
  (chunk: { name: string; facadeModuleId: string | null }): string => {
    const element = /[\\/]components[\\/]([\w-]+)[\\/]register\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
    return `${dir}/${element ?? chunk.name}-[hash].js`;
  };

function bundle(): UserConfig {
  return {
    define: production,
    resolve: productionConditions,
    plugins: [boxStylesheetFile()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      lib: { entry: src('tally.ts'), formats: ['es'], fileName: () => 'tally.js' },
      // Library mode keeps whitespace in ES output; the script-tag bundle wants it all gone,
      // and the /* @__PURE__ */ marks too (260 of them): nothing bundles this file again.
      rolldownOptions: {
        output: {
          minify: true,
          comments: false,
          chunkFileNames: chunkFileName('chunks'),
          codeSplitting: SCRIPT_TAG_CHUNKS,
        },
      },
    },
  };
}

/** A classic-script (IIFE) build of one entry: an IIFE build takes a single input. */
function iife(entry: string, fileName: string): UserConfig {
  return {
    define: production,
    resolve: productionConditions,
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2020',
      sourcemap: true,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'TallyBundle', fileName: () => fileName },
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  };
}

const classic = () => iife(src('embed/classic.ts'), 'tally.classic.js');
const resizer = () => iife(src('embed/tally-frame.ts'), 'tally-frame.js');

function frame(): UserConfig {
  const origins = (process.env.TALLY_FEED_ORIGINS ?? '').trim();
  return {
    root: src('embed'),
    base: './',
    define: production,
    resolve: productionConditions,
    plugins: [
      {
        name: 'tally-feed-origins',
        transformIndexHtml: (html) => html.replace('%TALLY_FEED_ORIGINS%', origins.replace(/[<>"&]/g, '')),
      },
    ],
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      assetsDir: 'embed',
      // Split as the script-tag build is: the page's entry, one chunk of what widgets share, the widget's own.
      rolldownOptions: {
        input: { embed: src('embed/embed.html') },
        output: { chunkFileNames: chunkFileName('embed'), codeSplitting: SCRIPT_TAG_CHUNKS },
      },
    },
  };
}

/**
 * The `tally` command for Node. An SSR build: Node built-ins and the package's dependencies stay
 * imports (installed with the package), our sources are bundled into one file with a shebang.
 */
function cli(): UserConfig {
  return {
    build: {
      outDir: 'dist/cli',
      emptyOutDir: true,
      target: 'node20',
      ssr: src('cli/main.ts'),
      sourcemap: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'tally.js', banner: '#!/usr/bin/env node' } },
    },
  };
}

/** The demo's API page reads the element manifest: copy it into the static site. */
function copyManifest(): Plugin {
  return {
    name: 'tally-copy-manifest',
    closeBundle() {
      const manifest = join(root, 'custom-elements.json');
      if (existsSync(manifest)) copyFileSync(manifest, join(root, 'dist-demo/custom-elements.json'));
    },
  };
}

/**
 * The embed builder's codes point at Tally's own files: copy the script-tag build (tally.js and its chunks/,
 * tally.classic.js, tally.css, tally-frame.js and the iframe page) into dist-demo/tally/, so the
 * demo serves them and its codes work when pasted. `npm start` builds dist/ first.
 */
function copyScriptTagBuild(): Plugin {
  const files = [
    'tally.js',
    'tally.js.map',
    'chunks',
    'tally.classic.js',
    'tally.classic.js.map',
    'tally.css',
    'tally-frame.js',
    'tally-frame.js.map',
    'embed.html',
    'embed',
  ];
  return {
    name: 'tally-copy-script-tag-build',
    closeBundle() {
      const missing = files.filter((file) => !existsSync(join(root, 'dist', file)));
      if (missing.length > 0) {
        this.warn(
          `dist/ has no ${missing.join(', ')}: run \`npm run build\` first, or the embed builder's iframe preview and codes point at missing files.`,
        );
        return;
      }
      for (const file of files)
        cpSync(join(root, 'dist', file), join(root, 'dist-demo/tally', file), { recursive: true });
    },
  };
}

function demo(): UserConfig {
  const pages = demoPages();
  if (Object.keys(pages).length === 0) throw new Error('No demo pages: expected demo/index.html.');
  return {
    root: join(root, 'demo'),
    base: './',
    resolve: productionConditions,
    plugins: [copyManifest(), copyScriptTagBuild()],
    build: {
      outDir: resolve(root, 'dist-demo'),
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: pages },
    },
  };
}

/**
 * `tally-widgets/server`: the widgets rendered in Node (docs/static-rendering.md). An SSR build,
 * so that Lit resolves to its Node build (no DOM touched) and dependencies stay imports.
 */
function server(): UserConfig {
  return {
    build: {
      outDir: 'dist/server',
      emptyOutDir: true,
      target: 'node20',
      ssr: src('server/index.ts'),
      sourcemap: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'index.js' } },
    },
  };
}

const MODES: Record<string, () => UserConfig> = { bundle, classic, resizer, frame, cli, server, demo };

// Every build minifies Lit's css/html/svg templates in our sources (vite.templates.ts). The builds
// that include d3 take only what they use of it (vite.d3.ts); the npm package leaves d3 to the
// consumer's bundler.
export default defineConfig(({ mode }) => {
  const config = (MODES[mode] ?? library)();
  const d3 = mode in MODES && mode !== 'cli' && mode !== 'server' ? [d3TreeShaken()] : [];
  return { ...config, plugins: [...minifyTemplates(), ...d3, ...(config.plugins ?? [])] };
});
