/**
 * `npm run bench`: Tally's sizes, its feed pipeline in Node, the publisher (`tally publish`) in
 * Node, and its widgets in headless Chromium against a hand-written vanilla baseline, as medians
 * over repeated runs. Prints a
 * table and writes bench/results.json. Absolute times depend on the machine; the ratios to the
 * baseline are measured in the same run, on the same page, and are what to compare.
 *
 *   npm run bench                       # everything (about ten minutes on two cores)
 *   npm run bench -- --runs 3           # fewer runs per scenario (default 5)
 *   npm run bench -- --only ge2019      # scenarios whose name contains a word
 *   npm run bench -- --no-browser       # sizes, the Node pipeline and the publisher only
 *   npm run bench -- --only publisher --no-browser   # the publisher's figures (and sizes)
 *   npm run bench -- --only limits      # the widgets at the documented limits (bench/limits.ts)
 *   npm run bench -- --only article --before ../main/dist
 *                                       # an article page, throttled, with each widget and all four
 *                                       # (bench/article.ts), this build against another's dist/
 *   npm run bench -- --only ssr --no-browser   # server rendering and the area pages (bench/ssr.ts)
 *   npm run bench -- --only area-switch # the result card switching area at 8,360 areas (bench/area-switch.ts)
 *
 * Environment: CHROME_PATH (the browser; default the system Chromium).
 */
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolvePartyColour } from '../src/theme/party-colours.js';
import { textColourOn } from '../src/theme/colour.js';
import { widgetStyles } from '../src/components/shared/styles.js';
import { councilListStyles } from '../src/components/council-list/council-list.styles.js';
import { tickerStyles } from '../src/components/ticker/ticker.styles.js';
import { benchDatasets, NEW_DECLARATIONS, type BenchDataset } from './feeds.js';
import { measurePipeline, type PipelineFigures } from './pipeline.js';
import {
  measureChangeToDisk,
  measurePublisherMemory,
  type PublisherLatency,
  type PublisherMemory,
} from './publisher.js';
import { buildScriptTagFiles, kb, measureBundles, measureComposition, type BundleSizes } from './sizes.js';
import { BUDGETS, enforcedLimit } from './budgets.js';
import { startBenchServer, type ServedDataset } from './server.js';
import { measureArticles, readBuild, type ArticleFigures, type BuildFiles } from './article.js';
import {
  describeScenario,
  launchBrowser,
  measureNetwork,
  measureScenarios,
  STEPS,
  type NetworkFigures,
  type Scenario,
  type ScenarioFigures,
  type StepName,
} from './browser.js';
import { limitDatasets, measureLimits, type LimitFigures } from './limits.js';
import { measureAreaSwitch, type AreaSwitchFigures } from './area-switch.js';
import { round } from './stats.js';
import { measurePages, measureServerRender, type PagesFigures, type ServerRenderFigures } from './ssr.js';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
/** Issue 19: switching the result card to another area, in ms of script. */
const AREA_SWITCH_TARGET_MS = 16;

interface Options {
  runs: number;
  only: string[];
  browser: boolean;
  /** A built dist/ to compare the article page with (`--before DIR`). */
  before: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 5, only: [], browser: true, before: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--runs') options.runs = Math.max(1, Number(argv[++i]));
    else if (arg === '--only') options.only.push(argv[++i]!);
    else if (arg === '--no-browser') options.browser = false;
    else if (arg === '--before') options.before = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run bench -- [--runs N] [--only WORD] [--no-browser] [--before DIST_DIR]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isFinite(options.runs)) throw new Error('--runs needs a number');
  return options;
}

type CssLike = { cssText: string } | readonly CssLike[];
const cssText = (styles: CssLike): string =>
  Array.isArray(styles)
    ? (styles as readonly CssLike[]).map(cssText).join('\n')
    : (styles as { cssText: string }).cssText;

