/**
 * Feeds too large or too deep to use (issue 22, points 6 and 10), and pages with too many
 * widgets. The limits (FEED_LIMITS in src/feed/schema.ts, MAX_NESTING in src/feed/validate.ts,
 * MAX_PLACEHOLDERS in src/embed/loader.ts) are enforced with a message that names them; at the
 * limits everything is drawn. How long that takes is measured by `npm run bench` (bench/limits.ts),
 * never asserted here.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { feedSourceFor } from '../../src/feed/registry.js';
import { FEED_LIMITS, type FeedInput } from '../../src/feed/schema.js';
import { MAX_PLACEHOLDERS, upgradePlaceholders } from '../../src/embed/loader.js';
import { useFeedServer } from './helpers/feed-server.js';
import { FakeClock, FakePage, recordingFetch } from './helpers/fake-clock.js';
import {
  allUpdated,
  captureConsole,
  contentText,
  mountWidgets,
  settled,
  statusLine,
  useTestPage,
  type Widget,
} from './helpers/widgets.js';

const local = async (): Promise<FeedInput> => (await fetch('/test/fixtures/local-small.json')).json();

/** A night of `count` councils, each declared for one of the fixture's parties. */
function manyAreas(base: FeedInput, count: number, revision: number): FeedInput {
  const parties = base.parties.map((party) => party.id);
  const areas = Array.from({ length: count }, (_, i) => {
    const winner = parties[i % parties.length]!;
    return {
      id: `X${String(i).padStart(6, '0')}`,
      name: `Council ${i + 1}`,
      seats: { total: 3, up: 3, majority: 2 },
      status: 'declared' as const,
      declaredAt: `2018-05-04T0${i % 5}:${String(i % 60).padStart(2, '0')}:00Z`,
      control: { before: winner, after: winner },
      results: [{ party: winner, seats: 3, seatsHeld: 3 }],
    };
  });
  return {
    ...base,
    meta: { ...base.meta, revision, election: { ...base.meta.election, seats: count * 3 } },
    areas,
    summary: undefined,
    events: undefined,
  };
}

/** The fixture with `count` parties, the first four its own and the rest each winning a seat in a council of its own. */
function manyParties(base: FeedInput, count: number, revision: number): FeedInput {
  const extra = Array.from({ length: count - base.parties.length }, (_, i) => ({
    id: `p${i}`,
    name: `Party number ${i + 1}`,
    shortName: `P${i + 1}`,
  }));
  const areas = extra.map((party, i) => ({
    id: `Y${String(i).padStart(5, '0')}`,
    name: `Ward ${i + 1}`,
    seats: { total: 1, up: 1, majority: 1 },
    status: 'declared' as const,
    declaredAt: '2018-05-04T04:00:00Z',
    control: { after: party.id },
    results: [{ party: party.id, seats: 1, seatsHeld: 1 }],
  }));
  return {
    ...base,
    meta: { ...base.meta, revision },
    parties: [...base.parties, ...extra],
    areas: [...base.areas, ...areas],
  };
}

