/// <reference types="vite/client" />
/**
 * The council list demo page: registers the element, gives each example its feed and map
 * layout (the same files the tests use), and wires up the playground. The layouts are the raw
 * HexJSON files in demo/data/hexjson, which Vite copies into the build (`?url`).
 */
import '../../src/components/council-list/register.js';
import type { TallyCouncilList } from '../../src/components/council-list/council-list.js';
import districtsUrl from '../data/hexjson/uk-local-authority-districts.hexjson?url';
import constituenciesUrl from '../data/hexjson/uk-constituencies-2019.hexjson?url';
import empty from '../../test/fixtures/empty.json';
import localSmall from '../../test/fixtures/local-small.json';
import postponed from '../../test/fixtures/postponed.json';
import recount from '../../test/fixtures/recount.json';
import tie from '../../test/fixtures/tie.json';
import uncontested from '../../test/fixtures/uncontested.json';
import { syntheticFeed } from './synthetic.js';
import { attributeFields, fillChoices } from '../attribute-form.js';

const fixtures: Record<string, unknown> = { empty, 'local-small': localSmall, postponed, recount, tie, uncontested };
const layouts: Record<string, string> = { districts: districtsUrl, constituencies: constituenciesUrl };

/** The layout that covers a night's areas. */
const layoutFor = (night: string) =>
  night.startsWith('uk-local') ? districtsUrl : night.startsWith('uk-general') ? constituenciesUrl : undefined;

for (const list of document.querySelectorAll<TallyCouncilList>('tally-council-list[data-night]')) {
  list.setAttribute('src', `./feeds/${list.dataset.night}.json`);
  const layout = layouts[list.dataset.layout ?? ''];
  if (layout) list.setAttribute('layout-src', layout);
}
for (const list of document.querySelectorAll<TallyCouncilList>('tally-council-list[data-fixture]')) {
  list.feed = fixtures[list.dataset.fixture ?? ''];
  // A "layout" that is not HexJSON: the map says what is wrong, the list carries on.
  if (list.hasAttribute('data-bad-layout')) list.layout = { layout: 'odd-r', hexes: { X07000801: { q: 'one', r: 0 } } };
}

// Playground ------------------------------------------------------------------------------

const form = document.querySelector<HTMLFormElement>('#controls')!;
fillChoices(form, 'tally-council-list');
const playground = document.querySelector<TallyCouncilList>('#playground')!;
const box = document.querySelector<HTMLElement>('#playground-box')!;
const events = document.querySelector<HTMLOListElement>('#events')!;

function setAttribute(name: string, value: string): void {
  if (value === '') playground.removeAttribute(name);
  else playground.setAttribute(name, value);
}

let synthetic: unknown;
let shownNight = '';

function apply(): void {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const night = value('feed');
  if (night !== shownNight) {
    shownNight = night;
    if (night === 'synthetic') {
      playground.removeAttribute('src');
      synthetic ??= syntheticFeed({ areas: 3000, declared: 0.6 });
      playground.feed = synthetic;
    } else {
      playground.feed = undefined;
      playground.setAttribute('src', `./feeds/${night}.json`);
    }
  }
  const layout = value('map') === 'none' ? undefined : layoutFor(night);
  setAttribute('layout-src', layout ?? '');
  for (const name of attributeFields(form, 'tally-council-list')) setAttribute(name, value(name));
  box.style.maxWidth = value('width') || '';
}

// Fields can be preset from the address: council-list.html?feed=uk-general-2019.final&theme=dark
for (const [name, value] of new URLSearchParams(location.search)) {
  const field = form.elements.namedItem(name);
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
}

form.addEventListener('change', apply);
form.addEventListener('input', (event) => {
  if (event.target instanceof HTMLInputElement) apply();
});
apply();

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events.prepend(item);
  while (events.children.length > 30) events.lastElementChild!.remove();
}

playground.addEventListener('tally-area-select', (event) =>
  log(`tally-area-select ${JSON.stringify({ id: event.detail.id, source: event.detail.source })}`),
);
playground.addEventListener('tally-feed-update', (event) =>
  log(`tally-feed-update revision ${event.detail.feed.meta.revision}`),
);
playground.addEventListener('tally-feed-error', (event) => log(`tally-feed-error ${event.detail.reason}`));
playground.addEventListener('tally-feed-stale', () => log('tally-feed-stale'));
