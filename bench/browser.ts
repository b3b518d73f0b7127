/**
 * The browser half of `npm run bench`: headless Chromium through puppeteer-core, one fresh page
 * per run. Each run puts the widgets on the page (Tally from the production bundle, or the
 * vanilla baseline), then times four steps through bench/page/harness.js:
 *   first render   the first feed arrives → painted frame
 *   update         the next poll brings ten new declarations → painted frame
 *   unchanged 304  the next poll is answered 304 Not Modified
 *   unchanged body the next poll brings the same text again (200, no ETag)
 * The timed runs give the wall-clock figures. Traced runs (Chromium's own timeline, cut to each
 * step by user-timing marks) give how long the main thread was busy, how much of that was
 * script, and the longest task.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: a plain .mjs module without types, shared with the test runner
import { CHROMIUM_ARGS, findChromium } from '../test/chromium.mjs';
import type { BenchServer } from './server.js';
import { median } from './stats.js';

export const STEPS = ['firstRender', 'update', 'unchanged304', 'unchangedBody'] as const;
export type StepName = (typeof STEPS)[number];

export interface StepSample {
  /** Feed arrival to painted frame (ms); for the unchanged steps, to the second frame after. */
  readonly ms: number;
  /** First render only: feed arrival to the first frame painted with results in every widget (ms). */
  readonly firstContent?: number;
  /** Long tasks (≥ 50 ms) the page's PerformanceObserver saw, and the longest of them (0 if none). */
  readonly longTasks: number;
  readonly longestObserved: number;
}

export interface TracedStep {
  /** Main thread busy (any task) between arrival and the painted frame (ms). */
  readonly busyMs: number;
  /** Of which running script, garbage collection within it included (ms). */
  readonly scriptMs: number;
  /** The longest task overlapping the step (ms). */
  readonly longestTask: number;
}

export interface StepFigures extends StepSample, TracedStep {
  /** Every timed run's `ms`. */
  readonly samples: readonly number[];
}

export interface ScenarioFigures {
  readonly implementation: 'tally' | 'baseline';
  readonly widgets: readonly string[];
  readonly dataset: string;
  readonly runs: number;
  /** DOM nodes in the document after the first render. */
  readonly nodes: number;
  readonly steps: Readonly<Record<StepName, StepFigures>>;
  /** What was on screen after the update, for comparing Tally with the baseline. */
  readonly snapshot: { rows: string[]; hexes: string[]; tickerItems: string[] };
}

export interface Scenario {
  readonly implementation: 'tally' | 'baseline';
  readonly widgets: readonly string[];
  readonly dataset: string;
  /** Another build of Tally to load instead of /tally.js (comparing experiments). */
  readonly bundle?: string;
}

const VIEWPORT = { width: 1200, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? findChromium();
  if (!executablePath)
    throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROME_PATH.');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
  });
}

async function domNodes(page: Page): Promise<number> {
  return (await page.metrics()).Nodes ?? 0;
}

const STEP_CALLS: Record<StepName, string> = {
  firstRender: 'bench.firstRender()',
  update: 'bench.update()',
  unchanged304: "bench.unchanged('304')",
  unchangedBody: "bench.unchanged('same-body')",
};

/** One event of a Chromium trace, as far as the benchmark reads it. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * Timeline events that are script running. Wrappers (timers, animation frames, events) are left
 * out in favour of the calls inside them, so that the harness's own callbacks can be told apart
 * by their script URL and not counted; so are the puppeteer evaluations that drive each step
 * (EvaluateScript: every widget script was evaluated when the page loaded). The microtasks the
 * widgets run (reading and processing the response, Lit's updates) are counted wherever they run.
 */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'RunMicrotasks', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule']);
const HARNESS_SCRIPT = /harness\.js|pptr:|__puppeteer/;

/** Total length of the union of intervals, clipped to [from, to]. */
function covered(intervals: [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (a > end) {
      total += b - a;
      end = b;
    } else if (b > end) {
      total += b - end;
      end = b;
    }
  }
  return total;
}

