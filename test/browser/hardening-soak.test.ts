/**
 * A long night (issue 10): successive updates of the 650-constituency 2019 feed through
 * all four widgets on one page (the council list with its hex map), half through the `feed`
 * property and half through a shared feed source on a fake clock. `npm test` runs 200 updates,
 * enough for any per-update leak to pass the tolerances below, in well under a minute on a
 * loaded machine; `npm run test:soak` runs the whole night, 1,000 (the runner sets
 * `tallySoakUpdates` on the page from TALLY_SOAK_UPDATES, see web-test-runner.config.mjs).
 * The JavaScript heap and the DOM are measured after a forced garbage collection ten times
 * over the night and must stay flat; when the widgets leave the page, their timers and their
 * listeners on the window, the document and media queries must go, and the shared source must
 * stop polling.
 *
 * Every update changes what is on screen: one constituency's result is corrected so that its
 * runner-up wins (and back the next time round), as a publisher's corrections would.
 */
import { expect } from '@open-wc/testing';
import { feedSourceFor, releaseIdleFeedSources } from '../../src/feed/registry.js';
import { POLLING } from '../../src/feed/source.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { FakeClock, FakePage } from './helpers/fake-clock.js';
import { pageMemory, type PageMemory } from './helpers/page-probe.js';
import { trackPageResources, type ResourceCounts, type ResourceTracker } from './helpers/page-resources.js';
import { allUpdated, captureConsole, mountWidgets, statusLine, until, watchPageErrors } from './helpers/widgets.js';

/** Updates in all (even: half through each path), and how often the page is measured. */
const UPDATES = soakUpdates();
const SAMPLE_EVERY = UPDATES / 10;
const CONSTITUENCIES = '/demo/data/hexjson/uk-constituencies-2019.hexjson';
const SOURCE_URL = 'https://results.example/soak/uk-general-2019.json';
const START = Date.parse('2019-12-13T06:00:00Z');

/**
 * Tolerances: how far the figures may move from the first sample (after 20 updates of warming
 * up) over the rest of the night.
 * - Heap: 4 MB. One feed of this size kept per update would add about 3 MB an update.
 * - Nodes inside the widgets: 5%. They follow the content: an area corrected in the last
 *   minute carries a "new" mark for 60 s, and the seat bar's key grows or shrinks as seats
 *   move between parties.
 * - Nodes outside the widgets' trees (detached nodes something still holds, and the page's
 *   own): 100. A widget that left one detached node behind per update would add 180 in the
 *   200-update night (1,000 in the long one).
 */
const HEAP_TOLERANCE_BYTES = 4 * 1024 * 1024;
const WIDGET_NODE_TOLERANCE = 0.05;
const OTHER_NODE_TOLERANCE = 100;

function soakUpdates(): number {
  const asked = Number((globalThis as { tallySoakUpdates?: unknown }).tallySoakUpdates);
  return Number.isInteger(asked) && asked >= 100 && asked % 20 === 0 ? asked : 200;
}

type RawArea = FeedInput['areas'][number];
type RawResult = NonNullable<RawArea['results']>[number];

/**
 * The night's updates, one after another: update `i` corrects constituency `(37 i) mod 650`
 * (37 and 650 share no factor, so every constituency comes round) by giving its seat to the
 * runner-up; the next correction of the same one gives it back.
 */
class Corrections {
  private areas: RawArea[];
  constructor(private readonly final: FeedInput) {
    this.areas = [...final.areas];
  }

  update(i: number): FeedInput {
    const index = (37 * i) % this.areas.length;
    this.areas[index] = runnerUpWins(this.areas[index]!);
    const at = new Date(START + i * 60_000).toISOString().replace('.000Z', 'Z');
    this.areas = [...this.areas];
    return {
      ...this.final,
      meta: { ...this.final.meta, revision: i + 1, generatedAt: at, dataChangedAt: at },
      areas: this.areas,
    };
  }
}

function runnerUpWins(area: RawArea): RawArea {
  const results = [...(area.results ?? [])].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
  const [first, second, ...rest] = results as [RawResult, RawResult, ...RawResult[]];
  const swapped: RawResult[] = [
    { ...second, votes: first.votes, share: first.share, seats: 1 },
    { ...first, votes: second.votes, share: second.share, seats: 0 },
    ...rest,
  ];
  return { ...area, results: swapped, winner: second.party, control: { ...area.control, after: second.party } };
}

/** Elements and text nodes inside the widgets' shadow roots. */
function shadowNodes(widgets: readonly Element[]): number {
  let count = 0;
  const walk = (root: Node) => {
    for (let node = root.firstChild; node; node = node.nextSibling) {
      count += 1;
      walk(node);
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    }
  };
  for (const widget of widgets) if (widget.shadowRoot) walk(widget.shadowRoot);
  return count;
}

interface Sample {
  readonly update: number;
  readonly path: 'feed property' | 'feed source';
  readonly memory: PageMemory;
  readonly shadowNodes: number;
  readonly msPerUpdate: number;
}

