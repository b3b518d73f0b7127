/**
 * <tally-seat-bar> in Chromium: the real 2019 and 2018 feeds over HTTP (numbers on screen are
 * checked against the published results), the three layouts, areas, bad input, events,
 * keyboard, hover, theming through CSS variables, animation and reduced motion, and axe in
 * every state, light and dark.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/components/seat-bar/register.js';
import type { SeatBarSelectDetail, TallySeatBar } from '../../src/components/seat-bar/seat-bar.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { useFeedServer } from './helpers/feed-server.js';
import { loadLocale } from '../../src/i18n/messages.js';

// Helpers -----------------------------------------------------------------------------------

const root = (el: TallySeatBar) => el.shadowRoot!;
const one = <T extends Element = HTMLElement>(el: TallySeatBar, selector: string) =>
  root(el).querySelector<T>(selector);
const all = <T extends Element = HTMLElement>(el: TallySeatBar, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
/** Text as a reader sees it (the isolates round feed names draw nothing). */
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
/** The details a control carries for screen readers (its description). */
const description = (el: TallySeatBar, control: Element) =>
  text(root(el).getElementById(control.getAttribute('aria-describedby') ?? ''));

/** Settle: the element rendered, the width observer reported, and it rendered again. */
async function settled(el: TallySeatBar): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
}

/** What each party shows: its in-bar label or its legend entry, as "Name N". */
function shownFigures(el: TallySeatBar): string[] {
  const labels = all(el, '.segment .label').map(text);
  const legend = all(el, '.legend-item').map(text);
  return [...labels, ...legend];
}

/** The published result of the 2019 general election (House of Commons Library, CBP-8749). */
const GE2019 = [
  ['Conservatives', 'Con', 365],
  ['Labour', 'Lab', 202],
  ['SNP', 'SNP', 48],
  ['Liberal Democrats', 'LD', 11],
  ['DUP', 'DUP', 8],
  ['Sinn Féin', 'SF', 7],
  ['Plaid Cymru', 'PC', 4],
  ['SDLP', 'SDLP', 2],
  ['Green', 'Grn', 1],
  ['Alliance', 'Alliance', 1],
  ['Speaker', 'Speaker', 1],
] as const;

/** A small general election: `won` seats per party declared, of `seats`, majority from the feed. */
function generalFeed(
  won: Record<string, number>,
  seats: number,
  revision = 1,
  extra: Partial<FeedInput['meta']> = {},
): FeedInput {
  const areas: FeedInput['areas'] = [];
  let n = 0;
  for (const [party, count] of Object.entries(won)) {
    for (let i = 0; i < count; i++, n++) {
      areas.push({
        id: `A${n}`,
        name: `Seat ${n}`,
        status: 'declared',
        seats: { total: 1 },
        winner: party,
        results: [{ party, seats: 1, seatsChange: i === 0 ? 1 : 0 }],
      });
    }
  }
  while (n < seats) (areas.push({ id: `A${n}`, name: `Seat ${n}`, status: 'awaiting', seats: { total: 1 } }), n++);
  return {
    format: 'tally-feed/1',
    meta: {
      election: {
        id: 'g',
        title: 'Small general election',
        date: '2019-12-12',
        kind: 'general',
        areaType: 'constituency',
        seats,
        majority: Math.floor(seats / 2) + 1,
      },
      revision,
      generatedAt: '2019-12-13T02:00:00Z',
      dataChangedAt: '2019-12-13T02:00:00Z',
      baseline: { label: 'Change since 2017' },
      ...extra,
    },
    parties: [
      { id: 'con', name: 'Conservatives', shortName: 'Con' },
      { id: 'lab', name: 'Labour', shortName: 'Lab' },
      { id: 'ld', name: 'Liberal Democrats', shortName: 'LD' },
      { id: 'green', name: 'Green', shortName: 'Grn' },
    ],
    areas,
  };
}

/**
 * Focus reaches an element through the keyboard: Tab from a button placed just before it.
 * (A scripted `focus()` fires no focus events while another test page has the browser's focus.)
 */
async function tabInto(el: Element): Promise<HTMLButtonElement> {
  const before = document.createElement('button');
  before.textContent = 'before';
  el.before(before);
  before.focus();
  await sendKeys({ press: 'Tab' });
  return before;
}

