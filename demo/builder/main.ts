/// <reference types="vite/client" />
/**
 * The embed builder page: the demo's feeds (replays and finals, from the demo server), the map
 * layouts for the council list, the address of the demo's own copy of Tally's built files
 * (dist-demo/tally/), and the choices kept in the page's address so a producer can bookmark or
 * share them.
 */
import districtsUrl from '../data/hexjson/uk-local-authority-districts.hexjson?url';
import constituenciesUrl from '../data/hexjson/uk-constituencies-2019.hexjson?url';
import { startBuilder, type BuilderFeed } from './builder.js';

const local = { title: 'English local elections 2018', map: districtsUrl };
const general = { title: 'UK general election 2019', map: constituenciesUrl };
const feeds: BuilderFeed[] = [
  {
    id: 'uk-local-2018',
    label: 'English local elections 2018 (live replay)',
    url: './feeds/uk-local-2018.json',
    ...local,
  },
  {
    id: 'uk-general-2019',
    label: 'UK general election 2019 (live replay)',
    url: './feeds/uk-general-2019.json',
    ...general,
  },
  {
    id: 'uk-local-2018.final',
    label: 'English local elections 2018, final results',
    url: './feeds/uk-local-2018.final.json',
    ...local,
  },
  {
    id: 'uk-general-2019.final',
    label: 'UK general election 2019, final results',
    url: './feeds/uk-general-2019.final.json',
    ...general,
  },
];

startBuilder(document.getElementById('builder')!, {
  feeds,
  assets: new URL('./tally/', location.href).href,
  initial: new URLSearchParams(location.search),
  onChange: (choices) => history.replaceState(null, '', `?${choices}`),
});
