/**
 * The house-styles demo: the same four widgets and the same real results, restyled by one
 * stylesheet of tokens and parts per newsroom. The switches set the theme class and the scheme
 * on the page, and `theme` and `lang` on the widgets.
 */
import '../../src/components/seat-bar/register.js';
import '../../src/components/party-table/register.js';
import '../../src/components/council-list/register.js';
import '../../src/components/ticker/register.js';
import { assertFeed } from '../../src/feed/validate.js';
import districtsUrl from '../data/hexjson/uk-local-authority-districts.hexjson?url';
import local2018 from '../../test/fixtures/uk-local-2018.final.json';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const site = byId('site');
const styleSelect = byId<HTMLSelectElement>('style');
const schemeSelect = byId<HTMLSelectElement>('scheme');
const langSelect = byId<HTMLSelectElement>('lang');
const widgets = [
  ...document.querySelectorAll<HTMLElement & { feed: unknown }>(
    'tally-seat-bar, tally-party-table, tally-council-list, tally-ticker',
  ),
];
const dark = matchMedia('(prefers-color-scheme: dark)');

const MASTHEADS: Record<string, [string, string]> = {
  ledger: ['The Northern Ledger', 'Independent since the demo began'],
  pulse: ['Metro Pulse', 'Your city, live'],
  '': ['Tally', 'The widgets as they come'],
};

const params = new URLSearchParams(location.search);
if (params.has('style')) styleSelect.value = params.get('style')!;
if (params.has('scheme')) schemeSelect.value = params.get('scheme')!;
if (params.has('lang')) langSelect.value = params.get('lang')!;

function apply(): void {
  const style = styleSelect.value;
  const chosen = schemeSelect.value;
  const scheme = chosen === 'auto' ? (dark.matches ? 'dark' : 'light') : chosen;
  site.className = `site${style ? ` theme-${style}` : ''}`;
  site.dataset.scheme = scheme;
  document.documentElement.style.colorScheme = scheme;
  const [name, tagline] = MASTHEADS[style] ?? MASTHEADS['']!;
  byId('masthead-name').textContent = name;
  byId('masthead-tagline').textContent = tagline;
  for (const widget of widgets) {
    widget.setAttribute('theme', chosen);
    widget.lang = langSelect.value;
  }
}

for (const select of [styleSelect, schemeSelect, langSelect]) select.addEventListener('change', apply);
dark.addEventListener('change', apply);
apply();

const feed = assertFeed(local2018);
byId('list').setAttribute('layout-src', districtsUrl);
for (const widget of widgets) widget.feed = feed;
