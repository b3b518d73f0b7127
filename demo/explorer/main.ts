/**
 * The temporary feed explorer: polls one demo feed and shows its progress line and state of
 * the parties as a plain table, using only Tally's pure derivations and formatting. It will be
 * replaced by the widgets' demo pages.
 */
import type { Feed } from '../../src/feed/schema.js';
import { validateFeed, formatIssues } from '../../src/feed/validate.js';
import { progress } from '../../src/derive/progress.js';
import { stateOfParties, type PartyStanding } from '../../src/derive/state-of-parties.js';
import { describeProgress } from '../../src/i18n/sentences.js';
import { formatChange, formatNumber, formatShare, formatTime } from '../../src/i18n/format.js';
import { feedNames } from '../../src/i18n/names.js';
import { resolvePartyColour } from '../../src/theme/party-colours.js';

const LOCALE = 'en-GB';
const NIGHTS = ['uk-local-2018', 'uk-general-2019'] as const;
type NightId = (typeof NIGHTS)[number];
const DEFAULT_POLL_SECONDS = 5;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('night-form');
const title = byId('results-title');
const progressLine = byId('progress');
const metaLine = byId('meta');
const statusLine = byId('status');
const table = byId<HTMLTableElement>('parties');
const caption = byId('parties-caption');
const head = byId('parties-head');
const body = byId('parties-body');
const note = byId('note');

interface Column {
  heading: string;
  value: (row: PartyStanding) => string | undefined;
}

const COLUMNS: Column[] = [
  { heading: 'Councils', value: (row) => (row.councils === undefined ? undefined : formatNumber(row.councils, LOCALE)) },
  { heading: 'Change (councils)', value: (row) => (row.councilsChange === undefined ? undefined : formatChange(row.councilsChange, LOCALE)) },
  { heading: 'Seats', value: (row) => (row.seats === undefined ? undefined : formatNumber(row.seats, LOCALE)) },
  { heading: 'Change (seats)', value: (row) => (row.seatsChange === undefined ? undefined : formatChange(row.seatsChange, LOCALE)) },
  { heading: 'Share', value: (row) => (row.share === undefined ? undefined : formatShare(row.share, LOCALE)) },
];

let night: NightId = initialNight();
/** The URL that answered last for this night: the live replay, or the final feed on a static host. */
let feedUrl = `feeds/${night}.json`;
let shown: Feed | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

function initialNight(): NightId {
  const asked = new URLSearchParams(location.search).get('night');
  return (NIGHTS as readonly string[]).includes(asked ?? '') ? (asked as NightId) : 'uk-local-2018';
}

function setStatus(text: string, kind: 'info' | 'error' = 'info') {
  statusLine.textContent = text;
  statusLine.dataset.kind = kind;
}

function render(feed: Feed) {
  const names = feedNames(feed, LOCALE);
  const at = progress(feed);
  const state = stateOfParties(feed);
  title.textContent = feed.meta.election.title;
  progressLine.textContent = describeProgress(at.declared, at.total, at.areaType, LOCALE);
  metaLine.textContent = `Revision ${feed.meta.revision} · data changed ${formatTime(feed.meta.dataChangedAt, LOCALE)} · ${feed.meta.test ? 'TEST DATA · ' : ''}source: ${feedUrl}`;

  const rows = [...state.parties, ...(state.noOverallControl ? [state.noOverallControl] : [])];
  const columns = COLUMNS.filter((column) => rows.some((row) => column.value(row) !== undefined));
  caption.textContent = `State of the parties, ${describeProgress(state.declared, state.total, at.areaType, LOCALE)}${state.basis === 'publisher' ? ' (publisher\'s totals)' : ' (derived from declared results)'}`;

  head.replaceChildren(...['Party', ...columns.map((column) => column.heading)].map((text) => {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = text;
    return cell;
  }));
  const parties = new Map(feed.parties.map((party) => [party.id, party]));
  body.replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = names.party(row.party);
    name.style.setProperty('--party-colour', resolvePartyColour(row.party, 'light', parties.get(row.party)));
    tr.append(name, ...columns.map((column) => {
      const cell = document.createElement('td');
      cell.textContent = column.value(row) ?? '–';
      return cell;
    }));
    return tr;
  }));
  table.hidden = rows.length === 0;
  note.textContent = [state.baselineLabel, feed.meta.note].filter(Boolean).join(' · ');
}

async function fetchFeed(url: string): Promise<Response> {
  // "no-cache": the browser revalidates with If-None-Match and the server answers 304 when
  // nothing changed. The URL is never cache-busted.
  return fetch(url, { cache: 'no-cache', headers: { Accept: 'application/json' } });
}

async function poll(myGeneration: number) {
  if (myGeneration !== generation) return;
  let interval = DEFAULT_POLL_SECONDS;
  try {
    if (document.hidden) return;
    let response = await fetchFeed(feedUrl);
    if (response.status === 404 && feedUrl.endsWith(`${night}.json`)) {
      // A static host has only the final feeds.
      feedUrl = `feeds/${night}.final.json`;
      response = await fetchFeed(feedUrl);
    }
    if (myGeneration !== generation) return;
    if (!response.ok) throw new Error(`the feed answered ${response.status} ${response.statusText}`);
    const result = validateFeed(await response.json());
    if (myGeneration !== generation) return;
    if (!result.ok) throw new Error(`the feed is not valid: ${formatIssues(result.errors)}`);
    interval = result.feed.meta.pollInterval ?? DEFAULT_POLL_SECONDS;
    if (!shown || result.feed.meta.revision >= shown.meta.revision) {
      shown = result.feed;
      render(shown);
    }
    setStatus(`Checked at ${new Date().toLocaleTimeString(LOCALE)}${feedUrl.endsWith('.final.json') ? ' (final results; no live replay on this host)' : ''}.`);
  } catch (error) {
    if (myGeneration !== generation) return;
    const reason = error instanceof Error ? error.message : String(error);
    setStatus(`Could not update: ${reason}.${shown ? ' Showing the last good results.' : ''} Trying again shortly.`, 'error');
  } finally {
    if (myGeneration === generation) timer = setTimeout(() => void poll(myGeneration), interval * 1000);
  }
}

function start(next: NightId) {
  night = next;
  feedUrl = `feeds/${night}.json`;
  shown = undefined;
  generation += 1;
  clearTimeout(timer);
  title.textContent = 'Loading…';
  for (const element of [progressLine, metaLine, note]) element.textContent = '';
  table.hidden = true;
  setStatus('');
  void poll(generation);
}

form.addEventListener('change', () => {
  const chosen = new FormData(form).get('night') as NightId;
  const url = new URL(location.href);
  url.searchParams.set('night', chosen);
  history.replaceState(null, '', url);
  start(chosen);
});

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    clearTimeout(timer);
    void poll(generation);
  }
});

for (const input of form.querySelectorAll<HTMLInputElement>('input[name="night"]')) input.checked = input.value === night;
start(night);
