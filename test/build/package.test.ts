/**
 * The npm package as a consumer gets it: built (test/ensure-build.mjs builds dist/ when it is
 * stale), checked by publint, and its types resolved through the exports map by TypeScript
 * from a consumer project, under both module resolutions consumers use (bundler and node16).
 * Also: the builder's option table names only attributes the elements have.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { ensureBuild } from '../ensure-build.mjs';
import { widgetOptions, WIDGETS } from '../../src/embed/widget-options.js';
import { VERSION } from '../../src/version.js';
import { VERSION as LOADER_VERSION } from '../../src/tally.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  customElements: string;
  bin: { tally: string };
};

beforeAll(() => {
  (ensureBuild as (options: { log: (line: string) => void }) => boolean)({ log: (line) => console.log(line) });
}, 240_000);

describe('the package', () => {
  it('is publint clean (suggestions included)', async () => {
    const { messages } = await publint({ pkgDir: ROOT, level: 'suggestion', strict: true });
    expect(messages.map((message) => formatMessage(message, pkg as never) ?? message.code)).toEqual([]);
  });

  it('carries its version into the bundles (what a second copy on a page compares)', () => {
    expect(VERSION).toBe(pkg.version);
    // The loader's own copy (it shares no module with the widgets' chunks).
    expect(LOADER_VERSION).toBe(pkg.version);
    expect(readFileSync(join(ROOT, 'dist/tally.js'), 'utf8')).toContain(`\`${pkg.version}\``);
  });

  it('ships Lit’s production build in the script-tag bundles and the iframe page, whatever NODE_ENV the build ran under', () => {
    // This test runs under Vitest (NODE_ENV=test), and so did the build ensureBuild may have made.
    const js = (dir: string) =>
      readdirSync(join(ROOT, 'dist', dir))
        .filter((name) => name.endsWith('.js'))
        .map((name) => `${dir}/${name}`);
    // The loader's chunks (Lit is in the shared one) and the iframe page's.
    const files = ['tally.js', 'tally.classic.js', ...js('chunks'), ...js('embed')];
    expect(files.some((file) => file.startsWith('chunks/shared-'))).toBe(true);
    const withDevLit = files.filter((file) =>
      readFileSync(join(ROOT, 'dist', file), 'utf8').includes('Lit is in dev mode'),
    );
    expect(withDevLit).toEqual([]);
  });

  it('points at a custom elements manifest that describes the five elements', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, pkg.customElements), 'utf8')) as {
      modules: { declarations?: { tagName?: string }[] }[];
    };
    const tags = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []));
    expect(tags.sort()).toEqual(WIDGETS.map((widget) => widget.tag).sort());
  });

  it('offers in the builder only options that are attributes of the element', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, pkg.customElements), 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const attributes = new Map(
      manifest.modules
        .flatMap((module) => module.declarations ?? [])
        .map((declaration) => [
          declaration.tagName,
          new Set((declaration.attributes ?? []).map((attribute) => attribute.name)),
        ]),
    );
    for (const widget of WIDGETS) {
      const missing = widgetOptions(widget.name)
        .map((option) => option.name)
        .filter((name) => !attributes.get(widget.tag)?.has(name));
      expect(missing, widget.tag).toEqual([]);
    }
  });
});

describe('the iframe page build', () => {
  it('writes TALLY_FEED_ORIGINS into the page’s allowlist, with nothing that could break out of the attribute', () => {
    const out = mkdtempSync(join(tmpdir(), 'tally-frame-build-'));
    try {
      const result = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--mode',
          'frame',
          '--outDir',
          out,
          '--logLevel',
          'error',
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: {
            ...process.env,
            TALLY_FEED_ORIGINS:
              'https://results.example.org, https://feeds.partner.example "><script>alert(1)</script>',
          },
        },
      );
      expect(result.status, result.stderr).toBe(0);
      const page = readFileSync(join(out, 'embed.html'), 'utf8');
      expect(page).toContain(
        '<meta name="tally-feed-origins" content="https://results.example.org, https://feeds.partner.example scriptalert(1)/script" />',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the build', () => {
  it('prints no warning from Vite about its config (configLoader native)', () => {
    const out = mkdtempSync(join(tmpdir(), 'tally-resizer-build-'));
    try {
      const result = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'resizer', '--outDir', out],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/configLoader|VITE_CONFIG_NATIVE_IGNORE_WARNING/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('stamps dist/ from every `npm run build`, so that tests after `npm start` build nothing again', () => {
    const build = (pkg as unknown as { scripts: Record<string, string | undefined> }).scripts.build!.split(' && ');
    expect(build[0]).toBe('node test/ensure-build.mjs --stamp-begin');
    expect(build.at(-1)).toBe('node test/ensure-build.mjs --stamp-end');
    expect(readFileSync(join(ROOT, 'demo/start.mjs'), 'utf8')).toContain("['run', '--silent', 'build']");
  });
});

describe('npm pack', () => {
  // Inside the checkout, so that the unpacked package finds lit, d3 and valibot in its node_modules
  // as an installed one would find them in the project's.
  let project: string;
  let files: string[];
  beforeAll(() => {
    mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
    project = mkdtempSync(join(ROOT, 'node_modules/.cache/tally-pack-'));
    // dist/ is built (beforeAll above): pack what is there, as `npm publish` would after prepack.
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    const [report] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    files = report!.files.map((file) => file.path);
    mkdirSync(join(project, 'node_modules/tally-widgets'), { recursive: true });
    const unpacked = spawnSync(
      'tar',
      [
        '-xzf',
        join(project, report!.filename),
        '-C',
        join(project, 'node_modules/tally-widgets'),
        '--strip-components=1',
      ],
      { encoding: 'utf8' },
    );
    expect(unpacked.status, unpacked.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('holds every file the exports map names, the manifest, the docs, and no build stamp or screenshots', () => {
    const targets = Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target as Record<string, string>),
    );
    const missing = targets.map((target) => target.replace(/^\.\//, '')).filter((path) => !files.includes(path));
    expect(missing).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'custom-elements.json',
        'dist/tally.css',
        'dist/embed.html',
        'docs/feed.md',
        'docs/quick-start.md',
      ]),
    );
    expect(
      files.filter(
        (path) =>
          path === 'dist/.build-inputs' ||
          path.startsWith('docs/screenshots/') ||
          path.startsWith('src/') ||
          path.startsWith('test/'),
      ),
    ).toEqual([]);
  });

  it('installed in a project, imports and works in Node: the root, the schema, each element entry', () => {
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(
      join(project, 'consumer.mjs'),
      `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateFeed, stateOfParties } from 'tally-widgets';
const feed = JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'test/fixtures/local-small.json'))}, 'utf8'));
const checked = validateFeed(feed);
const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('tally-widgets/schema.json')), 'utf8'));
const entries = ['seat-bar', 'party-table', 'council-list', 'ticker', 'area-result', 'tally.js', 'tally.css'].map((entry) => fileURLToPath(import.meta.resolve('tally-widgets/' + entry)));
console.log(JSON.stringify({ ok: checked.ok, parties: stateOfParties(checked.feed).parties.length, schema: schema.$id ?? schema.title, entries: entries.map((path) => path.includes('/node_modules/tally-widgets/dist/')) }));
`,
    );
    const result = spawnSync(process.execPath, ['consumer.mjs'], { cwd: project, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { ok: boolean; parties: number; schema: string; entries: boolean[] };
    expect(out.ok).toBe(true);
    expect(out.parties).toBeGreaterThan(0);
    expect(out.schema).toBeTruthy();
    expect(out.entries).toEqual([true, true, true, true, true, true, true]);
  }, 60_000);

  it('installed, the tally command renders and snapshots with every message it needs (none lost to tree-shaking)', () => {
    const tally = join(project, 'node_modules/tally-widgets', pkg.bin.tally);
    const fixture = join(ROOT, 'test/fixtures/local-small.json');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [tally, ...args], { cwd: project, encoding: 'utf8' });
    const svg = run('snapshot', 'seat-bar', '--feed', fixture, '--format', 'svg', '--source', 'PA Media');
    expect(svg.status, svg.stderr).toBe(0);
    expect(svg.stderr).not.toContain('missing message');
    expect(svg.stdout).toMatch(/Results at \d\d:\d\d/);
    expect(svg.stdout).toContain('PA Media');
    const welsh = run('render', 'party-table', '--feed', fixture, '--attr', 'lang=cy');
    expect(welsh.status, welsh.stderr).toBe(0);
    expect(welsh.stderr).not.toContain('missing message');
    expect(welsh.stdout).toContain('<tally-party-table');
  }, 60_000);
});

describe('types through the exports map', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'tally-consumer-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(ROOT, join(project, 'node_modules', pkg.name), 'dir');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { validateFeed, embedCodes, boxStylesheet, FRAME_MESSAGE_TYPE, TallySeatBar, type FeedValidation } from 'tally-widgets';
import { TallySeatBar as RegisteredSeatBar } from 'tally-widgets/seat-bar';
import { TallyPartyTable } from 'tally-widgets/party-table';
import { TallyCouncilList } from 'tally-widgets/council-list';
import { TallyTicker } from 'tally-widgets/ticker';
import { TallyAreaResult } from 'tally-widgets/area-result';
import { Tally, VERSION } from 'tally-widgets/tally.js';
import 'tally-widgets/tally-frame.js';

export const checked: FeedValidation = validateFeed({});
export const same: typeof TallySeatBar = RegisteredSeatBar;
export const names: string[] = [TallyPartyTable, TallyCouncilList, TallyTicker, TallyAreaResult].map((element) => element.name);
export const created: TallyTicker = document.createElement('tally-ticker');
export const version: string = Tally.version + VERSION;
export const upgraded: HTMLElement[] = Tally.load(document.body);
export const css: string = boxStylesheet();
export const type: 'tally:frame-height' = FRAME_MESSAGE_TYPE;
export const code: string = embedCodes({ widget: 'ticker', feed: 'https://example.org/f.json', assets: 'https://example.org/', title: 'Latest' }).iframe;
// @ts-expect-error: widget names are checked (the types are real, not any)
embedCodes({ widget: 'pie-chart', feed: '', assets: '', title: '' });
`,
    );
    // Only what the exports map offers: a deep path into dist/ is not part of the package.
    writeFileSync(
      join(project, 'private.ts'),
      `import { TallySeatBar } from 'tally-widgets/dist/types/components/seat-bar/seat-bar.js';\nexport const element = TallySeatBar;\n`,
    );
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  /** Type-check both consumer files at once; returns tsc's output. */
  function compile(module: 'bundler' | 'node16'): string {
    const options = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: module === 'bundler' ? 'ESNext' : 'Node16',
        moduleResolution: module === 'bundler' ? 'Bundler' : 'Node16',
        types: [],
        // Our own declaration files are checked too; only third-party ones are trusted.
        skipLibCheck: false,
      },
      files: ['consumer.ts', 'private.ts'],
    };
    const config = join(project, `tsconfig.${module}.json`);
    writeFileSync(config, JSON.stringify(options));
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config, '--pretty', 'false'],
      { cwd: project, encoding: 'utf8' },
    );
    return `${result.stdout}${result.stderr}`.trim();
  }

  for (const module of ['bundler', 'node16'] as const) {
    it(`resolve for every entry, and only through the exports map (moduleResolution ${module})`, () => {
      const errors = compile(module).split('\n').filter(Boolean);
      // consumer.ts type-checks; private.ts reaches into dist/ past the exports map and fails.
      expect(errors.filter((line) => !line.startsWith('private.ts'))).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^private\.ts\(1,\d+\): error TS2307: Cannot find module 'tally-widgets\/dist\/types\/components\/seat-bar\/seat-bar\.js'/,
      );
    }, 60_000);
  }
});