/** Busy time, script time and the longest task on the page's main thread between the step's marks. */
export function traceStep(trace: Uint8Array | undefined): TracedStep {
  const none = { busyMs: Number.NaN, scriptMs: Number.NaN, longestTask: Number.NaN };
  if (!trace) return none;
  const parsed = JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const start = events.find((event) => event.name === 'bench:start');
  const end = events.find((event) => event.name === 'bench:end');
  if (!start || !end) return none;
  const thread = `${start.pid}:${start.tid}`;
  const onThread = events.filter(
    (event) => `${event.pid}:${event.tid}` === thread && event.ph === 'X' && event.dur !== undefined,
  );
  const interval = (event: TraceEvent): [number, number] => [event.ts, event.ts + event.dur!];
  const tasks = onThread.filter((event) => event.name === 'RunTask');
  const overlapping = tasks.filter((event) => event.ts + event.dur! > start.ts && event.ts < end.ts);
  return {
    busyMs: covered(tasks.map(interval), start.ts, end.ts) / 1000,
    scriptMs:
      covered(
        onThread
          .filter((event) => SCRIPT_EVENTS.has(event.name) && !HARNESS_SCRIPT.test(event.args?.data?.url ?? ''))
          .map(interval),
        start.ts,
        end.ts,
      ) / 1000,
    longestTask: Math.max(0, ...overlapping.map((event) => event.dur! / 1000)),
  };
}

