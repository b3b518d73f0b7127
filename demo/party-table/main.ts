/**
 * The party table demo page: registers the element, gives the snapshot and fixture tables
 * their feeds (the same files the tests use), and wires up the playground.
 */
import '../../src/components/party-table/register.js';
import type { TallyPartyTable } from '../../src/components/party-table/party-table.js';
import after130 from './uk-local-2018.after-130.json';
import empty from '../../test/fixtures/empty.json';
import localSmall from '../../test/fixtures/local-small.json';
import recount from '../../test/fixtures/recount.json';
import tie from '../../test/fixtures/tie.json';
import { attributeFields, fillChoices } from '../attribute-form.js';

const snapshots: Record<string, unknown> = { 'after-130': after130 };
const fixtures: Record<string, unknown> = { empty, 'local-small': localSmall, recount, tie };

for (const table of document.querySelectorAll<TallyPartyTable>('tally-party-table[data-snapshot]')) {
  table.feed = snapshots[table.dataset.snapshot ?? ''];
}
for (const table of document.querySelectorAll<TallyPartyTable>('tally-party-table[data-fixture]')) {
  table.feed = fixtures[table.dataset.fixture ?? ''];
}

// Playground ------------------------------------------------------------------------------

const form = document.querySelector<HTMLFormElement>('#controls')!;
fillChoices(form, 'tally-party-table');
const playground = document.querySelector<TallyPartyTable>('#playground')!;
const box = document.querySelector<HTMLElement>('#playground-box')!;
const events = document.querySelector<HTMLOListElement>('#events')!;

function setAttribute(name: string, value: string): void {
  if (value === '') playground.removeAttribute(name);
  else playground.setAttribute(name, value);
}

function apply(): void {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const feed = value('feed');
  if (feed.startsWith('snapshot:')) {
    playground.removeAttribute('src');
    playground.feed = snapshots[feed.slice('snapshot:'.length)];
  } else if (feed.startsWith('fixture:')) {
    playground.removeAttribute('src');
    playground.feed = fixtures[feed.slice('fixture:'.length)];
  } else {
    playground.feed = undefined;
    playground.setAttribute('src', feed);
  }
  for (const name of attributeFields(form, 'tally-party-table')) setAttribute(name, value(name));
  box.style.maxWidth = value('width') || '';
}

form.addEventListener('input', apply);
form.addEventListener('change', apply);
apply();

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events.prepend(item);
  while (events.children.length > 30) events.lastElementChild!.remove();
}

playground.addEventListener('tally-party-table-sort', (event) =>
  log(`tally-party-table-sort ${JSON.stringify(event.detail)}`),
);
playground.addEventListener('tally-party-table-toggle', (event) =>
  log(`tally-party-table-toggle ${JSON.stringify(event.detail)}`),
);
playground.addEventListener('tally-feed-update', (event) =>
  log(`tally-feed-update revision ${event.detail.feed.meta.revision}`),
);
playground.addEventListener('tally-feed-error', (event) => log(`tally-feed-error ${event.detail.reason}`));
playground.addEventListener('tally-feed-stale', () => log('tally-feed-stale'));