/** What the baseline needs besides the feed: the resolved party colours and the elements' own CSS. */
function baselineConfig(dataset: BenchDataset): string {
  const palette: Record<string, { fill: string; text: string }> = {};
  const colour = (id: string, party?: { colour?: string | undefined }) => {
    const fill = resolvePartyColour(id, 'light', party, '');
    palette[id] = { fill, text: textColourOn(fill) };
  };
  for (const party of dataset.after.parties) colour(party.id, party);
  colour('noc');
  colour('undeclared');
  return JSON.stringify({
    palette,
    css: { councilList: cssText([widgetStyles, councilListStyles]), ticker: cssText(tickerStyles) },
  });
}

function serve(dataset: BenchDataset): ServedDataset {
  return {
    before: JSON.stringify(dataset.before),
    after: JSON.stringify(dataset.after),
    layout: JSON.stringify(dataset.layout),
    config: baselineConfig(dataset),
  };
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

/** Runs per scenario: fewer on the largest feeds, which take seconds each. */
const runsFor = (dataset: BenchDataset, runs: number) =>
  dataset.areas > 5000 ? Math.max(1, Math.ceil(runs * 0.6)) : runs;

const WIDGET_SETS: readonly (readonly string[])[] = [
  ['seat-bar'],
  ['party-table'],
  ['council-list'],
  ['ticker'],
  ['seat-bar', 'party-table', 'council-list', 'ticker'],
];
const BASELINES: readonly (readonly string[])[] = [['council-list'], ['ticker']];

interface Ratio {
  readonly widget: string;
  readonly dataset: string;
  readonly step: StepName;
  readonly tally: number;
  readonly baseline: number;
  readonly ratio: number;
}

interface Target {
  readonly name: string;
  readonly target: string;
  readonly value: string;
  readonly met: boolean;
}

function compareOutputs(
  tally: ScenarioFigures,
  baseline: ScenarioFigures,
): { same: boolean; compared: number; differences: string[] } {
  const normalise = (items: readonly string[]) => items.map((item) => item.replace(/\s+,/g, ','));
  const differences: string[] = [];
  let compared = 0;
  for (const key of ['rows', 'hexes', 'tickerItems'] as const) {
    const a = normalise(tally.snapshot[key]);
    const b = normalise(baseline.snapshot[key]);
    compared += Math.max(a.length, b.length);
    if (a.length !== b.length) differences.push(`${key}: Tally shows ${a.length}, the baseline ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length) && differences.length < 6; i++) {
      if (a[i] !== b[i]) differences.push(`${key}[${i}]: Tally "${a[i]}" / baseline "${b[i]}"`);
    }
  }
  return { same: differences.length === 0, compared, differences };
}

function printTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(round(cell)) : cell)));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(headers));
  console.log(
    `|${widths.map((width, i) => (i === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
  );
  for (const row of cells) console.log(line(row));
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  // Other work on the machine slows everything down; the results say how busy it was.
  const loadAtStart = loadavg().map((value) => Math.round(value * 100) / 100);
  const wanted = (name: string) => options.only.length === 0 || options.only.some((word) => name.includes(word));
  console.log('Building the production bundle and measuring sizes…');
  const sizes: BundleSizes = await measureBundles();
  const composition = await measureComposition();
  const files = await buildScriptTagFiles();
  const datasets = benchDatasets();

  console.log('\nSizes (gzip -9):');
  printTable(
    ['what', 'gzip', 'minified', 'budget', 'state'],
    Object.entries(BUDGETS).map(([key, budget]) => {
      const size = sizes[key];
      if (!size) return [budget.label, '?', '?', kb(budget.budget), 'not measured'];
      return [
        budget.label,
        kb(size.gzip),
        kb(size.bytes),
        kb(budget.budget),
        size.gzip <= budget.budget
          ? 'within budget'
          : `over by ${kb(size.gzip - budget.budget)} (ratchet ${kb(enforcedLimit(budget))})`,
      ];
    }),
  );

  console.log('\nWhat each piece costs on its own (gzip -9; each includes what it imports, so they overlap):');
  printTable(
    ['piece', 'gzip', 'minified'],
    Object.entries(composition).map(([label, size]) => [label, kb(size.gzip), kb(size.bytes)]),
  );

  console.log('\nFeed pipeline in Node (median ms): validate, then what the four widgets derive');
  const pipeline: Record<string, PipelineFigures> = {};
  for (const dataset of datasets) {
    if (!wanted(dataset.name)) continue;
    pipeline[dataset.name] = measurePipeline(dataset, dataset.areas > 5000 ? 9 : dataset.areas > 1000 ? 15 : 41);
  }
  printTable(
    [
      'feed',
      'JSON.parse',
      'validate',
      'seat bar',
      'party table',
      'council list',
      'ticker',
      'validate + derive',
      'update: validate + derive',
      'validate (feed property)',
    ],
    Object.entries(pipeline).map(([name, p]) => [
      name,
      p.parse,
      p.validate,
      p.derive.seatBar,
      p.derive.partyTable,
      p.derive.councilList,
      p.derive.ticker,
      p.validateAndDerive,
      p.update.total,
      p.validateProperty,
    ]),
  );

  let publisher: { latency: PublisherLatency[]; memory: PublisherMemory } | undefined;
  if (wanted('publisher')) {
    console.log(
      '\nPublisher in Node (tally publish hoc-csv, in process): a change of the source file to the new feed on disk, fs events and a 50 ms settle included',
    );
    const latency = [
      await measureChangeToDisk('ge2019', options.runs * 2 + 1),
      await measureChangeToDisk('areas-8360', Math.max(3, options.runs)),
    ];
    printTable(
      [
        'areas',
        'changes',
        'change → on disk (median)',
        'worst',
        'of which the publisher’s look',
        'settle wait',
        'feed bytes',
      ],
      latency.map((figures) => [
        figures.areas.toLocaleString('en-GB'),
        figures.runs,
        figures.changeToDisk.median,
        figures.changeToDisk.max,
        figures.look,
        figures.settleMs,
        figures.feedBytes.toLocaleString('en-GB'),
      ]),
    );
    const memory = await measurePublisherMemory(1000);
    console.log(
      `\nHeap after a full GC over ${memory.publications.toLocaleString('en-GB')} publications of ${memory.areas} areas (each a correction, so the events list grows by one each time):`,
    );
    printTable(
      ['after', 'heap MB', 'events in the feed', 'feed KB'],
      memory.heapMB.map((point) => [point.after, point.heapMB, point.events, point.feedKB]),
    );
    publisher = { latency, memory };
  }

  let ssr: { render: ServerRenderFigures[]; pages: PagesFigures } | undefined;
  if (wanted('ssr')) {
    console.log('\nServer rendering in Node (renderWidget, Lit SSR; median ms and HTML size), the complete feed:');
    const render: ServerRenderFigures[] = [];
    for (const dataset of datasets.filter((each) => each.areas === 650 || each.areas === 8360))
      render.push(await measureServerRender(dataset, dataset.areas > 5000 ? 3 : options.runs * 2 + 1));
    const widgetNames = Object.keys(render[0]!.widgets) as (keyof ServerRenderFigures['widgets'])[];
    printTable(
      ['areas', ...widgetNames.flatMap((name) => [`${name} ms`, `${name} KB`])],
      render.map((figures) => [
        figures.areas.toLocaleString('en-GB'),
        ...widgetNames.flatMap((name) => [figures.widgets[name].ms, round(figures.widgets[name].bytes / 1024)]),
      ]),
    );
    const ge = datasets.find((dataset) => dataset.name === 'ge2019')!;
    const pages = await measurePages(ge, Math.max(3, options.runs));
    console.log(`\nArea pages (tally publish --pages, SVG images) for ${ge.label}:`);
    printTable(
      ['publication', 'pages written', 'unchanged', 'ms'],
      [
        ['first (every page)', pages.first.written, 0, pages.first.ms],
        [
          `one more declaration (median of ${pages.next.runs})`,
          pages.next.written,
          pages.next.unchanged,
          pages.next.ms,
        ],
        ['the same feed again', pages.unchanged.written, pages.pages, pages.unchanged.ms],
      ],
    );
    ssr = { render, pages };
  }

  const scenarios: ScenarioFigures[] = [];
  let network: NetworkFigures | undefined;
  let limits: LimitFigures[] | undefined;
  let areaSwitch: AreaSwitchFigures | undefined;
  let browserVersion: string | undefined;
  let articles: ArticleFigures[] | undefined;
  const outputChecks: { widget: string; dataset: string; same: boolean; compared: number; differences: string[] }[] =
    [];
  if (options.browser) {
    const served = new Map(datasets.map((dataset) => [dataset.name, serve(dataset)]));
    if (wanted('limits')) for (const [name, dataset] of limitDatasets()) served.set(name, dataset);
    const server = await startBenchServer({ files, datasets: served });
    const browser = await launchBrowser();
    try {
      browserVersion = await browser.version();
      console.log(
        `\nChromium ${browserVersion}: ${options.runs} runs per scenario (fewer on 8,360 areas), one more traced`,
      );
      for (const dataset of datasets) {
        const list: Scenario[] = [
          ...WIDGET_SETS.map((widgets) => ({ implementation: 'tally' as const, widgets, dataset: dataset.name })),
          ...BASELINES.map((widgets) => ({ implementation: 'baseline' as const, widgets, dataset: dataset.name })),
        ].filter((candidate) => wanted(describeScenario(candidate)));
        if (list.length === 0) continue;
        const start = Date.now();
        const runs = runsFor(dataset, options.runs);
        const figures = await measureScenarios(browser, server.origin, list, runs, (scenario, phase) =>
          process.stdout.write(`\r  ${dataset.name}: ${describeScenario(scenario)}, ${phase}`.padEnd(100)),
        );
        process.stdout.write('\r'.padEnd(100) + '\r');
        scenarios.push(...figures);
        console.log(
          `  ${dataset.label}: ${list.length} scenarios × ${runs} runs (${Math.round((Date.now() - start) / 1000)} s)`,
        );
      }
      if (wanted('network')) {
        console.log('\nNetwork: four widgets on one feed, polling every 5 s, for 17.5 s…');
        network = await measureNetwork(browser, server, 'ge2019');
      }
      if (wanted('article')) {
        const builds = new Map<'before' | 'after', BuildFiles>();
        if (options.before) builds.set('before', readBuild(options.before));
        builds.set('after', files);
        const runs = Math.max(1, Math.ceil(options.runs / 2));
        console.log(
          `\nAn article page, throttled (4× CPU, Fast 3G), ${runs} runs per page${options.before ? `, against ${options.before}` : ' (no --before build to compare with)'}…`,
        );
        articles = await measureArticles(browser, builds, runs, (line) =>
          process.stdout.write(`\r${line}`.padEnd(110)),
        );
        process.stdout.write('\r'.padEnd(110) + '\r');
      }
      if (wanted('area-switch')) {
        console.log('\nThe result card switching area at 8,360 areas: each switch traced…');
        areaSwitch = await measureAreaSwitch(browser, server.origin, Math.max(5, options.runs * 3));
      }
      if (wanted('limits')) {
        console.log('\nAt the limits: each scenario traced on a fresh page…');
        limits = await measureLimits(browser, server.origin, Math.max(1, Math.ceil(options.runs / 2)), (name) =>
          process.stdout.write(`\r  ${name}`.padEnd(100)),
        );
        process.stdout.write('\r'.padEnd(100) + '\r');
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }

  // ---------------------------------------------------------------- ratios, checks, targets
  const find = (implementation: string, widgets: string, dataset: string) =>
    scenarios.find(
      (figures) =>
        figures.implementation === implementation &&
        figures.widgets.join('+') === widgets &&
        figures.dataset === dataset,
    );
  const ratios: Ratio[] = [];
  for (const dataset of datasets) {
    for (const widget of ['council-list', 'ticker']) {
      const tally = find('tally', widget, dataset.name);
      const baseline = find('baseline', widget, dataset.name);
      if (!tally || !baseline) continue;
      outputChecks.push({ widget, dataset: dataset.name, ...compareOutputs(tally, baseline) });
      for (const step of ['firstRender', 'update'] as const) {
        ratios.push({
          widget,
          dataset: dataset.name,
          step,
          tally: tally.steps[step].ms,
          baseline: baseline.steps[step].ms,
          ratio: tally.steps[step].ms / baseline.steps[step].ms,
        });
      }
    }
  }

  if (scenarios.length > 0) {
    console.log(
      '\nIn Chromium (median ms: arrival to painted frame; "first results": to the first frame painted with results in every widget; "busy" and "script": main thread, from traces; longest task: the longest seen in traces):',
    );
    printTable(
      [
        'scenario',
        'first render',
        'first results',
        'busy',
        'script',
        'update',
        'busy',
        'script',
        'unchanged 304: script',
        'unchanged body: script',
        'longest task',
        'DOM nodes',
      ],
      scenarios.map((figures) => {
        const s = figures.steps;
        return [
          `${figures.implementation === 'baseline' ? 'baseline ' : ''}${figures.widgets.length === 4 ? 'all four' : figures.widgets[0]!}, ${figures.dataset}`,
          s.firstRender.ms,
          s.firstRender.firstContent ?? Number.NaN,
          s.firstRender.busyMs,
          s.firstRender.scriptMs,
          s.update.ms,
          s.update.busyMs,
          s.update.scriptMs,
          s.unchanged304.scriptMs,
          s.unchangedBody.scriptMs,
          Math.max(...STEPS.map((step) => s[step].longestTask)),
          figures.nodes,
        ];
      }),
    );
  }
  if (ratios.length > 0) {
    console.log('\nTally / vanilla baseline (same run, same page, same CSS; target ≤ 1.5 at 650 and 3,143 areas):');
    printTable(
      ['widget', 'feed', 'step', 'Tally ms', 'baseline ms', 'ratio'],
      ratios.map((r) => [
        r.widget,
        r.dataset,
        r.step === 'firstRender' ? 'first render' : `update (+${NEW_DECLARATIONS})`,
        r.tally,
        r.baseline,
        `${r.ratio.toFixed(2)}×`,
      ]),
    );
    for (const check of outputChecks) {
      console.log(
        `  same output, ${check.widget} on ${check.dataset}: ${check.same ? `yes (${check.compared} rows, hexes and lines compared)` : `NO: ${check.differences.join('; ')}`}`,
      );
    }
  }
  if (network) {
    console.log(
      `\nNetwork: ${network.requests} requests in ${network.seconds} s with ${network.widgets} widgets on one feed polling every ${network.intervalSeconds} s = ${network.requestsPerInterval} per interval; first response ${network.firstResponseBytes} bytes, each unchanged poll ${network.unchangedPollBytes} bytes (304, ${network.unchangedPolls} of them)`,
    );
  }

  if (articles) {
    console.log(
      '\nAn article page, cold, 4× CPU and Fast 3G (medians; bytes on the wire, gzip; ms from navigation start):',
    );
    printTable(
      ['page', 'build', 'requests', 'scripts', 'KB', 'script KB', 'first results', 'article LCP', 'layout shift'],
      articles.map((figures) => [
        figures.widgets.length === 1 ? figures.widgets[0]! : 'all four',
        figures.build,
        figures.requests,
        figures.scriptRequests,
        figures.bytes / 1024,
        figures.scriptBytes / 1024,
        figures.firstResults,
        figures.lcp,
        figures.cls,
      ]),
    );
  }

  if (limits) {
    console.log('\nAt the documented limits (longest task on the main thread, worst of the runs; target ≤ 200 ms):');
    printTable(
      ['scenario', 'size', 'longest task', 'tasks ≥ 50 ms', 'total ms'],
      limits.map((figures) => [figures.name, figures.size, figures.longestTask, figures.longTasks, figures.totalMs]),
    );
  }

  if (areaSwitch) {
    console.log(
      `\nThe result card switching area, ${areaSwitch.areas.toLocaleString('en-GB')} areas (script and busy ms to a painted frame; medians of ${areaSwitch.switches} switches each; target < ${AREA_SWITCH_TARGET_MS} ms of script):`,
    );
    printTable(
      ['switch', 'script', 'worst script', 'busy', 'script / target'],
      [
        [
          'first search (names indexed while idle), Down, Enter',
          areaSwitch.firstSearch.scriptMs,
          areaSwitch.firstSearch.scriptMs,
          areaSwitch.firstSearch.busyMs,
          `${(areaSwitch.firstSearch.scriptMs / AREA_SWITCH_TARGET_MS).toFixed(2)}×`,
        ],
        [
          'search: type the name, Down, Enter',
          areaSwitch.search.scriptMs,
          areaSwitch.search.worstScriptMs,
          areaSwitch.search.busyMs,
          `${(areaSwitch.search.scriptMs / AREA_SWITCH_TARGET_MS).toFixed(2)}×`,
        ],
        [
          'the page sets area',
          areaSwitch.attribute.scriptMs,
          areaSwitch.attribute.worstScriptMs,
          areaSwitch.attribute.busyMs,
          `${(areaSwitch.attribute.scriptMs / AREA_SWITCH_TARGET_MS).toFixed(2)}×`,
        ],
      ],
    );
  }

  const targets: Target[] = [];
  if (areaSwitch) {
    for (const [label, figure] of [
      ['by search', areaSwitch.search],
      ['by the area attribute', areaSwitch.attribute],
    ] as const) {
      targets.push({
        name: `result card: switching area ${label} at ${areaSwitch.areas.toLocaleString('en-GB')} areas, script (median)`,
        target: `< ${AREA_SWITCH_TARGET_MS} ms`,
        value: `${round(figure.scriptMs)} ms (${(figure.scriptMs / AREA_SWITCH_TARGET_MS).toFixed(2)}× the target)`,
        met: figure.scriptMs < AREA_SWITCH_TARGET_MS,
      });
    }
  }
  for (const figures of limits ?? []) {
    targets.push({
      name: `at the limits: ${figures.name} (${figures.size}), longest task`,
      target: '≤ 200 ms',
      value: `${round(figures.longestTask)} ms`,
      met: figures.longestTask <= 200,
    });
  }
  const small = ['ge2019', 'areas-3143'];
  for (const r of ratios.filter((candidate) => small.includes(candidate.dataset))) {
    targets.push({
      name: `${r.widget} ${r.step === 'firstRender' ? 'first render' : 'update'} on ${r.dataset}, Tally / baseline`,
      target: '≤ 1.5×',
      value: `${r.ratio.toFixed(2)}×`,
      met: r.ratio <= 1.5,
    });
  }
  for (const figures of scenarios.filter((candidate) => candidate.implementation === 'tally')) {
    const name = `${figures.widgets.length === 4 ? 'all four' : figures.widgets[0]} on ${figures.dataset}`;
    for (const step of ['unchanged304', 'unchangedBody'] as const) {
      const script = figures.steps[step].scriptMs;
      targets.push({
        name: `${name}, unchanged feed (${step === 'unchanged304' ? '304' : 'same body'}), script`,
        target: '< 1 ms',
        value: `${round(script)} ms`,
        met: script < 1,
      });
    }
    if (figures.dataset === 'ge2019') {
      const longest = Math.max(...STEPS.map((step) => figures.steps[step].longestTask));
      targets.push({
        name: `${name}, longest task`,
        target: '≤ 50 ms',
        value: `${round(longest)} ms`,
        met: longest <= 50,
      });
    }
  }
  if (pipeline.ge2019)
    targets.push({
      name: 'feed pipeline (validate + derive) on ge2019, Node',
      target: '< 5 ms',
      value: `${round(pipeline.ge2019.validateAndDerive)} ms`,
      met: pipeline.ge2019.validateAndDerive < 5,
    });
  if (publisher) {
    const small = publisher.latency.find((figures) => figures.areas === 650);
    if (small)
      targets.push({
        name: 'publisher: source change to feed on disk at 650 areas (median)',
        target: '< 200 ms',
        value: `${round(small.changeToDisk.median)} ms`,
        met: small.changeToDisk.median < 200,
      });
    // From the first checkpoint after publishing on: the publisher holds one feed (and its events), nothing more.
    const { growthMB, publications } = publisher.memory;
    targets.push({
      name: `publisher: heap growth over ${publications.toLocaleString('en-GB')} publications`,
      target: 'flat (< 5 MB)',
      value: `${round(growthMB)} MB`,
      met: growthMB < 5,
    });
  }
  for (const figures of (articles ?? []).filter((candidate) => candidate.build === 'after')) {
    const page = figures.widgets.length === 1 ? `one ${figures.widgets[0]}` : 'all four';
    targets.push({
      name: `article page with ${page}: layout shift with tally.css`,
      target: '0',
      value: String(round(figures.cls)),
      met: figures.cls === 0,
    });
    if (figures.widgets.length === 1)
      targets.push({
        name: `article page with ${page}: script requests`,
        target: '≤ 3',
        value: String(figures.scriptRequests),
        met: figures.scriptRequests <= 3,
      });
  }
  if (ssr) {
    const { pages } = ssr;
    targets.push({
      name: 'area pages: one new declaration writes only its page and the index (650 areas)',
      target: '2 written',
      value: `${pages.next.written} written, ${pages.next.unchanged} unchanged`,
      met: pages.next.written === 2,
    });
  }
  if (network)
    targets.push({
      name: 'requests per poll interval, four widgets on one feed',
      target: '1',
      value: String(network.requestsPerInterval),
      met: network.requestsPerInterval === 1,
    });
  for (const [key, budget] of Object.entries(BUDGETS)) {
    const size = sizes[key];
    if (size)
      targets.push({
        name: `size: ${budget.label}`,
        target: `≤ ${kb(budget.budget)} gzip`,
        value: kb(size.gzip),
        met: size.gzip <= budget.budget,
      });
  }
  console.log('\nTargets:');
  printTable(
    ['target', 'wanted', 'measured', 'met'],
    targets.map((t) => [t.name, t.target, t.value, t.met ? 'yes' : 'NO']),
  );

  const results = {
    generatedAt: new Date().toISOString(),
    note: 'Written by `npm run bench` (bench/run.ts). Times in ms, medians over `runs`; sizes in bytes. Synthetic feeds are test data made by bench/feeds.ts.',
    machine: {
      ...machine(),
      browser: browserVersion,
      loadAverage: { start: loadAtStart, end: loadavg().map((value) => Math.round(value * 100) / 100) },
    },
    runs: options.runs,
    seconds: Math.round((Date.now() - started) / 1000),
    sizes,
    composition,
    budgets: BUDGETS,
    datasets: datasets.map((dataset) => ({
      name: dataset.name,
      label: dataset.label,
      areas: dataset.areas,
      synthetic: dataset.synthetic,
      feedBytes: JSON.stringify(dataset.after).length,
    })),
    pipeline,
    publisher,
    ssr,
    browser: scenarios.map(({ snapshot: _snapshot, ...figures }) => figures),
    ratios,
    outputChecks,
    network,
    limits,
    articles,
    areaSwitch,
    targets,
  };
  // A partial run (--only, --no-browser) keeps the figures it did not measure from the last full one.
  const partial = options.only.length > 0 || !options.browser;
  const previous =
    partial && existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  const measured = (value: unknown) =>
    value !== undefined &&
    !(Array.isArray(value) && value.length === 0) &&
    !(value !== null && typeof value === 'object' && Object.keys(value).length === 0);
  const merged: Record<string, unknown> = { ...previous };
  // The run's own circumstances go with its figures: under partialRun when it measured only some.
  const ownRun = new Set(['generatedAt', 'note', 'machine', 'runs', 'seconds']);
  for (const [key, value] of Object.entries(results))
    if (!partial || (measured(value) && !ownRun.has(key))) merged[key] = value;
  if (partial && Array.isArray(previous.targets)) {
    const now = new Set(targets.map((target) => target.name));
    merged.targets = [
      ...(previous.targets as Target[]).filter((target) => !now.has(target.name) && !target.name.startsWith('size: ')),
      ...targets,
    ];
  }
  if (partial) {
    merged.partialRun = {
      generatedAt: results.generatedAt,
      only: options.only,
      browser: options.browser,
      machine: results.machine,
      runs: results.runs,
      seconds: results.seconds,
      note: 'this run measured sizes and what --only names; the other figures, and the machine above, are from the run before',
    };
  }
  writeFileSync(
    RESULTS,
    `${JSON.stringify(merged, (key, value) => (typeof value === 'number' && !Number.isInteger(value) ? round(value) : value), 2)}\n`,
  );
  console.log(`\nWrote ${RESULTS} (${Math.round((Date.now() - started) / 1000)} s).`);
}

await main();
