/**
 * The seat bar demo page: registers the element, gives the fixture charts their feeds (the
 * same files the tests use), replays the 2019 general election to a partial count in the
 * browser (from the final feed's own declaration times, so nothing is made up), and wires up
 * the playground.
 */
import '../../src/components/seat-bar/register.js';
import type { TallySeatBar } from '../../src/components/seat-bar/seat-bar.js';
import type { Feed } from '../../src/feed/schema.js';
import { assertFeed } from '../../src/feed/validate.js';
import { replayFeed, timelineFromDeclaredAt } from '../../src/adapters/replay.js';
import empty from '../../test/fixtures/empty.json';
import localSmall from '../../test/fixtures/local-small.json';
import { attributeFields, fillChoices } from '../attribute-form.js';

const fixtures: Record<string, unknown> = { empty, 'local-small': localSmall };

for (const chart of document.querySelectorAll<TallySeatBar>('tally-seat-bar[data-fixture]')) {
  chart.feed = fixtures[chart.dataset.fixture ?? ''];
}

/** The 2019 general election as it stood when the `declared`th constituency declared. */
async function generalElectionAfter(declared: number): Promise<Feed> {
  const response = await fetch('./feeds/uk-general-2019.final.json');
  if (!response.ok) throw new Error(`the final 2019 feed could not be loaded (HTTP ${response.status})`);
  const final = assertFeed(await response.json());
  const timeline = timelineFromDeclaredAt(final);
  const times = [...timeline.values()].sort((a, b) => a - b);
  const at = times[declared - 1];
  if (at === undefined) throw new Error(`the 2019 feed has only ${times.length} declaration times`);
  // Constituencies sharing that minute declare together, so "after" can be a little over `declared`.
  return replayFeed(final, at, { timeline, titleSuffix: ' (replayed)' });
}

const partials = new Map<number, Promise<Feed>>();
function partial(declared: number): Promise<Feed> {
  let feed = partials.get(declared);
  if (!feed) {
    feed = generalElectionAfter(declared);
    partials.set(declared, feed);
  }
  return feed;
}

for (const chart of document.querySelectorAll<TallySeatBar>('tally-seat-bar[data-partial]')) {
  partial(Number(chart.dataset.partial)).then(
    (feed) => (chart.feed = feed),
    (error: unknown) => console.error(`[demo] ${(error as Error).message}`),
  );
}

// Playground ------------------------------------------------------------------------------

const form = document.querySelector<HTMLFormElement>('#controls')!;
fillChoices(form, 'tally-seat-bar');
const playground = document.querySelector<TallySeatBar>('#playground')!;
const box = document.querySelector<HTMLElement>('#playground-box')!;
const events = document.querySelector<HTMLOListElement>('#events')!;

function setAttribute(name: string, value: string): void {
  if (value === '') playground.removeAttribute(name);
  else playground.setAttribute(name, value);
}

async function apply(): Promise<void> {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const feed = value('feed');
  for (const name of attributeFields(form, 'tally-seat-bar')) setAttribute(name, value(name));
  box.style.maxWidth = value('width') || '';
  if (feed.startsWith('partial:')) {
    playground.removeAttribute('src');
    playground.feed = await partial(Number(feed.slice('partial:'.length)));
  } else if (feed.startsWith('fixture:')) {
    playground.removeAttribute('src');
    playground.feed = fixtures[feed.slice('fixture:'.length)];
  } else {
    playground.feed = undefined;
    playground.setAttribute('src', feed);
  }
}

form.addEventListener('input', () => void apply());
form.addEventListener('change', () => void apply());
void apply();

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events.prepend(item);
  while (events.children.length > 30) events.lastElementChild!.remove();
}

playground.addEventListener('tally-party-select', (event) => log(`tally-party-select ${JSON.stringify(event.detail)}`));
playground.addEventListener('tally-feed-update', (event) =>
  log(`tally-feed-update revision ${event.detail.feed.meta.revision}`),
);
playground.addEventListener('tally-feed-error', (event) => log(`tally-feed-error ${event.detail.reason}`));
playground.addEventListener('tally-feed-stale', () => log('tally-feed-stale'));
