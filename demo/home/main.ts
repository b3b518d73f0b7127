/**
 * The demo home page: a live blog with the four widgets embedded between paragraphs, replaying
 * an election night from the demo server (`npm start`). The controls steer the server's replay
 * clock (`/replay`); on a static host, where there is no replay, the page shows each night's
 * final feed and says so.
 */
import '../../src/components/seat-bar/register.js';
import '../../src/components/party-table/register.js';
import '../../src/components/council-list/register.js';
import '../../src/components/ticker/register.js';
import districtsUrl from '../data/hexjson/uk-local-authority-districts.hexjson?url';
import constituenciesUrl from '../data/hexjson/uk-constituencies-2019.hexjson?url';

type NightId = 'uk-local-2018' | 'uk-general-2019';

interface NightCopy {
  headline: string;
  /** While the night replays, and on a static host where only the final results exist. */
  standfirst: string;
  finalStandfirst: string;
  mapTitle: string;
  layout: string;
  /** What the seat bar counts on this night. */
  measure: 'seats' | 'councils';
  sources: string;
}

const NIGHTS: Record<NightId, NightCopy> = {
  'uk-local-2018': {
    headline: 'English local elections 2018: results as they come in',
    standfirst:
      'Councils across England declare through the night and into Friday. This page replays the count from a results feed; every figure on it comes from that feed.',
    finalStandfirst:
      'Councils across England declared through the night and into Friday. This page shows the final results from a results feed; every figure on it comes from that feed.',
    mapTitle: 'Find your council',
    layout: districtsUrl,
    measure: 'councils',
    sources:
      'Control before and after for all 150 councils, seat figures where published, and the PA and BBC state-of-parties totals, from public sources gathered for this project. Only three declaration times are known, so the order of the other councils in this replay is simulated; the results themselves are the real ones. Hex map: Open Innovations (MIT).',
  },
  'uk-general-2019': {
    headline: 'General election 2019: results as they come in',
    standfirst:
      'All 650 constituencies declare overnight. This page replays the count in the real order of the night, from a results feed; every figure on it comes from that feed.',
    finalStandfirst:
      'All 650 constituencies declared overnight. This page shows the final results from a results feed; every figure on it comes from that feed.',
    mapTitle: 'Find your constituency',
    layout: constituenciesUrl,
    measure: 'seats',
    sources:
      'Results by constituency: House of Commons Library (Open Parliament Licence), with the real declaration times. Changes are against 2017. Hex map: Open Innovations (MIT).',
  },
};

/** What the server says about one night's replay (GET /replay). */
interface ReplayState {
  id: NightId;
  simulatedTime: number;
  speed: number;
  defaultSpeed: number;
  paused: boolean;
  finished: boolean;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const widgets = () => [
  ...document.querySelectorAll<HTMLElement>('tally-seat-bar, tally-party-table, tally-council-list, tally-ticker'),
];

let night: NightId =
  new URLSearchParams(location.search).get('night') === 'uk-general-2019' ? 'uk-general-2019' : 'uk-local-2018';
let live = false;
let replays: ReplayState[] = [];

function feedUrl(id: NightId): string {
  return live ? `feeds/${id}.json` : `feeds/${id}.final.json`;
}

function showNight(id: NightId): void {
  night = id;
  const copy = NIGHTS[id];
  $('headline').textContent = live ? copy.headline : copy.headline.replace('results as they come in', 'the results');
  $('standfirst').textContent = live ? copy.standfirst : copy.finalStandfirst;
  $('kicker').textContent = live ? 'Live · a replay' : 'Final results';
  $('map-title').textContent = copy.mapTitle;
  $('sources').textContent = copy.sources;
  document.title = `${$('headline').textContent} — a Tally demo`;
  for (const widget of widgets()) widget.setAttribute('src', feedUrl(id));
  $('bar').setAttribute('measure', copy.measure);
  $('list').setAttribute('layout-src', copy.layout);
  const radio = document.querySelector<HTMLInputElement>(`input[name="night"][value="${id}"]`);
  if (radio) radio.checked = true;
  const url = new URL(location.href);
  url.searchParams.set('night', id);
  history.replaceState(null, '', url);
  renderReplay();
}

function setTheme(theme: string): void {
  for (const widget of widgets()) widget.setAttribute('theme', theme);
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

function setLanguage(lang: string): void {
  for (const widget of widgets()) widget.setAttribute('lang', lang);
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

function renderReplay(): void {
  const state = replays.find((replay) => replay.id === night);
  if (!state) return;
  const pause = $('pause');
  pause.textContent = state.paused ? 'Play' : 'Pause';
  pause.setAttribute('aria-pressed', String(state.paused));
  const factor = state.speed / state.defaultSpeed;
  const speed = $<HTMLSelectElement>('speed');
  const closest = [...speed.options].reduce((best, option) =>
    Math.abs(Number(option.value) - factor) < Math.abs(Number(best.value) - factor) ? option : best,
  );
  speed.value = closest.value;
  const when = clockFormat.format(state.simulatedTime);
  $('clock').textContent = state.finished
    ? `Replay finished (${when}, UK time)`
    : `Replay time ${when}, UK time${state.paused ? ' · paused' : ''}`;
}

async function readReplay(): Promise<boolean> {
  try {
    const response = await fetch('replay', { cache: 'no-store' });
    if (!response.ok) return false;
    const body = (await response.json()) as { nights?: ReplayState[] };
    if (!Array.isArray(body.nights)) return false;
    replays = body.nights;
    renderReplay();
    return true;
  } catch {
    return false;
  }
}

async function control(action: 'pause' | 'play' | 'restart' | 'end' | 'speed', speed?: number): Promise<void> {
  try {
    const response = await fetch('replay', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ night, action, ...(speed !== undefined ? { speed } : {}) }),
    });
    if (!response.ok)
      console.warn(`[demo] the replay did not accept "${action}": HTTP ${response.status} ${await response.text()}`);
  } catch (error) {
    console.warn(`[demo] could not reach the replay: ${error instanceof Error ? error.message : String(error)}`);
  }
  await readReplay();
}

async function start(): Promise<void> {
  live = await readReplay();
  $('replay-controls').hidden = !live;
  $('static-note').hidden = live;
  showNight(night);

  $('controls').addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'night') showNight(target.value as NightId);
    else if (target.id === 'theme') setTheme(target.value);
    else if (target.id === 'lang') setLanguage(target.value);
    else if (target.id === 'speed') {
      const state = replays.find((replay) => replay.id === night);
      if (state) void control('speed', state.defaultSpeed * Number(target.value));
    }
  });
  $('pause').addEventListener('click', () => {
    const state = replays.find((replay) => replay.id === night);
    void control(state?.paused ? 'play' : 'pause');
  });
  $('end').addEventListener('click', () => void control('end'));
  $('restart').addEventListener('click', () => void control('restart'));
  if (live) setInterval(() => void readReplay(), 2000);
}

void start();