describe('hardening: limits', function () {
  this.timeout(120_000);
  const onPage = useTestPage();

  describe('a feed nested 100,000 levels deep', () => {
    const feeds = useFeedServer();

    it('in an unknown field: the update could not be used (not "Reconnecting"), the results stay, nothing overflows', async () => {
      const base = await local();
      const url = await feeds.route('/deep.json', { json: base });
      const clock = new FakeClock();
      const net = recordingFetch(clock);
      const source = feedSourceFor(url, { clock, fetch: net.fetch, environment: new FakePage(), random: () => 0.5 });
      const mounted = mountWidgets({ src: url, interval: 5 });
      onPage.box = mounted.box;
      await waitUntil(() => source.state.feed !== undefined, 'the first feed');
      await settled(mounted.widgets);
      const shown = mounted.widgets.map(contentText);
      const errors: { kind: string; reason: string }[] = [];
      mounted.widgets[0]!.addEventListener('tally-feed-error', (event) => errors.push(event.detail));

      const text = JSON.stringify({ ...base, meta: { ...base.meta, revision: 99 } }).replace(
        '{',
        `{"extension":${'['.repeat(100_000)}${']'.repeat(100_000)},`,
      );
      await feeds.route('/deep.json', { body: text, contentType: 'application/json' });
      const before = source.state.error;
      await clock.runUntil(() => net.calls.length > 1, 60_000);
      await waitUntil(() => source.state.error !== before, 'the deep feed was dealt with', { timeout: 15_000 });
      await settled(mounted.widgets);

      expect(source.state.error?.kind).to.equal('invalid');
      expect(errors.at(-1)?.kind).to.equal('invalid');
      expect(errors.at(-1)?.reason).to.match(/extension\[0\]\[0\].*: nests more than 32 levels deep/);
      for (const [i, widget] of mounted.widgets.entries()) {
        expect(statusLine(widget)?.kind, widget.localName).to.equal('kept');
        expect(contentText(widget), widget.localName).to.equal(shown[i]);
      }
      expect(onPage.errors).to.deep.equal([]);
    });
  });

  describe('feeds over the limits', () => {
    const cases: [string, (base: FeedInput) => FeedInput, RegExp][] = [
      [
        `${(FEED_LIMITS.areas + 1).toLocaleString('en-GB')} areas`,
        (base) => manyAreas(base, FEED_LIMITS.areas + 1, 9),
        /^areas: lists 10,001 areas; a feed may list at most 10,000/,
      ],
      [
        `${(FEED_LIMITS.parties + 1).toLocaleString('en-GB')} parties`,
        (base) => manyParties(base, FEED_LIMITS.parties + 1, 9),
        /^parties: lists 1,001 parties; a feed may list at most 1,000/,
      ],
      [
        `${(FEED_LIMITS.events + 1).toLocaleString('en-GB')} events`,
        (base) => ({
          ...base,
          meta: { ...base.meta, revision: 9 },
          events: Array.from({ length: FEED_LIMITS.events + 1 }, (_, i) => ({
            id: `e${i}`,
            kind: 'note' as const,
            at: '2018-05-04T04:00:00Z',
            text: `Note ${i}`,
          })),
        }),
        /^events: lists 10,001 events; a feed may list at most 10,000/,
      ],
    ];

    for (const [what, make, reason] of cases) {
      it(`${what}: refused with the limit named, on a first load and as an update`, async () => {
        const base = await local();
        const oversize = make(base);
        // First load: a notice instead of results.
        const first = mountWidgets({ feed: oversize });
        onPage.box = first.box;
        const reasons: string[] = [];
        for (const widget of first.widgets)
          widget.addEventListener('tally-feed-error', (event) => reasons.push(event.detail.reason));
        await allUpdated(first.widgets);
        for (const widget of first.widgets)
          expect(widget.shadowRoot!.querySelector('.notice[data-kind="failed"]'), widget.localName).to.not.equal(null);
        expect(reasons).to.have.length(4);
        for (const text of reasons)
          expect(text.replace(/^the feed property is not a valid feed: /, '')).to.match(reason);
        onPage.box?.remove();

        // An update: the results on screen stay.
        const update = mountWidgets({ feed: base });
        onPage.box = update.box;
        await settled(update.widgets);
        const shown = update.widgets.map(contentText);
        for (const widget of update.widgets) widget.feed = oversize;
        await settled(update.widgets);
        update.widgets.forEach((widget, i) => {
          expect(contentText(widget), widget.localName).to.equal(shown[i]);
          expect(statusLine(widget)?.kind, widget.localName).to.equal('kept');
        });
        expect(onPage.errors).to.deep.equal([]);
      });
    }
  });

  describe('feeds at the limits', () => {
    it(`${FEED_LIMITS.areas.toLocaleString('en-GB')} areas: every widget draws them`, async () => {
      const feed = manyAreas(await local(), FEED_LIMITS.areas, 9);
      const mounted = mountWidgets({ feed });
      onPage.box = mounted.box;
      const council = mounted.widgets.find((widget) => widget.localName === 'tally-council-list')!;
      await waitUntil(
        () => council.shadowRoot!.querySelectorAll('.row').length === FEED_LIMITS.areas,
        'every council in the list',
        { timeout: 60_000 },
      );
      await allUpdated(mounted.widgets);
      for (const widget of mounted.widgets)
        expect(widget.shadowRoot!.querySelector('.notice'), widget.localName).to.equal(null);
      expect(contentText(mounted.widgets[0]!)).to.match(/All 10,000 councils declared/);
      expect(onPage.errors).to.deep.equal([]);
    });

    it(`${FEED_LIMITS.parties.toLocaleString('en-GB')} parties: every widget draws them`, async () => {
      const feed = manyParties(await local(), FEED_LIMITS.parties, 9);
      const mounted = mountWidgets({ feed });
      onPage.box = mounted.box;
      await settled(mounted.widgets);
      for (const widget of mounted.widgets)
        expect(widget.shadowRoot!.querySelector('.notice'), widget.localName).to.equal(null);
      // The seat bar names the 49 largest and draws the rest together as Others; so does the party table, by its own rule.
      const seatBar = mounted.widgets[0]!;
      expect(seatBar.shadowRoot!.querySelectorAll('.legend-item, .segment .label').length).to.be.at.most(50);
      expect(contentText(seatBar).includes('Others')).to.equal(true);
      expect(contentText(mounted.widgets[1]!).includes('Others')).to.equal(true);
      expect(onPage.errors).to.deep.equal([]);
    });
  });

  describe('placeholders', () => {
    it(`upgrades ${MAX_PLACEHOLDERS} on a page, leaves the rest as links, and says why once`, async () => {
      const consoleLines = captureConsole();
      const page = document.createElement('div');
      onPage.box = page;
      try {
        const link = (i: number) =>
          `<div data-tally-widget="seat-bar" data-src="/test/fixtures/local-small.json"><a href="/results/${i}">Results ${i}</a></div>`;
        page.innerHTML = Array.from({ length: MAX_PLACEHOLDERS + 5 }, (_, i) => link(i)).join('');
        document.body.append(page);
        const created = upgradePlaceholders(page);
        expect(created).to.have.length(MAX_PLACEHOLDERS);
        const left = [...page.querySelectorAll('[data-tally-widget]')].filter((placeholder) =>
          placeholder.querySelector('a'),
        );
        expect(left.map((placeholder) => placeholder.querySelector('a')!.textContent)).to.deep.equal([
          'Results 100',
          'Results 101',
          'Results 102',
          'Results 103',
          'Results 104',
        ]);
        // A second call (Tally.load after more content arrived) upgrades none of them either.
        expect(upgradePlaceholders(page)).to.have.length(0);
        expect(
          consoleLines.error.filter((line) => line.includes(`more than ${MAX_PLACEHOLDERS} widgets`)),
        ).to.have.length(1);
        for (const widget of created) (widget as Widget).remove();
      } finally {
        consoleLines.restore();
      }
    });
  });
});