/** Collects console.warn calls while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

const accessibleIn = async (el: TallySeatBar) => {
  // target-size is off by default in axe; party controls must meet it too.
  await expect(el).to.be.accessible();
  const axe = (
    window as unknown as {
      axe: {
        run: (node: Element, options: unknown) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }>;
      };
    }
  ).axe;
  const result = await axe.run(el, { runOnly: { type: 'rule', values: ['target-size'] } });
  expect(
    result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`),
  ).to.deep.equal([]);
};

// Tests -------------------------------------------------------------------------------------

// Welsh is fetched the first time a widget speaks it (its own file); these tests read it at once.
before(() => loadLocale('cy'));

describe('<tally-seat-bar>', function () {
  this.timeout(30_000);
  const feeds = useFeedServer();

  before(async () => {
    await setViewport({ width: 1000, height: 900 });
  });
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
    await resetMouse();
  });

  describe('the 2019 general election, final', () => {
    let el: TallySeatBar;
    beforeEach(async () => {
      const url = await feeds.route('/ge2019.json', { fixture: 'uk-general-2019.final.json' });
      el = await fixture<TallySeatBar>(html`<tally-seat-bar src=${url} style="width: 800px"></tally-seat-bar>`);
      await waitUntil(() => one(el, '.bar'), 'the chart appears', { timeout: 10_000 });
      await settled(el);
    });

    it('shows every party with its published seats, and the majority', () => {
      expect(text(one(el, '[part~="title"]'))).to.equal('UK general election 2019: seats');
      expect(text(one(el, '[part~="caption"]'))).to.equal('All 650 constituencies declared · Change since 2017');
      const shown = shownFigures(el);
      for (const [name, short, seats] of GE2019) {
        const candidates = [`${name} ${seats}`, `${short} ${seats}`];
        expect(
          shown.some((entry) => candidates.includes(entry)),
          `${name} ${seats} in ${JSON.stringify(shown)}`,
        ).to.equal(true);
      }
      expect(shown).to.have.length(GE2019.length);
      expect(text(one(el, '.majority-label'))).to.equal('326 to win');
    });

    it('sizes segments and places the majority marker by seats', () => {
      const bar = one(el, '.bar')!.getBoundingClientRect();
      const con = one(el, '.segment[data-key="con"]')!.getBoundingClientRect();
      const lab = one(el, '.segment[data-key="lab"]')!.getBoundingClientRect();
      expect(con.left).to.be.closeTo(bar.left, 0.5);
      expect(con.width).to.be.closeTo((bar.width * 365) / 650, 1);
      expect(lab.left).to.be.closeTo(con.right, 1);
      expect(lab.width).to.be.closeTo((bar.width * 202) / 650, 1);
      const marker = one(el, '.bar .majority')!.getBoundingClientRect();
      expect(marker.left + marker.width / 2).to.be.closeTo(bar.left + (bar.width * 326) / 650, 1);
    });

    it('keeps every label inside its own segment and clear of the marker', () => {
      const marker = one(el, '.bar .majority')!.getBoundingClientRect();
      const markerX = marker.left + marker.width / 2;
      for (const label of all(el, '.segment .label')) {
        const box = label.getBoundingClientRect();
        const segment = label.parentElement!.getBoundingClientRect();
        expect(box.left, text(label)).to.be.at.least(segment.left - 0.5);
        expect(box.right, text(label)).to.be.at.most(segment.right + 0.5);
        expect(markerX < box.left || markerX > box.right, `${text(label)} is crossed by the marker`).to.equal(true);
      }
    });

    it('says the same in a sentence and a table for screen readers', () => {
      const sentence = text(all(el, '.visually-hidden')[0]);
      expect(sentence).to.equal(
        'Conservatives 365 seats, Labour 202, SNP 48, Liberal Democrats 11, DUP 8, Sinn Féin 7, Plaid Cymru 4, SDLP 2, Green 1, Alliance 1, Speaker 1; ' +
          '326 needed for a majority; all 650 constituencies declared.',
      );
      const rows = all(el, 'table tbody tr').map((row) => [...row.children].slice(0, 2).map(text));
      expect(rows).to.deep.equal(GE2019.map(([name, , seats]) => [name, String(seats)]));
      expect(text(one(el, 'table caption'))).to.equal('Seats by party · Change since 2017');
    });

    it('names each party control by its label and describes its seats, change and share', () => {
      const con = one(el, '[data-control][data-key="con"]')!;
      expect(con.getAttribute('aria-label')).to.equal(null);
      expect(['Conservatives 365', 'Con 365']).to.include(text(con));
      // Con +48 on 2017; 43.6% of the vote (House of Commons Library).
      expect(description(el, con)).to.equal('Conservatives: 365 seats, up 48, 43.6% of the vote');
      expect(con.getAttribute('role')).to.equal('button');
      expect(con.getAttribute('aria-pressed')).to.equal('false');
    });

    it('is accessible', async () => {
      await accessibleIn(el);
    });
  });

  describe('the three layouts', () => {
    it('layout="bars": one row per party on a shared scale, with seats and change beside it', async () => {
      const url = await feeds.route('/ge2019-bars.json', { fixture: 'uk-general-2019.final.json' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar src=${url} layout="bars" style="width: 700px"></tally-seat-bar>`,
      );
      await waitUntil(() => one(el, '.rows'), 'rows', { timeout: 10_000 });
      await settled(el);
      const rows = all(el, '.row');
      expect(rows.map((row) => text(row.querySelector('.row-value')))).to.deep.equal([
        '365, +48',
        '202, −60',
        '48, +13',
        '11, −1',
        '8, −2',
        '7, 0',
        '4, 0',
        '2, +2',
        '1, 0',
        '1, +1',
        '1, 0',
      ]);
      // One scale: bar lengths in proportion to seats.
      const con = rows[0]!.querySelector('.row-bar')!.getBoundingClientRect();
      const lab = rows[1]!.querySelector('.row-bar')!.getBoundingClientRect();
      expect(lab.width / con.width).to.be.closeTo(202 / 365, 0.01);
      // The scale runs to 365 (more than 326 × 1.1): the majority line is at 326/365 of the track.
      const track = rows[0]!.querySelector('.row-track')!.getBoundingClientRect();
      const line = rows[0]!.querySelector('.majority')!.getBoundingClientRect();
      expect(line.left + line.width / 2 - track.left).to.be.closeTo((track.width * 326) / 365, 1);
      expect(con.width).to.be.closeTo(track.width, 1);
      await accessibleIn(el);
    });

    it('layout="parliament": a seat per dot, the majority line, and the key as controls', async () => {
      const url = await feeds.route('/ge2019-parliament.json', { fixture: 'uk-general-2019.final.json' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar src=${url} layout="parliament" style="width: 600px"></tally-seat-bar>`,
      );
      await waitUntil(() => one(el, 'svg circle'), 'dots', { timeout: 10_000 });
      await settled(el);
      const dots = all(el, 'svg circle');
      expect(dots).to.have.length(650);
      expect(dots.filter((dot) => dot.getAttribute('data-key') === 'con')).to.have.length(365);
      expect(dots.filter((dot) => dot.getAttribute('data-key') === 'lab')).to.have.length(202);
      expect(one(el, 'svg .majority-line')).to.exist;
      expect(text(one(el, '.majority-label'))).to.equal('326 to win');
      const controls = all(el, 'button.legend-item');
      expect(controls.map(text)).to.deep.equal(GE2019.map(([name, , seats]) => `${name} ${seats}`));
      expect(one(el, 'svg')!.getAttribute('aria-hidden')).to.equal('true');
      await accessibleIn(el);
    });

    it('draws a chamber too big for dots as sectors', async () => {
      const url = await feeds.route('/le2018-parliament.json', { fixture: 'uk-local-2018.final.json' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar src=${url} layout="parliament" style="width: 320px"></tally-seat-bar>`,
      );
      await waitUntil(() => one(el, 'svg path'), 'sectors', { timeout: 10_000 });
      expect(one(el, 'svg')!.dataset.mode).to.equal('sectors');
      expect(all(el, 'svg path').map((path) => path.getAttribute('data-key'))).to.deep.equal([
        'lab',
        'con',
        'ld',
        'oth',
        'green',
        'ukip',
      ]);
    });
  });

  describe('the 2018 local elections, final', () => {
    it("shows the publisher's seats and says they exceed the seats up", async () => {
      const url = await feeds.route('/le2018.json', { fixture: 'uk-local-2018.final.json' });
      const el = await fixture<TallySeatBar>(html`<tally-seat-bar src=${url} style="width: 800px"></tally-seat-bar>`);
      await waitUntil(() => one(el, '.bar'), 'chart', { timeout: 10_000 });
      await settled(el);
      // BBC councillors after 150 of 150 (demo/data/uk-local-2018/national.json).
      const expected = [
        ['Labour', 'Lab', '2,350'],
        ['Conservatives', 'Con', '1,332'],
        ['Liberal Democrats', 'LD', '536'],
        ['Others', 'Oth', '144'],
        ['Green', 'Grn', '39'],
        ['UKIP', 'UKIP', '3'],
      ];
      const shown = shownFigures(el);
      for (const [name, short, seats] of expected)
        expect(
          shown.some((entry) => entry === `${name} ${seats}` || entry === `${short} ${seats}`),
          `${name} ${seats}`,
        ).to.equal(true);
      expect(one(el, '.majority')).to.equal(null);
      const notes = all(el, '.notes p').map(text);
      expect(notes).to.include('These totals add up to 4,404, more than the 4,371 seats up.');
      expect(notes[0]).to.match(/^Publisher’s figures · Source: BBC News/);
      await accessibleIn(el);
    });

    it('measure="councils": councils controlled, with no overall control as its own item', async () => {
      const url = await feeds.route('/le2018-councils.json', { fixture: 'uk-local-2018.final.json' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar src=${url} measure="councils" layout="bars" style="width: 600px"></tally-seat-bar>`,
      );
      await waitUntil(() => one(el, '.rows'), 'rows', { timeout: 10_000 });
      await settled(el);
      // Wikipedia's infobox (Lab 74, Con 46, LD 9) and the 21 councils left: no overall control.
      expect(
        all(el, '.row').map((row) => [text(row.querySelector('.row-name')), text(row.querySelector('.row-value'))]),
      ).to.deep.equal([
        ['Labour', '74, 0'],
        ['Conservatives', '46, −3'],
        ['Liberal Democrats', '9, +4'],
        ['No overall control', '21, −1'],
      ]);
      expect(text(one(el, '[part~="title"]'))).to.equal('English local elections 2018: councils controlled');
      expect(text(one(el, '[part~="caption"]'))).to.equal('All 150 councils declared · Change since 2014');
    });

    it('basis="derived" says its seat totals cover only the councils with figures', async () => {
      const url = await feeds.route('/le2018-derived.json', { fixture: 'uk-local-2018.final.json' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar src=${url} basis="derived" style="width: 800px"></tally-seat-bar>`,
      );
      await waitUntil(() => one(el, '.bar'), 'chart', { timeout: 10_000 });
      await settled(el);
      expect(
        all(el, '.notes p')
          .map(text)
          .some((line) => /^Seat totals cover \d+ of 150 declared councils/.test(line)),
      ).to.equal(true);
      expect(
        text(one(el, '.segment[data-kind="undeclared"]')) || text(one(el, '.legend-item[data-kind="undeclared"]')),
      ).to.match(/^No seat figures [\d,]+$/);
    });
  });

  describe('one area', () => {
    it("shows a council's whole composition with its own majority line", async () => {
      const url = await feeds.route('/local-small.json', { fixture: 'local-small.json' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar src=${url} area="X07000803" style="width: 600px"></tally-seat-bar>`,
      );
      await waitUntil(() => one(el, '.bar'), 'chart', { timeout: 10_000 });
      await settled(el);
      // Cobham Moor: con 24, lab 18, ld 6, green 2 of 50; majority 26.
      expect(text(one(el, '[part~="title"]'))).to.equal('Cobham Moor: the whole council');
      expect(text(one(el, '.majority-label'))).to.equal('26 for a majority');
      expect(all(el, 'table tbody tr').map((row) => text(row.children[1]))).to.deep.equal(['24', '18', '6', '2']);
      // Test data is watermarked.
      expect(text(one(el, '[part="watermark"]'))).to.contain('TEST DATA');
      await accessibleIn(el);
    });
  });

  describe('bad input', () => {
    it('an unknown area: a visible message, a warning naming it, and the last good chart stays', async () => {
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${generalFeed({ con: 3, lab: 2 }, 7)} style="width: 500px"></tally-seat-bar>`,
      );
      await settled(el);
      expect(one(el, '.bar')).to.exist;
      const seen = await warnings(async () => {
        el.area = 'Z99';
        await settled(el);
      });
      expect(text(one(el, '[part="notice"]'))).to.equal('There is no area “Z99” in this feed.');
      expect(seen).to.deep.equal(['[tally] <tally-seat-bar>: there is no area "Z99" in this feed']);
      expect(one(el, '.bar'), 'the last good chart').to.exist;
      expect(text(one(el, '[part~="title"]'))).to.equal('Small general election: seats');
      await accessibleIn(el);
    });

    it('councils asked of a feed that does not count them: a message, not an empty bar', async () => {
      let el!: TallySeatBar;
      const seen = await warnings(async () => {
        el = await fixture<TallySeatBar>(
          html`<tally-seat-bar .feed=${generalFeed({ con: 3 }, 5)} measure="councils"></tally-seat-bar>`,
        );
        await settled(el);
      });
      expect(text(one(el, '[part="notice"]'))).to.equal(
        'This feed does not say which party controls each area, so councils cannot be counted.',
      );
      expect(one(el, '.chart')).to.equal(null);
      expect(seen[0]).to.contain('measure="councils" needs a feed that says who controls each area');
    });

    it('a bad attribute value: a warning naming it, and the default', async () => {
      let el!: TallySeatBar;
      const seen = await warnings(async () => {
        el = await fixture<TallySeatBar>(
          html`<tally-seat-bar .feed=${generalFeed({ con: 3, lab: 1, ld: 1 }, 7)} layout="pie" others-below="lots"></tally-seat-bar>`,
        );
        await settled(el);
      });
      expect(one(el, '.bar')).to.exist;
      expect(seen).to.include(
        '[tally] <tally-seat-bar>: layout="pie" is not one of stacked, bars, parliament; using stacked',
      );
      expect(seen.some((line) => line.includes('others-below="lots" is not a number of seats'))).to.equal(true);
    });

    it('an invalid update: the last good chart stays and the status line says so', async () => {
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${generalFeed({ con: 3, lab: 2 }, 7)}></tally-seat-bar>`,
      );
      await settled(el);
      const original = console.error;
      console.error = () => {};
      try {
        el.feed = { ...generalFeed({ con: 4 }, 7, 2), areas: [{ id: 'A', name: 'A', status: 'won' }] };
        await settled(el);
      } finally {
        console.error = original;
      }
      expect(one(el, '[part="status"]')!.dataset.kind).to.equal('kept');
      expect(description(el, one(el, '[data-control][data-key="con"]')!)).to.match(/^Conservatives: 3 seats/);
      await accessibleIn(el);
    });

    it('a feed that fails: the error notice', async () => {
      const url = await feeds.route('/missing.json', { status: 404, body: 'Not found' });
      const el = await fixture<TallySeatBar>(html`<tally-seat-bar src=${url}></tally-seat-bar>`);
      await waitUntil(() => one(el, '[part="notice"]'), 'notice', { timeout: 10_000 });
      // A sentence for readers; the reason for developers, closed.
      expect(text(one(el, '[part="notice"] .notice-text'))).to.equal('Results are unavailable at the moment.');
      expect(text(one(el, '[part="error-detail"] summary'))).to.equal('Details for developers');
      expect(text(one(el, '[part="error-detail"] code'))).to.equal('HTTP 404 Not Found');
      expect(one<HTMLDetailsElement>(el, '[part="error-detail"]')!.open).to.equal(false);
      await accessibleIn(el);
    });

    it('a feed that fails, in Welsh: the sentence in Welsh, the reason (in English, and marked so) for developers', async () => {
      const url = await feeds.route('/missing-cy.json', { status: 404, body: 'Not found' });
      const el = await fixture<TallySeatBar>(html`<tally-seat-bar lang="cy" src=${url}></tally-seat-bar>`);
      await waitUntil(() => one(el, '[part="notice"]'), 'notice', { timeout: 10_000 });
      expect(text(one(el, '[part="notice"] .notice-text'))).to.equal('Nid yw’r canlyniadau ar gael ar hyn o bryd.');
      expect(text(one(el, '[part="error-detail"] summary'))).to.equal('Manylion i ddatblygwyr');
      expect(one(el, '[part="error-detail"] code')!.lang).to.equal('en');
      one<HTMLDetailsElement>(el, '[part="error-detail"]')!.open = true;
      await accessibleIn(el);
    });

    it('a server error after good data: the chart stays, reconnecting', async () => {
      const url = await feeds.route('/flaky.json', {
        sequence: [{ json: generalFeed({ con: 3, lab: 2 }, 7) }, { status: 503, body: 'Busy' }],
      });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar src=${url} interval="5" theme="dark"></tally-seat-bar>`,
      );
      await waitUntil(() => one(el, '.bar'), 'chart', { timeout: 10_000 });
      await waitUntil(() => one(el, '[part="status"]')?.dataset.kind === 'reconnecting', 'reconnecting', {
        timeout: 12_000,
      });
      expect(one(el, '.segment[data-key="con"]')).to.exist;
      await accessibleIn(el);
    });
  });

  describe('states', () => {
    it('loading: a skeleton in reserved height', async () => {
      const url = await feeds.route('/slow.json', { json: generalFeed({ con: 1 }, 3), delayMs: 2000 });
      const el = await fixture<TallySeatBar>(html`<tally-seat-bar src=${url}></tally-seat-bar>`);
      await el.updateComplete;
      expect(one(el, '[part="skeleton"]')).to.exist;
      // 10rem at the 16 px default.
      expect(el.getBoundingClientRect().height).to.be.at.least(160);
      await accessibleIn(el);
      await waitUntil(() => one(el, '.bar'), 'loaded', { timeout: 10_000 });
    });

    it('nothing declared: all still to declare, with the majority marker', async () => {
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${generalFeed({}, 9)} style="width: 500px"></tally-seat-bar>`,
      );
      await settled(el);
      expect(all(el, '.segment').map((segment) => segment.dataset.kind)).to.deep.equal(['undeclared']);
      expect(text(one(el, '.segment .label'))).to.equal('Still to declare 9');
      expect(text(one(el, '[part~="caption"]'))).to.equal('No results declared yet');
      expect(text(all(el, '.visually-hidden')[0])).to.equal(
        '9 still to declare; 5 needed for a majority; no results declared yet.',
      );
      await accessibleIn(el);
    });

    it('partial, in the dark: accessible with the tooltip open', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${generalFeed({ con: 3, lab: 2, ld: 1 }, 11)} style="width: 500px"></tally-seat-bar>`,
      );
      await settled(el);
      expect(getComputedStyle(one(el, '.frame')!).backgroundColor).to.equal('rgb(22, 22, 22)');
      const before = await tabInto(el);
      await settled(el);
      expect(one(el, '[part="tooltip"]')).to.exist;
      before.remove();
      await accessibleIn(el);
    });

    it('each layout, light and dark, with a selection', async () => {
      for (const layout of ['stacked', 'bars', 'parliament']) {
        for (const theme of ['light', 'dark']) {
          const el = await fixture<TallySeatBar>(
            html`<tally-seat-bar .feed=${generalFeed({ con: 30, lab: 20, ld: 4, green: 1 }, 70)} layout=${layout} theme=${theme} selected="lab" style="width: 420px"></tally-seat-bar>`,
          );
          await settled(el);
          expect(
            one(el, '[data-control][data-key="lab"]')!.getAttribute('aria-pressed'),
            `${layout} ${theme}`,
          ).to.equal('true');
          await accessibleIn(el);
        }
      }
    });

    it('no feed given: a notice', async () => {
      const el = await fixture<TallySeatBar>(html`<tally-seat-bar></tally-seat-bar>`);
      expect(text(one(el, '[part="notice"]'))).to.equal('No results feed was given to this widget.');
      await accessibleIn(el);
    });

    it('reads an inline JSON snapshot', async () => {
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar><script type="application/json">${JSON.stringify(generalFeed({ lab: 2 }, 3))}</script></tally-seat-bar>`,
      );
      await settled(el);
      expect(one(el, '[data-key="lab"]')).to.exist;
    });

    it('speaks Welsh when an ancestor says so', async () => {
      const wrapper = await fixture(
        html`<div lang="cy"><tally-seat-bar .feed=${generalFeed({ con: 2 }, 5)}></tally-seat-bar></div>`,
      );
      const el = wrapper.querySelector<TallySeatBar>('tally-seat-bar')!;
      await settled(el);
      expect(text(one(el, '[part~="caption"]'))).to.equal('Ar ôl 2 o 5 etholaeth · Change since 2017');
      expect(text(one(el, '.majority-label'))).to.equal('3 i ennill');
      expect(text(one(el, '[part~="title"]'))).to.equal('Small general election: seddi');
    });
  });

  describe('selection and events', () => {
    let el: TallySeatBar;
    beforeEach(async () => {
      el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${generalFeed({ con: 30, lab: 20, ld: 2, green: 1 }, 60)} others-below="3" style="width: 600px"></tally-seat-bar>`,
      );
      await settled(el);
    });

    it('fires tally-party-select when a reader clicks a party, and clears it on a second click', async () => {
      const con = one(el, '.segment[data-key="con"]')!;
      setTimeout(() => con.click());
      const first = await oneEvent(el, 'tally-party-select');
      expect(first.detail).to.deep.equal({ party: 'con', parties: ['con'] } satisfies SeatBarSelectDetail);
      expect(first.bubbles && first.composed).to.equal(true);
      await el.updateComplete;
      expect(el.selected).to.equal('con');
      expect(con.getAttribute('aria-pressed')).to.equal('true');
      setTimeout(() => con.click());
      const second = await oneEvent(el, 'tally-party-select');
      expect(second.detail).to.deep.equal({ party: null, parties: [] });
    });

    it('names the Others group and its members', async () => {
      const others = one(el, '[data-control][data-key="+others"]')!;
      expect(description(el, others)).to.equal('Others: 3 seats, up 2. Includes LD 2, Grn 1');
      setTimeout(() => others.click());
      const event = await oneEvent(el, 'tally-party-select');
      expect(event.detail).to.deep.equal({ party: 'others', parties: ['ld', 'green'] });
    });

    it('never fires for a data update or a selection set by the host', async () => {
      let fired = 0;
      el.addEventListener('tally-party-select', () => fired++);
      el.selected = 'lab';
      await settled(el);
      expect(one(el, '[data-key="lab"]')!.getAttribute('aria-pressed')).to.equal('true');
      el.feed = generalFeed({ con: 31, lab: 21, ld: 2, green: 1 }, 60, 2);
      await settled(el);
      expect(fired).to.equal(0);
      expect(one(el, '[data-key="lab"]')!.getAttribute('aria-pressed'), 'the selection survives the update').to.equal(
        'true',
      );
    });

    it('is keyboard operable: one tab stop, arrows, Home and End, Enter and Space, Escape', async () => {
      const before = await tabInto(el);
      await el.updateComplete;
      const focused = () => root(el).activeElement as HTMLElement | null;
      expect(focused()?.dataset.key).to.equal('con');
      expect(all(el, '[data-control]').filter((control) => control.tabIndex === 0)).to.have.length(1);
      expect(one(el, '[part="tooltip"]'), 'focus shows the details').to.exist;
      expect(text(one(el, '[part="tooltip"]'))).to.contain('30 seats');
      await sendKeys({ press: 'ArrowRight' });
      expect(focused()?.dataset.key).to.equal('lab');
      await sendKeys({ press: 'End' });
      expect(focused()?.dataset.key).to.equal('+others');
      await sendKeys({ press: 'Home' });
      expect(focused()?.dataset.key).to.equal('con');
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      expect((await oneEvent(el, 'tally-party-select')).detail.party).to.equal('con');
      setTimeout(() => void sendKeys({ press: 'Space' }));
      expect((await oneEvent(el, 'tally-party-select')).detail.party).to.equal(null);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(one(el, '[part="tooltip"]'), 'Escape hides the details').to.equal(null);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(one(el, '[part="tooltip"]'), 'moving on shows them again').to.exist;
      // Tab leaves the chart in one step.
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(null);
      before.remove();
    });

    it('never covers the focused control with the details', async () => {
      const narrow = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${generalFeed({ con: 40, lab: 30, ld: 2, green: 1 }, 80)} style="width: 320px"></tally-seat-bar>`,
      );
      await settled(narrow);
      const before = await tabInto(narrow);
      // Controls in order: con, lab (in the bar), ld, green (in the key).
      for (const [key, press] of [
        ['green', 'End'],
        ['ld', 'ArrowLeft'],
      ] as const) {
        await sendKeys({ press });
        await settled(narrow);
        const control = one(narrow, `.legend [data-control][data-key="${key}"]`)!;
        expect((root(narrow).activeElement as HTMLElement | null)?.dataset.key).to.equal(key);
        const tip = one(narrow, '[part="tooltip"]')!.getBoundingClientRect();
        const box = control.getBoundingClientRect();
        const overlaps = tip.left < box.right && tip.right > box.left && tip.top < box.bottom && tip.bottom > box.top;
        expect(overlaps, `the details cover ${key}`).to.equal(false);
      }
      before.remove();
    });

    it('shows details on hover, inside the widget, and hides them when the pointer leaves', async () => {
      const lab = one(el, '.segment[data-key="lab"]')!.getBoundingClientRect();
      await sendMouse({
        type: 'move',
        position: [Math.round(lab.left + lab.width / 2), Math.round(lab.top + lab.height / 2)],
      });
      await waitUntil(() => one(el, '[part="tooltip"]'), 'tooltip', { timeout: 10_000 });
      await settled(el);
      const tooltip = one(el, '[part="tooltip"]')!;
      expect(text(tooltip)).to.equal('Labour 20 seats · +1 Change since 2017');
      const box = tooltip.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(box.left).to.be.at.least(host.left - 0.5);
      expect(box.right).to.be.at.most(host.right + 0.5);
      expect(box.top).to.be.at.least(host.top - 0.5);
      expect(box.bottom).to.be.at.most(host.bottom + 0.5);
      await sendMouse({ type: 'move', position: [5, Math.round(host.bottom + 50)] });
      await waitUntil(() => !one(el, '[part="tooltip"]'), 'tooltip hidden', { timeout: 10_000 });
    });
  });

  describe('theming', () => {
    it('takes party colours, tokens and the bar height from CSS custom properties', async () => {
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar
          .feed=${generalFeed({ con: 3, lab: 2 }, 7)}
          style="width: 500px; --tally-party-con: rgb(1, 2, 3); --tally-text: rgb(10, 20, 30); --tally-seat-bar-height: 50px"
        ></tally-seat-bar>`,
      );
      await settled(el);
      expect(getComputedStyle(one(el, '.segment[data-key="con"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      // Text on the custom colour picks its own contrast: white on near-black.
      expect(getComputedStyle(one(el, '.segment[data-key="con"]')!).color).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(one(el, '[part~="title"]')!).color).to.equal('rgb(10, 20, 30)');
      expect(one(el, '.bar')!.getBoundingClientRect().height).to.equal(50);
    });
  });

  describe('motion', () => {
    const before = generalFeed({ con: 2, lab: 2 }, 20, 1);
    const after = generalFeed({ con: 10, lab: 3 }, 20, 2);

    it('animates an update from the previous state', async () => {
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${before} style="width: 500px; --tally-seat-bar-duration: 2s"></tally-seat-bar>`,
      );
      await settled(el);
      const con = one(el, '.segment[data-key="con"]')!;
      const start = con.getBoundingClientRect().width;
      el.feed = after;
      await el.updateComplete;
      expect(one(el, '.chart')!.hasAttribute('data-animate')).to.equal(true);
      expect(con.getAnimations().length).to.be.greaterThan(0);
      // Half way through the 2 s, whenever this machine draws its frames.
      for (const animation of con.getAnimations()) {
        animation.pause();
        animation.currentTime = 1_000;
      }
      const midway = con.getBoundingClientRect().width;
      const bar = one(el, '.bar')!.getBoundingClientRect().width;
      expect(midway).to.be.below((bar * 10) / 20 - 5);
      expect(midway).to.be.at.least(start);
    });

    it('does not glide when the totals change basis (the publisher’s summary arrives): no seats moved', async () => {
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${before} style="width: 500px; --tally-seat-bar-duration: 2s"></tally-seat-bar>`,
      );
      await settled(el);
      const summary = {
        declared: 4,
        total: 20,
        parties: [
          { party: 'con', seats: 9 },
          { party: 'lab', seats: 7 },
        ],
      };
      el.feed = { ...generalFeed({ con: 2, lab: 2 }, 20, 2), summary };
      await el.updateComplete;
      expect(one(el, '.chart')!.hasAttribute('data-animate')).to.equal(false);
      expect(one(el, '.segment[data-key="con"]')!.getAnimations()).to.have.length(0);
      // On the same basis, the next update glides again.
      el.feed = {
        ...generalFeed({ con: 2, lab: 2 }, 20, 3),
        summary: {
          ...summary,
          parties: [
            { party: 'con', seats: 10 },
            { party: 'lab', seats: 7 },
          ],
        },
      };
      await el.updateComplete;
      expect(one(el, '.chart')!.hasAttribute('data-animate')).to.equal(true);
    });

    it('does not animate with prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await fixture<TallySeatBar>(
        html`<tally-seat-bar .feed=${before} style="width: 500px; --tally-seat-bar-duration: 2s"></tally-seat-bar>`,
      );
      await settled(el);
      const con = one(el, '.segment[data-key="con"]')!;
      el.feed = after;
      await el.updateComplete;
      expect(one(el, '.chart')!.hasAttribute('data-animate')).to.equal(false);
      expect(con.getAnimations()).to.have.length(0);
      const bar = one(el, '.bar')!.getBoundingClientRect().width;
      expect(con.getBoundingClientRect().width).to.be.closeTo((bar * 10) / 20, 1);
    });
  });

  describe('narrow screens', () => {
    for (const width of [280, 320]) {
      it(`fits ${width} px without overflow, labels shortening or moving to the key`, async () => {
        const url = await feeds.route(`/ge2019-${width}.json`, { fixture: 'uk-general-2019.final.json' });
        const el = await fixture<TallySeatBar>(
          html`<tally-seat-bar src=${url} style=${`width: ${width}px`}></tally-seat-bar>`,
        );
        await waitUntil(() => one(el, '.bar'), 'chart', { timeout: 10_000 });
        await settled(el);
        const frame = one(el, '.frame')!;
        expect(frame.scrollWidth).to.be.at.most(frame.clientWidth);
        for (const label of all(el, '.segment .label')) {
          const box = label.getBoundingClientRect();
          const segment = label.parentElement!.getBoundingClientRect();
          expect(box.right - box.left, text(label)).to.be.at.most(segment.width + 0.5);
        }
        const majority = one(el, '.majority-label')!.getBoundingClientRect();
        const chart = one(el, '.chart')!.getBoundingClientRect();
        expect(majority.left).to.be.at.least(chart.left - 0.5);
        expect(majority.right).to.be.at.most(chart.right + 0.5);
        expect(shownFigures(el)).to.have.length(GE2019.length);
      });
    }
  });
});