const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('hardening: a long night of updates (soak)', function () {
  // About 40 ms an update on a quiet two-core machine: room for a machine four times slower.
  this.timeout(60_000 + UPDATES * 200);

  it(`${UPDATES} updates of the 650-constituency feed through all four widgets: heap and DOM stay flat; timers, listeners and polling stop with the widgets`, async () => {
    const pageErrors = watchPageErrors();
    const logs = captureConsole();
    const resources = trackPageResources();
    try {
      // Once round first: what stays after any first use (Lit's template cache, the hex layout
      // fetched once per page, number formats) is part of the page, not of a night.
      await firstUse();
      const before = resources.count();
      const memoryBefore = await pageMemory();
      // The night runs in a function of its own, so that once it returns nothing in this test
      // still points at the widgets or the feeds, and what the page keeps is what Tally keeps.
      await night(resources, before);
      releaseIdleFeedSources();
      await nextFrames();
      const memoryAfter = await pageMemory();
      console.log(
        `Page before the widgets: heap ${mb(memoryBefore.heapUsed)}, ${memoryBefore.nodes} nodes, ${memoryBefore.jsEventListeners} listeners. After removal: heap ${mb(memoryAfter.heapUsed)}, ${memoryAfter.nodes} nodes, ${memoryAfter.jsEventListeners} listeners`,
      );
      expect(memoryAfter.nodes - memoryBefore.nodes, 'the widgets’ nodes are collected').to.be.below(100);
      expect(memoryAfter.heapUsed - memoryBefore.heapUsed, 'the widgets’ memory is collected').to.be.below(
        HEAP_TOLERANCE_BYTES,
      );
      expect(pageErrors.errors).to.deep.equal([]);
      expect(logs.error, 'no errors logged').to.deep.equal([]);
    } finally {
      resources.uninstall();
      pageErrors.stop();
      logs.restore();
    }
  });

  async function firstUse(): Promise<void> {
    const final: FeedInput = await (await fetch('/test/fixtures/uk-general-2019.final.json')).json();
    const { box, widgets } = mountWidgets({ feed: final, width: '960px' });
    widgets[2]!.setAttribute('layout-src', CONSTITUENCIES);
    await until(() => widgets[2]!.shadowRoot!.querySelectorAll('.hex').length === 650, 'the hex map drawn', {
      timeout: 20_000,
    });
    const feed = new Corrections(final).update(1);
    for (const widget of widgets) widget.feed = feed;
    await allUpdated(widgets);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    box.remove();
    // Removed nodes are let go by the rendering engine at the next frame.
    await nextFrames();
  }

  async function night(resources: ResourceTracker, before: ResourceCounts): Promise<void> {
    const final: FeedInput = await (await fetch('/test/fixtures/uk-general-2019.final.json')).json();
    const corrections = new Corrections(final);

    // --- the feed property ----------------------------------------------------------------
    const { box, widgets } = mountWidgets({ feed: corrections.update(0), width: '960px' });
    widgets[2]!.setAttribute('layout-src', CONSTITUENCIES);
    await until(() => widgets[2]!.shadowRoot!.querySelectorAll('.hex').length === 650, 'the hex map drawn', {
      timeout: 20_000,
    });
    await allUpdated(widgets);

    const samples: Sample[] = [];
    let lastSampleAt = performance.now();
    /** Measure, print and check at once, so that a leak fails early rather than after an hour. */
    const sample = async (update: number, path: Sample['path']) => {
      const now = performance.now();
      const msPerUpdate = samples.length === 0 ? 0 : (now - lastSampleAt) / (update - samples.at(-1)!.update);
      const s: Sample = { update, path, memory: await pageMemory(), shadowNodes: shadowNodes(widgets), msPerUpdate };
      samples.push(s);
      console.log(
        `soak ${String(s.update).padStart(5)}  ${s.path.padEnd(13)}  heap ${mb(s.memory.heapUsed).padStart(8)}  nodes ${String(s.memory.nodes).padStart(6)} (in widgets ${String(s.shadowNodes).padStart(6)})  listeners ${s.memory.jsEventListeners}  ${s.msPerUpdate.toFixed(1)} ms/update`,
      );
      const first = samples[0]!;
      expect(
        s.memory.heapUsed - first.memory.heapUsed,
        `heap growth by update ${s.update} (${mb(first.memory.heapUsed)} → ${mb(s.memory.heapUsed)})`,
      ).to.be.below(HEAP_TOLERANCE_BYTES);
      expect(
        Math.abs(s.shadowNodes - first.shadowNodes) / first.shadowNodes,
        `widget nodes at update ${s.update}: ${first.shadowNodes} → ${s.shadowNodes}`,
      ).to.be.below(WIDGET_NODE_TOLERANCE);
      const outside = s.memory.nodes - s.shadowNodes;
      const outsideFirst = first.memory.nodes - first.shadowNodes;
      expect(
        Math.abs(outside - outsideFirst),
        `nodes outside the widgets at update ${s.update}: ${outsideFirst} → ${outside}`,
      ).to.be.at.most(OTHER_NODE_TOLERANCE);
      expect(
        s.memory.jsEventListeners - first.memory.jsEventListeners,
        `listeners at update ${s.update}`,
      ).to.be.at.most(2);
      lastSampleAt = performance.now();
    };

    /** Let the page breathe between updates: timers every time, a frame (layout, observers) every 25th. */
    const channel = new MessageChannel();
    const task = () =>
      new Promise<void>((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    const breathe = (i: number) => (i % 25 === 0 ? new Promise((resolve) => requestAnimationFrame(resolve)) : task());

    const half = UPDATES / 2;
    // Warm up (JIT, caches, the first layout of every part), then the first sample.
    for (let i = 1; i <= 20; i += 1) {
      const feed = corrections.update(i);
      for (const widget of widgets) widget.feed = feed;
      await allUpdated(widgets);
      await breathe(i);
    }
    await sample(20, 'feed property');
    for (let i = 21; i <= half; i += 1) {
      const feed = corrections.update(i);
      for (const widget of widgets) widget.feed = feed;
      await allUpdated(widgets);
      await breathe(i);
      if (i % SAMPLE_EVERY === 0) await sample(i, 'feed property');
    }
    for (const widget of widgets)
      expect(statusLine(widget)?.kind, `${widget.localName} after the property updates`).to.equal('current');

    // --- a shared feed source on a fake clock ---------------------------------------------------
    const clock = new FakeClock();
    let requests = 0;
    let next = half + 1;
    const fakeFetch = (async () => {
      requests += 1;
      const feed = corrections.update(next);
      return new Response(JSON.stringify(feed), {
        status: 200,
        headers: { 'Content-Type': 'application/json', ETag: `"r${feed.meta.revision}"` },
      });
    }) as typeof fetch;
    const page = new FakePage();
    const source = feedSourceFor(SOURCE_URL, { clock, fetch: fakeFetch, environment: page, random: () => 0.5 });
    for (const widget of widgets) {
      widget.feed = undefined;
      widget.setAttribute('src', SOURCE_URL);
      widget.setAttribute('interval', '5');
    }
    const revisionShown = (revision: number) => () => source.state.feed?.meta.revision === revision;
    await until(revisionShown(next + 1), 'the source delivered its first feed', { timeout: 10_000 });
    await allUpdated(widgets);
    for (next = half + 2; next <= UPDATES; next += 1) {
      await clock.advance(POLLING.minInterval);
      await until(revisionShown(next + 1), `update ${next} delivered`, { timeout: 10_000, interval: 1 });
      await allUpdated(widgets);
      await breathe(next);
      if (next % SAMPLE_EVERY === 0) await sample(next, 'feed source');
    }
    expect(requests, 'one request per update, shared by the four widgets').to.equal(half);
    for (const widget of widgets)
      expect(statusLine(widget)?.kind, `${widget.localName} after the source updates`).to.equal('current');

    // --- the widgets leave ------------------------------------------------------------------------
    channel.port1.close();
    const whileOn = resources.count();
    expect(whileOn.listenerTotal, 'the widgets listen to media queries while on the page').to.be.above(
      before.listenerTotal,
    );
    box.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = resources.count();
    expect(after.scheduledAt, 'timers left behind').to.deep.equal(before.scheduledAt);
    expect(after.intervals).to.equal(before.intervals);
    expect(after.listeners, 'listeners on window, document and media queries').to.deep.equal(before.listeners);
    expect(source.size, 'nobody subscribed to the source').to.equal(0);
    expect(clock.pending, 'no timer left on the source clock').to.equal(0);
    const requestsAtRemoval = requests;
    await clock.advance(60 * 60_000);
    expect(requests, 'no poll in the hour after the widgets left').to.equal(requestsAtRemoval);
  }

  it('a source on the real clock and the real page: its timers and listeners go when the last widget leaves', async () => {
    const resources = trackPageResources();
    const logs = captureConsole();
    try {
      const before = resources.count();
      const { box, widgets } = mountWidgets({ src: '/test/fixtures/local-small.json', interval: 5 });
      await until(() => widgets.every((widget) => statusLine(widget)?.kind === 'current'), 'the feed shown', {
        timeout: 10_000,
      });
      const during = resources.count();
      expect(during.timers, 'the source’s poll and stale timers are running').to.be.at.least(2);
      expect(during.listeners['document visibilitychange'], 'the source follows the page’s visibility').to.be.at.least(
        1,
      );
      expect(during.listeners['window online']).to.be.at.least(1);
      box.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const after = resources.count();
      expect(after.scheduledAt, 'no timer left').to.deep.equal(before.scheduledAt);
      expect(after.listeners).to.deep.equal(before.listeners);
      releaseIdleFeedSources();
    } finally {
      resources.uninstall();
      logs.restore();
    }
  });
});
