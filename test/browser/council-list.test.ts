/**
 * <tally-council-list> in Chromium: the real 2018 night (150 councils on the 391-district
 * layout) and the 2019 general election (650 constituencies), served cross-origin; selection
 * kept in step between map and list; keyboard use of both; search and filters; updates that
 * keep scroll, focus and filters; a 3,000-area synthetic feed; bad input; axe in every state.
 *
 * Expected figures come from the source data (counted here from the raw fixture JSON) or are
 * the published results, never copied from the element's output.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/council-list/register.js';
import type { AreaSelectDetail, TallyCouncilList } from '../../src/components/council-list/council-list.js';
import { FIRST_PORTION } from '../../src/derive/portions.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { syntheticFeed } from '../../demo/council-list/synthetic.js';
import { useFeedServer } from './helpers/feed-server.js';
import { loadLocale } from '../../src/i18n/messages.js';
import { textWithout } from './helpers/text.js';

// --- helpers -------------------------------------------------------------------------------

const DISTRICTS = '/demo/data/hexjson/uk-local-authority-districts.hexjson';
const CONSTITUENCIES = '/demo/data/hexjson/uk-constituencies-2019.hexjson';
const KENSINGTON = 'E09000020';
const KINGSTON = 'E09000021';
const TRAFFORD = 'E08000009';

const root = (el: TallyCouncilList) => el.shadowRoot!;
const rows = (el: TallyCouncilList) => [...root(el).querySelectorAll<HTMLLIElement>('li.row')];
const row = (el: TallyCouncilList, id: string) => root(el).querySelector<HTMLLIElement>(`li.row[data-id="${id}"]`);
const rowButton = (el: TallyCouncilList, id: string) =>
  row(el, id)?.querySelector<HTMLButtonElement>('.row-button') ?? null;
const hexes = (el: TallyCouncilList) => [...root(el).querySelectorAll<SVGGElement>('g.hex')];
const hex = (el: TallyCouncilList, id: string) => root(el).querySelector<SVGGElement>(`g.hex[data-id="${id}"]`);
const active = (el: TallyCouncilList) => root(el).activeElement as HTMLElement | SVGElement | null;
const count = (el: TallyCouncilList) => root(el).querySelector('.count')?.textContent?.trim();
const chip = (el: TallyCouncilList, filter: string) =>
  root(el).querySelector<HTMLInputElement>(`.chip[data-filter="${filter}"] input`)!;
const chipCount = (el: TallyCouncilList, filter: string) =>
  root(el).querySelector(`.chip[data-filter="${filter}"] .chip-count`)?.textContent?.trim();

/** Text without the isolates set round feed names (U+2068, U+2069), which draw nothing. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u2068\u2069]/g, '');

/** What a sighted reader sees in a node: its text without visually hidden parts. */
const visible = (node: Element | null | undefined) => textWithout(node, '.visually-hidden');

const fixtureFeed = async (name: string): Promise<FeedInput> => (await fetch(`/test/fixtures/${name}`)).json();

async function captureConsole<T>(
  method: 'warn' | 'error',
  run: () => Promise<T>,
): Promise<{ result: T; messages: string[] }> {
  const messages: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  try {
    return { result: await run(), messages };
  } finally {
    console[method] = original;
  }
}

async function accessibleInBothSchemes(el: TallyCouncilList, what: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    el.theme = theme;
    await el.updateComplete;
    await expect(el, `axe, ${what}, ${theme}`).to.be.accessible();
  }
  el.theme = undefined;
  await el.updateComplete;
}

/** Wait for `count` frames to be drawn (layout, content-visibility and observers included). */
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Wait until the element shows rows and, if it was given a layout, its hexes. */
async function ready(el: TallyCouncilList, withMap = true): Promise<void> {
  await waitUntil(() => rows(el).length > 0 && (!withMap || hexes(el).length > 0), 'rows and map shown', {
    timeout: 15_000,
  });
  await el.updateComplete;
}

// A small hand-made local election on a 2 × 2 odd-r layout; area D is not on the map, and the
// layout's hex Z is in no election.
//   A con → con (hold)      B con → lab (gain)      C lab → noc (lost to NOC)      D awaiting
function small(
  revision = 1,
  overrides: Partial<Record<'A' | 'B' | 'C' | 'D', Partial<FeedInput['areas'][number]>>> = {},
): FeedInput {
  const area = (id: 'A' | 'B' | 'C' | 'D', base: FeedInput['areas'][number]) => ({ ...base, ...overrides[id] });
  return {
    format: 'tally-feed/1',
    meta: {
      election: { id: 'small', title: 'Small', date: '2018-05-03', kind: 'local', areaType: 'council' },
      revision,
      generatedAt: '2018-05-04T02:00:00Z',
      dataChangedAt: '2018-05-04T02:00:00Z',
      baseline: { label: 'Change since 2014' },
    },
    parties: [
      { id: 'con', name: 'Conservatives', shortName: 'Con' },
      { id: 'lab', name: 'Labour', shortName: 'Lab' },
      { id: 'ld', name: 'Liberal Democrats', shortName: 'LD' },
    ],
    areas: [
      area('A', {
        id: 'A',
        name: 'Ashby',
        region: 'North',
        type: 'District',
        status: 'declared',
        declaredAt: '2018-05-04T01:00:00Z',
        seats: { total: 40, up: 14 },
        control: { before: 'con', after: 'con' },
        results: [
          { party: 'con', seats: 9, seatsChange: 1 },
          { party: 'lab', seats: 5, seatsChange: -1 },
        ],
      }),
      area('B', {
        id: 'B',
        name: 'Brookfield',
        region: 'South',
        type: 'London borough',
        status: 'declared',
        declaredAt: '2018-05-04T03:00:00Z',
        seats: { total: 45, up: 45 },
        control: { before: 'con', after: 'lab' },
        results: [
          { party: 'lab', seats: 25, seatsHeld: 25 },
          { party: 'con', seats: 20, seatsHeld: 20 },
        ],
      }),
      area('C', {
        id: 'C',
        name: 'Cobham',
        region: 'North',
        type: 'District',
        status: 'declared',
        declaredAt: '2018-05-04T02:00:00Z',
        seats: { total: 50, up: 17, majority: 26 },
        control: { before: 'lab', after: 'noc' },
      }),
      area('D', { id: 'D', name: 'Dunmore', status: 'awaiting', control: { before: 'ld' } }),
    ],
  };
}
const SMALL_LAYOUT = {
  layout: 'odd-r',
  hexes: { A: { q: 0, r: 1, n: 'Ashby' }, B: { q: 1, r: 1 }, C: { q: 0, r: 0 }, Z: { q: 1, r: 0, n: 'Zeal' } },
};

