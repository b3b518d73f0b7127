/**
 * The feed pipeline in Node, without a browser: JSON.parse, validation, and what each widget
 * derives from a validated feed (the same calls the elements make in `willUpdate`), for the
 * first feed and for an update with ten new declarations. Every iteration parses a fresh copy,
 * so nothing cached per feed object (feedIndex) makes a later iteration cheaper than a reader's.
 *
 * Validation is measured as the feed source does it (parseFeed on the response text, less the
 * JSON.parse inside it), and for reference as for a feed object from host code (validateFeed,
 * which copies what it validates and leaves the host's objects alone).
 */
import type { Feed } from '../src/feed/schema.js';
import { parseFeed, validateFeed, type FeedValidation } from '../src/feed/validate.js';
import { seatBarModel } from '../src/derive/seat-bar-model.js';
import { partyTable } from '../src/derive/party-table.js';
import { areaRows, selectAreaRows } from '../src/derive/area-rows.js';
import { advanceTimeline, EMPTY_TIMELINE, type TickerTimeline } from '../src/derive/ticker-timeline.js';
import { tickerItemView } from '../src/derive/ticker-view.js';
import { feedChanges } from '../src/feed/changes.js';
import { translator } from '../src/i18n/messages.js';
// The ticker's own messages (badges): the element registers them when it is imported.
import '../src/components/ticker/messages.js';
import type { BenchDataset } from './feeds.js';
import { median } from './stats.js';

const LOCALE = 'en-GB';
const TICKER_ITEMS = 10;

export interface PipelineFigures {
  /** Median milliseconds per step. */
  readonly parse: number;
  readonly validate: number;
  /** validateFeed on a parsed object, as for the `feed` property. */
  readonly validateProperty: number;
  readonly derive: {
    readonly seatBar: number;
    readonly partyTable: number;
    readonly councilList: number;
    readonly ticker: number;
    readonly all: number;
  };
  /** validate + derive (all four), the figure with a 5 ms target at 650 areas. */
  readonly validateAndDerive: number;
  /** The update: validate the next feed and derive again from the previous state. */
  readonly update: { readonly validate: number; readonly derive: number; readonly total: number };
  readonly runs: number;
}

function valid(result: FeedValidation): Feed {
  if (!result.ok)
    throw new Error(`bench feed is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.feed;
}

const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
};

function deriveSeatBar(feed: Feed) {
  const result = seatBarModel(feed, { measure: 'seats', basis: 'auto' });
  if (!result.ok) throw new Error(`seat bar: ${result.problem.kind}`);
  return result.model;
}

function derivePartyTable(feed: Feed) {
  const result = partyTable(feed, {});
  if (result.kind !== 'table') throw new Error(`party table: ${result.kind}`);
  return result.table;
}

function deriveCouncilList(feed: Feed, previous?: ReturnType<typeof areaRows>) {
  const rows = areaRows(feed, LOCALE, previous);
  return { rows, selection: selectAreaRows(rows, { filter: 'all', sort: 'name', groupBy: 'none' }, LOCALE) };
}

function deriveTicker(feed: Feed, timeline: TickerTimeline = EMPTY_TIMELINE) {
  const step = advanceTimeline(timeline, feed, { hold: false });
  const t = translator(LOCALE);
  const views = step.timeline.items.slice(0, TICKER_ITEMS).map((item) => tickerItemView(item, feed, LOCALE, t));
  return { timeline: step.timeline, views };
}

/** Median timings over `runs` iterations after `warmup` unmeasured ones. */
export function measurePipeline(
  dataset: BenchDataset,
  runs: number,
  warmup = Math.max(3, Math.ceil(runs / 3)),
): PipelineFigures {
  const beforeText = JSON.stringify(dataset.before);
  const afterText = JSON.stringify(dataset.after);
  const samples: Record<string, number[]> = {};
  const add = (key: string, ms: number) => (samples[key] ??= []).push(ms);
  for (let i = 0; i < warmup + runs; i++) {
    const keep = i >= warmup;
    const record = (key: string, ms: number) => keep && add(key, ms);
    const [parsed, parse] = time(() => JSON.parse(beforeText) as unknown);
    const [, validateProperty] = time(() => valid(validateFeed(parsed)));
    const [feed, parseAndValidate] = time(() => valid(parseFeed(beforeText)));
    const validate = Math.max(0, parseAndValidate - parse);
    const [, seatBar] = time(() => deriveSeatBar(feed));
    const [, table] = time(() => derivePartyTable(feed));
    const [list, councilList] = time(() => deriveCouncilList(feed));
    const [ticker, tickerMs] = time(() => deriveTicker(feed));
    record('parse', parse);
    record('validate', validate);
    record('validateProperty', validateProperty);
    record('seatBar', seatBar);
    record('partyTable', table);
    record('councilList', councilList);
    record('ticker', tickerMs);
    record('derive', seatBar + table + councilList + tickerMs);
    record('validateAndDerive', validate + seatBar + table + councilList + tickerMs);

    const [, parseNext] = time(() => JSON.parse(afterText) as unknown);
    // As the feed source does: validated against the feed on screen.
    const [next, parseAndValidateNext] = time(() => valid(parseFeed(afterText, feed)));
    const validateNext = Math.max(0, parseAndValidateNext - parseNext);
    const [, deriveNext] = time(() => {
      feedChanges(feed, next);
      deriveSeatBar(next);
      derivePartyTable(next);
      deriveCouncilList(next, list.rows);
      deriveTicker(next, ticker.timeline);
    });
    record('updateValidate', validateNext);
    record('updateDerive', deriveNext);
    record('update', validateNext + deriveNext);
  }
  const m = (key: string) => median(samples[key]!);
  return {
    parse: m('parse'),
    validate: m('validate'),
    validateProperty: m('validateProperty'),
    derive: {
      seatBar: m('seatBar'),
      partyTable: m('partyTable'),
      councilList: m('councilList'),
      ticker: m('ticker'),
      all: m('derive'),
    },
    validateAndDerive: m('validateAndDerive'),
    update: { validate: m('updateValidate'), derive: m('updateDerive'), total: m('update') },
    runs,
  };
}
