/**
 * The screenshot stage: one widget with real results, in the setting the address asks for.
 * `demo/screenshots.mjs` opens it once per widget and setting and photographs `#stage`.
 */
import '../../src/components/seat-bar/register.js';
import '../../src/components/party-table/register.js';
import '../../src/components/council-list/register.js';
import '../../src/components/ticker/register.js';
import '../../src/components/area-result/register.js';
import { addMessages, ownMessages } from '../../src/i18n/messages.js';
import { pseudoLocalise } from '../../src/i18n/pseudo.js';
import { assertFeed } from '../../src/feed/validate.js';
import type { Feed } from '../../src/feed/schema.js';
import districtsUrl from '../data/hexjson/uk-local-authority-districts.hexjson?url';

const params = new URLSearchParams(location.search);
const widget = params.get('widget') ?? 'seat-bar';
const stage = document.getElementById('stage')!;
const heading = document.getElementById('heading')!;
if (params.has('shot')) document.body.dataset.shot = '';

const TITLES: Record<string, string> = {
  'seat-bar': 'UK general election 2019',
  'party-table': 'English local elections 2018',
  'council-list': 'English local elections 2018',
  ticker: 'English local elections 2018',
  'area-result': 'UK general election 2019',
};

async function feedFor(name: string): Promise<Feed> {
  const module =
    name === 'seat-bar' || name === 'area-result'
      ? await import('../../test/fixtures/uk-general-2019.final.json')
      : await import('../../test/fixtures/uk-local-2018.final.json');
  return assertFeed(module.default);
}

async function main(): Promise<void> {
  if (!(widget in TITLES)) {
    stage.textContent = `No widget "${widget}": use seat-bar, party-table, council-list, ticker or area-result.`;
    return;
  }
  if (params.get('dir') === 'rtl') {
    addMessages('ar-XB', pseudoLocalise(ownMessages('en-GB'), { mirror: true }));
    stage.dir = 'rtl';
    stage.lang = 'ar-XB';
  } else if (params.get('lang')) stage.lang = params.get('lang')!;
  heading.textContent = TITLES[widget]!;
  stage.dataset.widget = widget;
  const element = document.createElement(`tally-${widget}`) as HTMLElement & {
    feed: unknown;
    updateComplete: Promise<unknown>;
  };
  const theme = params.get('theme');
  if (theme) element.setAttribute('theme', theme);
  if (widget === 'council-list') {
    element.setAttribute('layout-src', districtsUrl);
    element.setAttribute('selected', 'E07000236');
  }
  if (widget === 'ticker') element.setAttribute('max-items', '5');
  // Houghton and Sunderland South, the example of a single result.
  if (widget === 'area-result') element.setAttribute('area', 'E14000754');
  // Any other setting from the address: layout=parliament, mode=strip, …
  for (const name of ['layout', 'mode', 'measure', 'columns', 'filter', 'group-by']) {
    const value = params.get(name);
    if (value) element.setAttribute(name, value);
  }
  element.feed = await feedFor(widget);
  stage.append(element);
  await element.updateComplete;
  document.body.dataset.ready = 'true';
}

void main();