async function openScenario(browser: Browser, origin: string, scenario: Scenario): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/page.html`);
  const setup = await page.evaluate(
    (options) =>
      (window as unknown as { bench: { setup(o: unknown): Promise<{ requests: number }> } }).bench.setup(options),
    {
      implementation: scenario.implementation,
      dataset: scenario.dataset,
      names: scenario.widgets,
      ...(scenario.bundle ? { bundle: scenario.bundle } : {}),
    },
  );
  const expected = scenario.implementation === 'tally' ? 1 : scenario.widgets.length;
  if (setup.requests !== expected)
    throw new Error(`${describeScenario(scenario)}: ${setup.requests} feed requests waiting, expected ${expected}`);
  if (errors.length > 0) throw new Error(`${describeScenario(scenario)}: errors on the page: ${errors.join('; ')}`);
  return page;
}

export const describeScenario = (scenario: Scenario) =>
  `${scenario.implementation}${scenario.bundle ? ` (${scenario.bundle})` : ''} ${scenario.widgets.join('+')} on ${scenario.dataset}`;

async function runOnce(browser: Browser, origin: string, scenario: Scenario, traced: boolean) {
  const page = await openScenario(browser, origin, scenario);
  try {
    const samples = {} as Record<StepName, StepSample & TracedStep>;
    let nodes = 0;
    let snapshot: ScenarioFigures['snapshot'] | undefined;
    for (const step of STEPS) {
      if (traced)
        await page.tracing.start({
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
        });
      const result = (await page.evaluate(STEP_CALLS[step])) as {
        ms: number;
        firstContent?: number;
        longTasks: number;
        longestTask: number;
        answered: number;
      };
      const trace = traced ? await page.tracing.stop() : undefined;
      if (result.answered < 1) throw new Error(`${describeScenario(scenario)}: ${step} answered no request`);
      if (step === 'firstRender') nodes = await domNodes(page);
      samples[step] = {
        ms: result.ms,
        ...(result.firstContent !== undefined ? { firstContent: result.firstContent } : {}),
        longTasks: result.longTasks,
        longestObserved: result.longestTask,
        ...traceStep(trace),
      };
      // The snapshot is taken after the update, before the unchanged polls.
      if (step === 'update' && !traced)
        snapshot = (await page.evaluate('bench.snapshot()')) as ScenarioFigures['snapshot'];
    }
    return { samples, nodes, snapshot };
  } finally {
    await page.close();
  }
}

type Run = Awaited<ReturnType<typeof runOnce>>;

/**
 * Every scenario of one feed, `runs` timed runs each, then traced runs (half as many, at least
 * one) for the busy and script times (medians) and the longest task (the longest seen). Runs
 * take turns across the scenarios (A B C, A B C, …) so that anything else the machine does
 * weighs on Tally and the baseline alike.
 */
export async function measureScenarios(
  browser: Browser,
  origin: string,
  scenarios: readonly Scenario[],
  runs: number,
  progress: (scenario: Scenario, phase: string) => void = () => {},
): Promise<ScenarioFigures[]> {
  const timed = scenarios.map((): Run[] => []);
  const traced = scenarios.map((): Run[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [index, scenario] of scenarios.entries()) {
      progress(scenario, `run ${i + 1} of ${runs}`);
      timed[index]!.push(await runOnce(browser, origin, scenario, false));
    }
  }
  for (let i = 0; i < Math.max(1, Math.floor(runs / 2)); i++) {
    for (const [index, scenario] of scenarios.entries()) {
      progress(scenario, 'traced');
      traced[index]!.push(await runOnce(browser, origin, scenario, true));
    }
  }
  return scenarios.map((scenario, index) => aggregate(scenario, timed[index]!, traced[index]!));
}

function aggregate(scenario: Scenario, timed: readonly Run[], traced: readonly Run[]): ScenarioFigures {
  const steps = {} as Record<StepName, StepFigures>;
  for (const step of STEPS) {
    const firstContent = timed.flatMap((run) =>
      run.samples[step].firstContent !== undefined ? [run.samples[step].firstContent!] : [],
    );
    steps[step] = {
      ms: median(timed.map((run) => run.samples[step].ms)),
      ...(firstContent.length > 0 ? { firstContent: median(firstContent) } : {}),
      longTasks: Math.max(...timed.map((run) => run.samples[step].longTasks)),
      longestObserved: Math.max(...timed.map((run) => run.samples[step].longestObserved)),
      busyMs: median(traced.map((run) => run.samples[step].busyMs)),
      scriptMs: median(traced.map((run) => run.samples[step].scriptMs)),
      longestTask: Math.max(...traced.map((run) => run.samples[step].longestTask)),
      samples: timed.map((run) => run.samples[step].ms),
    };
  }
  return {
    ...scenario,
    runs: timed.length,
    nodes: median(timed.map((run) => run.nodes)),
    steps,
    snapshot: timed[0]?.snapshot ?? { rows: [], hexes: [], tickerItems: [] },
  };
}

export interface NetworkFigures {
  readonly widgets: number;
  readonly intervalSeconds: number;
  readonly seconds: number;
  readonly requests: number;
  /** Feed requests per poll interval with every widget on one feed (1 is right). */
  readonly requestsPerInterval: number;
  /** Bytes on the wire (headers included) for the first full response and for each unchanged poll. */
  readonly firstResponseBytes: number;
  readonly unchangedPollBytes: number;
  readonly unchangedPolls: number;
}

/**
 * Four widgets on one page name the same feed URL, polling every 5 s (the floor), for three
 * intervals and a half, in real time and against a server that answers as a CDN does.
 */
export async function measureNetwork(browser: Browser, server: BenchServer, dataset: string): Promise<NetworkFigures> {
  const { origin } = server;
  const page = await browser.newPage();
  try {
    const client = await page.createCDPSession();
    await client.send('Network.enable');
    // Bytes on the wire, headers included. A 304 has no body: Chromium reports it received and
    // then cancelled (nothing to read), so its size is taken when its headers arrive.
    const urls = new Map<string, string>();
    const transfers: { status: number; bytes: number }[] = [];
    client.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    client.on('Network.responseReceived', (event) => {
      if (event.response.url.includes('/net/') && event.response.status === 304)
        transfers.push({ status: 304, bytes: event.response.encodedDataLength });
    });
    client.on('Network.loadingFinished', (event) => {
      if (urls.get(event.requestId)?.includes('/net/')) transfers.push({ status: 200, bytes: event.encodedDataLength });
    });
    await page.goto(`${origin}/page.html`);
    server.clearNetwork();
    const intervalSeconds = 5;
    const seconds = 3.5 * intervalSeconds;
    await page.evaluate(
      async (src, interval) => {
        const script = document.createElement('script');
        script.type = 'module';
        script.src = '/tally.js';
        await new Promise((resolve) => {
          script.onload = resolve;
          document.head.append(script);
        });
        const stage = document.getElementById('stage')!;
        const tags = ['tally-seat-bar', 'tally-party-table', 'tally-ticker', 'tally-council-list'];
        for (const tag of tags) {
          const element = document.createElement(tag);
          element.setAttribute('src', src);
          element.setAttribute('interval', String(interval));
          stage.append(element);
        }
        await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
      },
      `/net/${dataset}.json`,
      intervalSeconds,
    );
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const requests = server.network.length;
    const unchanged = transfers.filter((transfer) => transfer.status === 304).map((transfer) => transfer.bytes);
    return {
      widgets: 4,
      intervalSeconds,
      seconds,
      requests,
      requestsPerInterval: requests / (Math.floor(seconds / intervalSeconds) + 1),
      firstResponseBytes: transfers.find((transfer) => transfer.status === 200)?.bytes ?? Number.NaN,
      unchangedPollBytes: median(unchanged),
      unchangedPolls: unchanged.length,
    };
  } finally {
    await page.close();
  }
}
