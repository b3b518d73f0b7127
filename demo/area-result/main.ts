/**
 * The result card demo page: registers the card and the council list (for the map beside the
 * card), gives the fixture cards their feed (the same file the tests use), points the map at its
 * HexJSON layout, and lists the search card's events.
 */
import '../../src/components/area-result/register.js';
import '../../src/components/council-list/register.js';
import type { TallyAreaResult } from '../../src/components/area-result/area-result.js';
import type { TallyCouncilList } from '../../src/components/council-list/council-list.js';
import districtsUrl from '../data/hexjson/uk-local-authority-districts.hexjson?url';
import wards from '../../test/fixtures/wards.json';

const fixtures: Record<string, unknown> = { wards };
for (const card of document.querySelectorAll<TallyAreaResult>('tally-area-result[data-fixture]'))
  card.feed = fixtures[card.dataset.fixture ?? ''];

for (const list of document.querySelectorAll<TallyCouncilList>('tally-council-list[data-layout="districts"]'))
  list.setAttribute('layout-src', districtsUrl);

const events = document.querySelector<HTMLOListElement>('#events')!;
function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events.prepend(item);
  while (events.children.length > 30) events.lastElementChild!.remove();
}
const find = document.querySelector<TallyAreaResult>('#find')!;
find.addEventListener('tally-area-change', (event) =>
  log(`tally-area-change ${JSON.stringify({ id: event.detail.id, source: event.detail.source })}`),
);
find.addEventListener('tally-feed-update', (event) =>
  log(`tally-feed-update revision ${event.detail.feed.meta.revision}`),
);
find.addEventListener('tally-feed-error', (event) => log(`tally-feed-error ${event.detail.reason}`));