// --- tests ---------------------------------------------------------------------------------

// Welsh is fetched the first time a widget speaks it (its own file); these tests read it at once.
before(() => loadLocale('cy'));

describe('<tally-council-list>', function () {
  this.timeout(60_000);
  const feeds = useFeedServer();

  before(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  describe('the 2018 local elections, final, on the district layout', () => {
    let el: TallyCouncilList;
    let raw: FeedInput;

    before(async () => {
      raw = await fixtureFeed('uk-local-2018.final.json');
      const url = await feeds.route('/2018.json', { fixture: 'uk-local-2018.final.json' });
      // One element for the whole block (fixture() would remove it after the first test).
      el = document.createElement('tally-council-list');
      el.setAttribute('src', url);
      el.setAttribute('layout-src', DISTRICTS);
      document.body.append(el);
      await ready(el);
    });
    after(() => el.remove());

    it('lists all 150 councils and draws all 391 districts, 150 of them selectable', () => {
      expect(rows(el)).to.have.length(150);
      expect(count(el)).to.equal('Showing 150 of 150');
      expect(hexes(el)).to.have.length(391);
      const selectable = hexes(el).filter((g) => g.getAttribute('role') === 'button');
      expect(selectable).to.have.length(150);
      // The other 241 held no election: drawn faint, hidden from assistive technology.
      const others = hexes(el).filter((g) => g.getAttribute('role') !== 'button');
      expect(others.every((g) => g.dataset.kind === 'none' && g.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect(root(el).querySelector('.missing'), 'every 2018 council is on the layout').to.equal(null);
    });

    it('words the three named councils right, in the list and on the map', () => {
      expect(visible(row(el, KENSINGTON)!.querySelector('.row-outcome'))).to.equal('Con hold');
      expect(visible(row(el, KINGSTON)!.querySelector('.row-outcome'))).to.equal('LD gain from Con');
      expect(visible(row(el, TRAFFORD)!.querySelector('.row-outcome'))).to.equal('No overall control (Con lost)');
      expect(plain(hex(el, KENSINGTON)!.getAttribute('aria-label'))).to.equal('Kensington and Chelsea: Con hold');
      expect(plain(hex(el, KINGSTON)!.getAttribute('aria-label'))).to.equal('Kingston upon Thames: LD gain from Con');
      expect(plain(hex(el, TRAFFORD)!.getAttribute('aria-label'))).to.equal('Trafford: No overall control (Con lost)');
    });

    it('marks gains with a ring and no overall control with dots, not by colour alone', () => {
      expect(hex(el, KINGSTON)!.querySelector('.ring'), 'Kingston changed hands').to.not.equal(null);
      expect(hex(el, KENSINGTON)!.querySelector('.ring'), 'Kensington was held').to.equal(null);
      expect(hex(el, TRAFFORD)!.dataset.kind).to.equal('noc');
      expect(hex(el, TRAFFORD)!.querySelector('.pattern')?.getAttribute('fill')).to.match(/^url\(#.+-dots\)$/);
      expect(hex(el, TRAFFORD)!.querySelector('.ring'), 'Trafford changed hands too').to.not.equal(null);
      // Councils with the same control share a colour; different control, different colour.
      const fillOf = (id: string) => hex(el, id)!.querySelector('.fill')!.getAttribute('fill');
      const byControl = new Map<string, Set<string | null>>();
      for (const area of raw.areas) {
        const after = area.control!.after!;
        if (!byControl.has(after)) byControl.set(after, new Set());
        byControl.get(after)!.add(fillOf(area.id));
      }
      for (const [party, fills] of byControl) expect(fills.size, party).to.equal(1);
      const distinct = new Set([...byControl.values()].map((fills) => [...fills][0]));
      expect(distinct.size).to.equal(byControl.size);
    });

    it('counts every filter from the data', () => {
      // Worked out from the raw feed: control before and after of each council.
      const changed = raw.areas.filter((area) => area.control!.before !== area.control!.after).length;
      const noc = raw.areas.filter((area) => area.control!.after === 'noc').length;
      expect(chipCount(el, 'all')).to.equal('150');
      expect(chipCount(el, 'gains')).to.equal(String(changed));
      expect(chipCount(el, 'holds')).to.equal(String(150 - changed));
      expect(chipCount(el, 'noc')).to.equal(String(noc));
      expect(noc, 'councils.csv: 21 councils in no overall control').to.equal(21);
      expect(chipCount(el, 'awaiting')).to.equal('0');
    });

    it('opens an area from its hex: the row expands with its detail, the hex is ringed, and it says so', async () => {
      const pending = oneEvent(el, 'tally-area-select');
      hex(el, KINGSTON)!
        .querySelector('polygon')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const event = (await pending) as CustomEvent<AreaSelectDetail>;
      expect(event.detail.id).to.equal(KINGSTON);
      expect(event.detail.source).to.equal('map');
      expect(event.detail.area?.name).to.equal('Kingston upon Thames');
      await el.updateComplete;
      expect(el.selected).to.equal(KINGSTON);
      expect(rowButton(el, KINGSTON)!.getAttribute('aria-expanded')).to.equal('true');
      expect(hex(el, KINGSTON)!.getAttribute('aria-pressed')).to.equal('true');
      expect(root(el).querySelector('.overlay .selected-line')?.getAttribute('points')).to.equal(
        hex(el, KINGSTON)!.querySelector('.fill')!.getAttribute('points'),
      );
      const detail = row(el, KINGSTON)!.querySelector('.detail')!;
      expect(visible(detail.querySelector('.detail-sentence'))).to.equal(
        'Liberal Democrats gain Kingston upon Thames from Conservatives',
      );
      // The row scrolled into the list's own view.
      const scroller = root(el).querySelector<HTMLElement>('.list-scroll')!;
      // The row is checked for a few frames after it is revealed (revealRow): frames, not time.
      await frames(10);
      const box = scroller.getBoundingClientRect();
      const rowBox = row(el, KINGSTON)!.getBoundingClientRect();
      expect(rowBox.top).to.be.at.least(box.top - 1);
      expect(rowBox.top).to.be.below(box.bottom);
    });

    it("shows Trafford's composition, changes and majority from the feed", async () => {
      const pending = oneEvent(el, 'tally-area-select');
      rowButton(el, TRAFFORD)!.click();
      const event = (await pending) as CustomEvent<AreaSelectDetail>;
      expect(event.detail).to.include({ id: TRAFFORD, source: 'list' });
      await el.updateComplete;
      expect(hex(el, TRAFFORD)!.getAttribute('aria-pressed')).to.equal('true');
      expect(hex(el, KINGSTON)!.getAttribute('aria-pressed')).to.equal('false');
      const area = raw.areas.find((candidate) => candidate.id === TRAFFORD)!;
      const expected = area
        .results!.filter((result) => (result.seatsHeld ?? 0) > 0)
        .sort((a, b) => b.seatsHeld! - a.seatsHeld!)
        .map((result) => String(result.seatsHeld));
      const detail = row(el, TRAFFORD)!.querySelector('.detail')!;
      expect(visible(detail.querySelector('caption'))).to.equal('Whole council after the election');
      expect([...detail.querySelectorAll('tbody td.num')].map((td) => visible(td))).to.deep.equal(expected);
      expect(visible(detail)).to.contain(`${area.seats!.majority} needed for a majority`);
      expect(visible(detail.querySelector('.detail-sentence'))).to.equal(
        'Conservatives lose Trafford to no overall control',
      );
    });

    it('closes the open area when its row is chosen again', async () => {
      const pending = oneEvent(el, 'tally-area-select');
      rowButton(el, TRAFFORD)!.click();
      const event = (await pending) as CustomEvent<AreaSelectDetail>;
      expect(event.detail.id).to.equal(null);
      await el.updateComplete;
      expect(el.selected).to.equal(undefined);
      expect(row(el, TRAFFORD)!.querySelector('.detail')).to.equal(null);
      expect(root(el).querySelector('.overlay .selected-line')).to.equal(null);
    });

    it("shows an area's result over the map on hover", async () => {
      hex(el, KENSINGTON)!
        .querySelector('polygon')!
        .dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      const tooltip = root(el).querySelector('.tooltip')!;
      expect(visible(tooltip.querySelector('strong'))).to.equal('Kensington and Chelsea');
      expect(visible(tooltip)).to.contain('Con hold');
      expect(tooltip.getAttribute('aria-hidden'), 'the hex itself carries the same words').to.equal('true');
      root(el).querySelector('svg')!.dispatchEvent(new PointerEvent('pointerleave'));
      await el.updateComplete;
      expect(root(el).querySelector('.tooltip')).to.equal(null);
    });

    it('searches by name, ignoring accents and case, and dims the rest of the map', async () => {
      const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      input.focus();
      await sendKeys({ type: 'KÍNGSTON' });
      await el.updateComplete;
      // Kingston upon Hull (E06000010) and Kingston upon Thames.
      expect(rows(el).map((item) => item.dataset.id)).to.deep.equal(['E06000010', KINGSTON]);
      await sendKeys({ type: ' thames' });
      await el.updateComplete;
      expect(rows(el).map((item) => item.dataset.id)).to.deep.equal([KINGSTON]);
      expect(count(el)).to.equal('Showing 1 of 150');
      expect(hexes(el).filter((g) => g.hasAttribute('data-dim'))).to.have.length(149);
      // The result count is announced once typing stops.
      const status = root(el).querySelector('[role="status"]')!;
      await waitUntil(() => status.textContent?.trim() === 'Showing 1 of 150', 'count announced', { timeout: 10_000 });
      input.select();
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(rows(el)).to.have.length(150);
    });

    it('filters by outcome and by party, with counts that follow each other', async () => {
      chip(el, 'gains').click();
      await el.updateComplete;
      const changed = raw.areas.filter((area) => area.control!.before !== area.control!.after);
      expect(rows(el)).to.have.length(changed.length);
      const party = root(el).querySelector<HTMLSelectElement>('select[id$="-party"]')!;
      const labourGains = changed.filter((area) => area.control!.after === 'lab').length;
      const option = [...party.options].find((candidate) => candidate.value === 'lab')!;
      expect(plain(option.textContent).trim()).to.equal(`Labour (${labourGains})`);
      party.value = 'lab';
      party.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(rows(el)).to.have.length(labourGains);
      expect(chipCount(el, 'all')).to.equal(String(raw.areas.filter((area) => area.control!.after === 'lab').length));
      chip(el, 'all').click();
      party.value = '';
      party.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(rows(el)).to.have.length(150);
    });

    it('groups by council type and sorts by declaration time', async () => {
      el.groupBy = 'type';
      await el.updateComplete;
      const labels = [...root(el).querySelectorAll('.group-label')].map((label) => visible(label));
      const types = new Map<string, number>();
      for (const area of raw.areas) types.set(area.type!, (types.get(area.type!) ?? 0) + 1);
      expect(labels).to.deep.equal(
        [...types.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `${type} (${n})`),
      );
      el.groupBy = 'none';
      el.sort = 'declared';
      await el.updateComplete;
      const timed = raw.areas
        .filter((area) => area.declaredAt)
        .sort((a, b) => Date.parse(b.declaredAt!) - Date.parse(a.declaredAt!));
      expect(
        rows(el)
          .slice(0, timed.length)
          .map((item) => item.dataset.id),
      ).to.deep.equal(timed.map((area) => area.id));
      el.sort = 'name';
      await el.updateComplete;
    });

    it('is accessible, light and dark, closed and with an area open', async () => {
      await accessibleInBothSchemes(el, 'final');
      el.selected = TRAFFORD;
      await el.updateComplete;
      await accessibleInBothSchemes(el, 'Trafford open');
      el.selected = undefined;
      await el.updateComplete;
    });
  });

  describe('an area chosen by the host page', () => {
    it('opens it and scrolls the list to it once the feed arrives, without an event', async () => {
      const url = await feeds.route('/2018-later.json', { fixture: 'uk-local-2018.final.json', delayMs: 300 });
      let events = 0;
      const el = await fixture<TallyCouncilList>(
        html`<tally-council-list selected=${TRAFFORD} src=${url} @tally-area-select=${() => events++}></tally-council-list>`,
      );
      await ready(el, false);
      await frames(10);
      expect(rowButton(el, TRAFFORD)!.getAttribute('aria-expanded')).to.equal('true');
      const scroller = root(el).querySelector<HTMLElement>('.list-scroll')!.getBoundingClientRect();
      const box = row(el, TRAFFORD)!.getBoundingClientRect();
      expect(box.top).to.be.at.least(scroller.top - 1);
      expect(box.top).to.be.below(scroller.bottom);
      expect(events, "not the reader's choice").to.equal(0);
    });
  });

  describe('keyboard', () => {
    let el: TallyCouncilList;
    beforeEach(async () => {
      el = await fixture<TallyCouncilList>(
        html`<tally-council-list .feed=${small()} .layout=${SMALL_LAYOUT}></tally-council-list>`,
      );
      await ready(el);
    });

    it('gives the list one tab stop and moves through it with the arrow keys', async () => {
      const stops = rows(el).map((item) => item.querySelector('.row-button')!.getAttribute('tabindex'));
      expect(stops.filter((value) => value === '0')).to.have.length(1);
      rowButton(el, 'A')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(active(el)).to.equal(rowButton(el, 'B'));
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(active(el)).to.equal(rowButton(el, 'D'));
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(active(el)).to.equal(rowButton(el, 'A'));
      const pending = oneEvent(el, 'tally-area-select');
      await sendKeys({ press: 'Enter' });
      expect(((await pending) as CustomEvent<AreaSelectDetail>).detail).to.include({ id: 'A', source: 'list' });
      await el.updateComplete;
      expect(rowButton(el, 'A')!.getAttribute('aria-expanded')).to.equal('true');
      // Tab leaves the list (no trap): the next stop is past the rows.
      rowButton(el, 'A')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.classList.contains('row-button') ?? false).to.equal(false);
    });

    it('gives the map one tab stop, moves between hexes with the arrow keys, and lets Tab leave', async () => {
      const stops = hexes(el).filter((g) => g.getAttribute('tabindex') === '0');
      expect(stops).to.have.length(1);
      // Reading order: the top row (r = 1) first, left to right. A is at (0, 1).
      expect(stops[0]!.dataset.id).to.equal('A');
      (stops[0] as SVGGElement).focus();
      const focusedId = () => (active(el) as SVGElement | null)?.dataset.id;
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focusedId()).to.equal('B');
      // B is at (1, 1), in a row shifted right: the hexes touching it below are (1, 0), Z, in
      // no election so not a stop, and (2, 0), which does not exist. C at (0, 0) does not
      // touch it, so the key goes nowhere rather than jumping.
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focusedId()).to.equal('B');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focusedId(), 'C at (0, 0) touches A at (0, 1) below left').to.equal('C');
      expect(root(el).querySelector('.overlay .focus-line')?.getAttribute('points')).to.equal(
        hex(el, 'C')!.querySelector('.fill')!.getAttribute('points'),
      );
      const tooltip = root(el).querySelector('.tooltip')!;
      expect(visible(tooltip)).to.contain('Cobham');
      expect(visible(tooltip)).to.contain('No overall control (Lab lost)');
      const pending = oneEvent(el, 'tally-area-select');
      await sendKeys({ press: 'Enter' });
      expect(((await pending) as CustomEvent<AreaSelectDetail>).detail).to.include({ id: 'C', source: 'map' });
      await el.updateComplete;
      expect(rowButton(el, 'C')!.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.closest('.hexes') ?? null, 'focus left the map').to.equal(null);
    });

    it('lists areas missing from the layout under the map, and dims layout areas with no election', async () => {
      const missing = root(el).querySelector('.missing')!;
      expect(visible(missing)).to.equal('1 area is not on the map: Dunmore');
      expect(hex(el, 'Z')!.dataset.kind).to.equal('none');
      missing.querySelector('button')!.click();
      await el.updateComplete;
      expect(el.selected).to.equal('D');
      expect(visible(row(el, 'D')!.querySelector('.detail-sentence'))).to.equal('Dunmore is awaiting its result');
    });

    it('says when the open area is hidden by the filters, and shows it again on request', async () => {
      el.selected = 'A';
      el.filter = 'awaiting';
      await el.updateComplete;
      const notice = root(el).querySelector('.notice[data-kind="hidden-selected"]')!;
      expect(visible(notice)).to.equal('Ashby is hidden by the filters. Show it');
      expect(hex(el, 'A')!.hasAttribute('data-dim'), 'dimmed on the map too').to.equal(true);
      notice.querySelector('button')!.click();
      await el.updateComplete;
      expect(el.filter).to.equal('all');
      expect(rowButton(el, 'A')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('zooms the map with its buttons', async () => {
      const canvas = root(el).querySelector<HTMLElement>('.map-canvas')!;
      const before = canvas.getBoundingClientRect().width;
      root(el).querySelector<HTMLButtonElement>('.zoom[data-zoom="in"]')!.click();
      await el.updateComplete;
      expect(canvas.getBoundingClientRect().width / before).to.be.closeTo(1.5, 0.02);
      expect(root(el).querySelector<HTMLButtonElement>('.zoom[data-zoom="out"]')!.disabled).to.equal(false);
      await expect(el, 'axe, zoomed').to.be.accessible();
    });
  });

  describe('updates', () => {
    it('marks new declarations and keeps focus, scroll, filters and unchanged rows through an update', async () => {
      const el = await fixture<TallyCouncilList>(
        html`<tally-council-list style="--tally-council-list-height: 8rem" .feed=${small(1)} .layout=${SMALL_LAYOUT}></tally-council-list>`,
      );
      await ready(el);
      el.filter = 'all';
      el.search = 'o'; // Brookfield, Cobham, Dunmore
      await el.updateComplete;
      expect(rows(el).map((item) => item.dataset.id)).to.deep.equal(['B', 'C', 'D']);
      // Rows drawn for the first time stand at an estimated height (content-visibility) until
      // the next frame lays them out, and the browser's scroll anchoring then moves the list:
      // wait for that first, so the test does not depend on when frames come.
      await frames(2);
      const scroller = root(el).querySelector<HTMLElement>('.list-scroll')!;
      scroller.scrollTop = 40;
      const scrollBefore = scroller.scrollTop;
      rowButton(el, 'C')!.focus();
      const rowB = row(el, 'B');
      const rowC = row(el, 'C');
      el.feed = small(2, {
        D: { status: 'declared', declaredAt: '2018-05-04T04:00:00Z', control: { before: 'ld', after: 'ld' } },
      });
      await el.updateComplete;
      expect(row(el, 'B'), 'unchanged rows are the same elements').to.equal(rowB);
      expect(row(el, 'C')).to.equal(rowC);
      expect(active(el), 'focus stays on its row').to.equal(rowButton(el, 'C'));
      expect(scroller.scrollTop).to.equal(scrollBefore);
      // And once the update has been drawn.
      await frames(2);
      expect(scroller.scrollTop, 'after the next frames').to.equal(scrollBefore);
      expect(el.search).to.equal('o');
      expect(visible(row(el, 'D')!.querySelector('.row-outcome'))).to.equal('LD hold');
      expect(row(el, 'D')!.hasAttribute('data-new')).to.equal(true);
      expect(visible(row(el, 'D')!.querySelector('.row-new'))).to.equal('New');
      expect(row(el, 'B')!.hasAttribute('data-new'), 'already declared').to.equal(false);
    });

    it('moves focus to the neighbouring row when the focused row leaves the filtered list', async () => {
      const el = await fixture<TallyCouncilList>(
        html`<tally-council-list filter="awaiting" .feed=${small(1, { C: { status: 'counting', control: { before: 'lab' } } })}></tally-council-list>`,
      );
      await ready(el, false);
      expect(rows(el).map((item) => item.dataset.id)).to.deep.equal(['C', 'D']);
      rowButton(el, 'C')!.focus();
      el.feed = small(2);
      await el.updateComplete;
      expect(rows(el).map((item) => item.dataset.id)).to.deep.equal(['D']);
      // Focus moves once the update that makes D the keyboard's row is done.
      await waitUntil(() => active(el) === rowButton(el, 'D'), 'focus on the neighbouring row', { timeout: 10_000 });
    });

    it('respects reduced motion: no animation on new rows', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await fixture<TallyCouncilList>(html`<tally-council-list .feed=${small(1)}></tally-council-list>`);
        await ready(el, false);
        el.feed = small(2, { D: { status: 'declared', control: { before: 'ld', after: 'ld' } } });
        await el.updateComplete;
        const button = rowButton(el, 'D')!;
        expect(row(el, 'D')!.hasAttribute('data-new')).to.equal(true);
        expect(getComputedStyle(button).animationDuration).to.equal('0s');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  describe('the 2019 general election on the constituency layout', () => {
    it('draws 650 constituencies, all selectable, with no NOC filter and the published totals', async () => {
      const url = await feeds.route('/2019.json', { fixture: 'uk-general-2019.final.json' });
      const el = await fixture<TallyCouncilList>(
        html`<tally-council-list src=${url} layout-src=${CONSTITUENCIES} group-by="region"></tally-council-list>`,
      );
      await ready(el);
      expect(hexes(el)).to.have.length(650);
      expect(hexes(el).filter((g) => g.getAttribute('role') === 'button')).to.have.length(650);
      expect(root(el).querySelector('.missing')).to.equal(null);
      expect(root(el).querySelector('.chip[data-filter="noc"]')).to.equal(null);
      const party = root(el).querySelector<HTMLSelectElement>('select[id$="-party"]')!;
      const option = (value: string) =>
        plain([...party.options].find((candidate) => candidate.value === value)?.textContent).trim();
      // House of Commons Library: Con 365, Lab 202, SNP 48, LD 11.
      const raw = await fixtureFeed('uk-general-2019.final.json');
      const name = (id: string) => raw.parties.find((candidate) => candidate.id === id)!.name;
      expect(option('con')).to.equal(`${name('con')} (365)`);
      expect(option('lab')).to.equal(`${name('lab')} (202)`);
      expect(option('snp')).to.equal(`${name('snp')} (48)`);
      expect(option('ld')).to.equal(`${name('ld')} (11)`);
      expect(visible(root(el).querySelector('.group-label'))).to.equal('East Midlands (46)');
      await expect(el, 'axe, 650 constituencies').to.be.accessible();
      el.remove();
    });
  });

  describe('scale', () => {
    it('puts a long list on screen in portions, each an update of its own, the open row in the first', async () => {
      const feed = syntheticFeed({ areas: 3000, declared: 0.5, revision: 1 });
      const open = feed.areas.at(-1)!.id;
      const el = document.createElement('tally-council-list');
      const portions: { rows: number; open: boolean }[] = [];
      el.addController({
        hostUpdated: () => {
          const shown = rows(el).length;
          if (shown > 0) portions.push({ rows: shown, open: row(el, open) !== null });
        },
      });
      el.selected = open;
      el.feed = feed;
      document.body.append(el);
      try {
        await el.updateComplete;
        expect(rows(el), 'updateComplete waits for the last portion').to.have.length(3000);
        expect(portions.length, `portions: ${portions.map((portion) => portion.rows).join(', ')}`).to.be.above(2);
        expect(portions[0]!.rows).to.be.at.most(FIRST_PORTION / 2 + 1);
        expect(portions[0]!.open, 'the open row is in the first portion').to.equal(true);
        expect(
          portions.every((portion, index) => index === 0 || portion.rows > portions[index - 1]!.rows),
          'each portion adds rows',
        ).to.equal(true);
        expect(portions.at(-1)!.rows).to.equal(3000);
      } finally {
        el.remove();
      }
    });

    it('stops filling when the feed goes away half way through', async () => {
      const el = await fixture<TallyCouncilList>(html`<tally-council-list></tally-council-list>`);
      el.feed = syntheticFeed({ areas: 3000, declared: 0.5, revision: 1 });
      // Let the first portion or two reach the screen, then take the feed away.
      await new Promise((resolve) => setTimeout(resolve, 0));
      el.feed = undefined;
      // Endless updates would be seen by counting them, not by a time limit a slow machine can reach.
      let updates = 0;
      let endless!: () => void;
      const runaway = new Promise<false>((resolve) => (endless = () => resolve(false)));
      el.addController({ hostUpdated: () => (updates += 1) > 50 && endless() });
      const settled = await Promise.race([el.updateComplete.then(() => true), runaway]);
      expect(settled, `updateComplete resolves: no endless updates (${updates} updates)`).to.equal(true);
      expect(rows(el)).to.have.length(0);
    });

    it('renders 3,000 areas with keyed rows, skips laying out rows off screen, and updates only the rows that changed', async () => {
      const first = syntheticFeed({ areas: 3000, declared: 0.5, revision: 1 });
      const start = performance.now();
      const el = await fixture<TallyCouncilList>(html`<tally-council-list .feed=${first}></tally-council-list>`);
      await ready(el, false);
      console.log(`3,000-area first render: ${(performance.now() - start).toFixed(0)} ms`);
      expect(rows(el)).to.have.length(3000);
      expect(getComputedStyle(rows(el)[0]!).contentVisibility).to.equal('auto');
      const list = root(el).querySelector('.list-scroll')!;
      const before = new Map(rows(el).map((item) => [item.dataset.id!, item]));
      const touched = new Set<Element>();
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const item = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest(
            'li.row',
          );
          if (item) touched.add(item);
        }
      });
      observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
      // Count the rows whose template runs (a private method, watched from outside on purpose:
      // skipping unchanged rows is the behaviour under test).
      const rendered: string[] = [];
      const internals = el as unknown as { renderRow: (row: { id: string }, ...rest: unknown[]) => unknown };
      const renderRow = internals.renderRow.bind(el);
      internals.renderRow = (row, ...rest) => {
        rendered.push(row.id);
        return renderRow(row, ...rest);
      };
      const next = syntheticFeed({ areas: 3000, declared: 0.51, revision: 2 });
      const started = performance.now();
      el.feed = next;
      await el.updateComplete;
      const elapsed = performance.now() - started;
      observer.disconnect();
      const declaredNow = new Set(next.areas.filter((area) => area.status === 'declared').map((area) => area.id));
      const newlyDeclared = first.areas
        .filter((area) => area.status !== 'declared' && declaredNow.has(area.id))
        .map((area) => area.id);
      expect(newlyDeclared.length).to.equal(30);
      // Every row element is kept; only the newly declared ones are touched.
      expect(rows(el).every((item) => before.get(item.dataset.id!) === item)).to.equal(true);
      expect([...touched].map((item) => (item as HTMLElement).dataset.id).sort()).to.deep.equal(newlyDeclared.sort());
      expect(rendered.sort(), 'only the changed rows are rendered again').to.deep.equal(newlyDeclared.sort());
      console.log(`3,000-area update: ${elapsed.toFixed(0)} ms`);
      el.remove();
    });
  });

  describe('feed states', () => {
    it('holds its height with a skeleton while loading, then shows the results', async () => {
      const url = await feeds.route('/slow.json', { json: small(1), delayMs: 1500 });
      const el = await fixture<TallyCouncilList>(html`<tally-council-list src=${url}></tally-council-list>`);
      const skeleton = root(el).querySelector('.skeleton');
      expect(skeleton).to.not.equal(null);
      expect(el.getBoundingClientRect().height).to.be.at.least(300);
      await accessibleInBothSchemes(el, 'loading');
      await ready(el, false);
      expect(rows(el)).to.have.length(4);
    });

    it('keeps the results through a failed update and says so (stale/reconnecting), accessibly', async () => {
      const url = await feeds.route('/flaky.json', { sequence: [{ json: small(1) }, { status: 500, body: 'down' }] });
      const el = await fixture<TallyCouncilList>(
        html`<tally-council-list src=${url} interval="5"></tally-council-list>`,
      );
      await ready(el, false);
      await oneEvent(el, 'tally-feed-error');
      await el.updateComplete;
      expect(rows(el)).to.have.length(4);
      expect(root(el).querySelector('.status')?.getAttribute('data-kind')).to.equal('reconnecting');
      await accessibleInBothSchemes(el, 'reconnecting');
      el.remove();
    });

    it('shows a notice when the feed cannot be loaded at all', async () => {
      const url = await feeds.route('/broken.json', { status: 404, body: 'no' });
      const el = await fixture<TallyCouncilList>(html`<tally-council-list src=${url}></tally-council-list>`);
      await waitUntil(() => root(el).querySelector('.notice[data-kind="failed"]'), 'failure notice', {
        timeout: 15_000,
      });
      expect(visible(root(el).querySelector('.notice .notice-text'))).to.equal(
        'Results are unavailable at the moment.',
      );
      await accessibleInBothSchemes(el, 'failed');
      el.remove();
    });

    it('watermarks test data and is accessible with it, and with a partial night', async () => {
      const el = await fixture<TallyCouncilList>(
        html`<tally-council-list layout-src=${DISTRICTS}></tally-council-list>`,
      );
      el.feed = await fixtureFeed('local-small.json');
      await el.updateComplete;
      await waitUntil(() => rows(el).length > 0, 'rows shown', { timeout: 10_000 });
      expect(root(el).querySelector('.watermark')).to.not.equal(null);
      expect(root(el).querySelector('.frame')!.hasAttribute('data-test')).to.equal(true);
      // The fixture's made-up ids are on no real layout: every area is listed under the map.
      expect(visible(root(el).querySelector('.missing p'))).to.equal('4 areas are not on the map:');
      await accessibleInBothSchemes(el, 'test data');
      const partial = await fixtureFeed('uk-local-2018.final.json');
      partial.meta.revision = 99;
      partial.areas = partial.areas.map((area, index) =>
        index % 3 === 0
          ? {
              id: area.id,
              name: area.name,
              status: index % 2 ? 'counting' : 'awaiting',
              control: { before: area.control!.before! },
            }
          : area,
      );
      el.feed = partial;
      await el.updateComplete;
      expect(chipCount(el, 'awaiting')).to.equal('50');
      expect(hexes(el).filter((g) => g.dataset.kind === 'awaiting')).to.have.length(50);
      await accessibleInBothSchemes(el, 'partial');
    });
  });

  describe('bad input', () => {
    it('says when the layout is not HexJSON, warns naming the problem, and keeps the list', async () => {
      const { result: el, messages } = await captureConsole('warn', async () => {
        const element = await fixture<TallyCouncilList>(
          html`<tally-council-list .feed=${small()} .layout=${{ layout: 'odd-r', hexes: { A: { q: 'one', r: 0 } } }}></tally-council-list>`,
        );
        await element.updateComplete;
        return element;
      });
      expect(visible(root(el).querySelector('.notice[data-kind="layout"]'))).to.equal(
        'The map could not be drawn (hexes["A"].q: must be a whole number, got "one"). The list below has every result.',
      );
      expect(messages.join('\n')).to.contain(
        'the layout property is not a usable HexJSON map layout: hexes["A"].q: must be a whole number',
      );
      expect(rows(el)).to.have.length(4);
      await accessibleInBothSchemes(el, 'bad layout');
    });

    it('reports a layout URL that fails, once per page, and keeps the last good layout', async () => {
      const good = await feeds.route('/layout.hexjson', { json: SMALL_LAYOUT });
      const { result: el } = await captureConsole('warn', async () => {
        const element = await fixture<TallyCouncilList>(html`<div>
          <tally-council-list .feed=${small()} layout-src=${good}></tally-council-list>
          <tally-council-list .feed=${small()} layout-src=${good}></tally-council-list>
        </div>`);
        const [a, b] = element.querySelectorAll('tally-council-list');
        await ready(a as TallyCouncilList);
        await ready(b as TallyCouncilList);
        return a as TallyCouncilList;
      });
      expect(await feeds.hits('/layout.hexjson'), 'one request for two elements').to.equal(1);
      const missing = await feeds.route('/nowhere.hexjson', { status: 404, body: 'no' });
      const { messages } = await captureConsole('warn', async () => {
        el.layoutSrc = missing;
        await waitUntil(() => root(el).querySelector('.notice[data-kind="layout"]'), 'layout error shown', {
          timeout: 10_000,
        });
      });
      expect(messages.join('\n')).to.contain(`the layout at ${missing} is not a usable HexJSON map layout: HTTP 404`);
      expect(hexes(el), 'last good layout kept').to.have.length(4);
    });

    it('says when the selected area is not in the feed', async () => {
      const { result: el, messages } = await captureConsole('warn', async () => {
        const element = await fixture<TallyCouncilList>(
          html`<tally-council-list selected="NOPE" .feed=${small()}></tally-council-list>`,
        );
        await element.updateComplete;
        return element;
      });
      expect(visible(root(el).querySelector('.notice[data-kind="unknown-area"]'))).to.equal(
        'There is no area “NOPE” in this feed.',
      );
      expect(messages.join('\n')).to.contain('there is no area "NOPE" in the feed');
      expect(rows(el)).to.have.length(4);
    });

    it('names settings it does not know on the console and uses the defaults', async () => {
      const { result: el, messages } = await captureConsole('warn', async () => {
        const element = await fixture<TallyCouncilList>(
          html`<tally-council-list filter="wins" sort="size" group-by="county" party="xyz" .feed=${small()}></tally-council-list>`,
        );
        await element.updateComplete;
        return element;
      });
      const text = messages.join('\n');
      expect(text).to.contain('filter="wins" is not one of all, gains, holds, noc, awaiting; using all');
      expect(text).to.contain('sort="size" is not one of name, declared; using name');
      expect(text).to.contain('group-by="county" is not one of none, region, type; using none');
      expect(text).to.contain('party="xyz" is not a party in the feed');
      expect(chip(el, 'all').checked).to.equal(true);
      expect(rows(el).map((item) => item.dataset.id)).to.deep.equal([]);
      expect(visible(root(el).querySelector('.empty'))).to.contain('Nothing matches these filters.');
      root(el).querySelector<HTMLButtonElement>('.empty button')!.click();
      await el.updateComplete;
      expect(rows(el)).to.have.length(4);
    });

    it('says when the feed has no areas, and keeps the last good feed when a bad one follows', async () => {
      const { result: el, messages } = await captureConsole('warn', async () => {
        const empty = small();
        empty.areas = [];
        const element = await fixture<TallyCouncilList>(html`<tally-council-list .feed=${empty}></tally-council-list>`);
        await element.updateComplete;
        return element;
      });
      expect(visible(root(el).querySelector('.notice[data-kind="empty"]'))).to.equal('No results in this feed yet.');
      expect(messages.join('\n')).to.contain('the feed has no areas yet');
      el.feed = small(2);
      await el.updateComplete;
      expect(rows(el)).to.have.length(4);
      await captureConsole('error', async () => {
        el.feed = { ...small(3), areas: [{ id: 'A', name: 'A', status: 'won' }] };
        await el.updateComplete;
      });
      expect(rows(el), 'last good feed kept').to.have.length(4);
      expect(root(el).querySelector('.status')?.getAttribute('data-kind')).to.equal('kept');
    });
  });

  describe('Welsh', () => {
    it('speaks Welsh with lang="cy"', async () => {
      const el = await fixture<TallyCouncilList>(
        html`<tally-council-list lang="cy" .feed=${small()}></tally-council-list>`,
      );
      await ready(el, false);
      expect(visible(root(el).querySelector('.chip[data-filter="gains"] .chip-label'))).to.equal('Wedi newid dwylo');
      expect(visible(row(el, 'B')!.querySelector('.row-outcome'))).to.equal('Lab yn cipio oddi ar Con');
      expect(count(el)).to.equal('Yn dangos 4 o 4');
    });
  });
});
