/**
 * The <tally-ticker> demo: a night stepped through by hand (one feed object given to two
 * tickers), the live demo-server feeds, and every feed state, from the same fixtures the tests
 * use. `?feeds=<url>` points the live section at another demo server.
 */
import '../../src/components/ticker/register.js';
import type { TallyTicker } from '../../src/components/ticker/ticker.js';
import type { Feed } from '../../src/feed/schema.js';
import { assertFeed } from '../../src/feed/validate.js';
import { ScriptedNight } from './scripted-night.js';
import localSmall from '../../test/fixtures/local-small.json';
import recount from '../../test/fixtures/recount.json';
import empty from '../../test/fixtures/empty.json';
import malformed from '../../test/fixtures/malformed.json';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const strip = byId<TallyTicker>('strip');
const list = byId<TallyTicker>('list');
const remaining = byId('remaining');
const log = byId<HTMLOListElement>('log');
const nightSelect = byId<HTMLSelectElement>('night');
const playButton = byId<HTMLButtonElement>('play');
const recountButton = byId<HTMLButtonElement>('recount');
const correctButton = byId<HTMLButtonElement>('correct');

type NightId = 'uk-general-2019' | 'uk-local-2018' | 'local-small';

async function finalFeed(id: NightId): Promise<Feed> {
  if (id === 'local-small') return assertFeed(localSmall);
  const module =
    id === 'uk-general-2019'
      ? await import('../../test/fixtures/uk-general-2019.final.json')
      : await import('../../test/fixtures/uk-local-2018.final.json');
  return assertFeed(module.default);
}

/** GE2019 in its real order; elsewhere the areas with a known time first, then the feed's order. */
function declarationOrder(feed: Feed): string[] {
  const timed = feed.areas
    .filter((area) => area.status === 'declared' && area.declaredAt !== undefined)
    .sort((a, b) => Date.parse(a.declaredAt!) - Date.parse(b.declaredAt!));
  const untimed = feed.areas.filter((area) => area.status === 'declared' && area.declaredAt === undefined);
  return [...timed, ...untimed].map((area) => area.id);
}

const NOTES: Record<NightId, string> = {
  'uk-general-2019':
    'Demo replay: real results in their real declaration order, each timed when it was declared in this demo.',
  'uk-local-2018':
    'Demo replay: real results in an invented order (three councils first, then the feed order), each timed when it was declared in this demo.',
  'local-small': 'Demo replay of a hand-made test fixture; corrections and recounts here are invented.',
};

let night: ScriptedNight | undefined;
let timer: ReturnType<typeof setInterval> | undefined;

function publish(): void {
  if (!night) return;
  const feed = night.feed();
  strip.feed = feed;
  list.feed = feed;
  remaining.textContent = `${night.remaining} still to declare`;
  recountButton.disabled = !night.isTestData;
  correctButton.disabled = !night.isTestData || night.latest === undefined;
}

async function start(id: NightId): Promise<void> {
  stop();
  const final = await finalFeed(id);
  night = new ScriptedNight(final, { order: declarationOrder(final), note: NOTES[id] });
  // A few results already in, over the last ten minutes, so the page opens mid-night.
  night.declareNext(id === 'local-small' ? 2 : 5, Date.now() - 60_000, 2 * 60_000);
  log.replaceChildren();
  publish();
}

function stop(): void {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
  playButton.textContent = 'Play';
  playButton.setAttribute('aria-pressed', 'false');
}

byId('next').addEventListener('click', () => {
  night?.declareNext(1);
  publish();
});
byId('next5').addEventListener('click', () => {
  night?.declareNext(5);
  publish();
});
playButton.addEventListener('click', () => {
  if (timer !== undefined) return stop();
  playButton.textContent = 'Stop';
  playButton.setAttribute('aria-pressed', 'true');
  timer = setInterval(() => {
    if (!night || night.remaining === 0) return stop();
    night.declareNext(1 + Math.floor(Math.random() * 3));
    publish();
  }, 3000);
});
recountButton.addEventListener('click', () => {
  night?.recountNext();
  publish();
});
correctButton.addEventListener('click', () => {
  night?.correctLatest();
  publish();
});
byId('restart').addEventListener('click', () => void start(nightSelect.value as NightId));
nightSelect.addEventListener('change', () => void start(nightSelect.value as NightId));

list.addEventListener('tally-ticker-item', (event) => {
  const entry = document.createElement('li');
  const time = new Date(event.detail.item.at).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  entry.textContent = `${time} — ${event.detail.text}`;
  log.append(entry);
  entry.scrollIntoView({ block: 'nearest' });
});

// Options for the list.
const option = (id: string, apply: (value: string) => void) => {
  const input = byId<HTMLInputElement | HTMLSelectElement>(id);
  input.addEventListener('change', () => apply(input.value));
};
option('lang', (value) => (list.lang = value));
option('theme', (value) => (list.theme = value as TallyTicker['theme']));
option('mode', (value) => (list.mode = value as TallyTicker['mode']));
option('max-items', (value) => (list.maxItems = Number(value)));
option('party', (value) => (list.party = value || undefined));
option('kinds', (value) => (list.kinds = value || undefined));

// Live feeds from the demo server.
const feedsBase = new URLSearchParams(location.search).get('feeds') ?? './feeds/';
for (const ticker of document.querySelectorAll<TallyTicker>('tally-ticker.live')) {
  ticker.src = new URL(`${ticker.dataset.feed}.json`, new URL(feedsBase, location.href)).href;
}

// Feed states.
byId<TallyTicker>('test-data').feed = localSmall;
byId<TallyTicker>('events').feed = recount;
byId<TallyTicker>('empty').feed = empty;
byId<TallyTicker>('broken').feed = malformed;
byId<TallyTicker>('unknown-area').feed = localSmall;
byId<TallyTicker>('welsh').feed = localSmall;

void start('uk-general-2019');
