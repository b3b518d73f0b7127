/**
 * <tally-party-table> in Chromium: the real 2018 night "after 130 of 150" and the 2019 final
 * feed served cross-origin, sorting by keyboard, the Others row, highlights and reduced
 * motion, narrow layouts, one area, theming, Welsh, bad input, and axe in every state.
 *
 * Expected figures are the published ones (PA's 130-of-150 state as quoted in issue 5, the
 * House of Commons Library's 2019 results) or worked out by hand, never copied from output.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/party-table/register.js';
import type { TallyPartyTable } from '../../src/components/party-table/party-table.js';
import { defineElement } from '../../src/components/shared/define.js';
import { TallyPartyTable as PartyTableClass } from '../../src/components/party-table/party-table.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { useFeedServer } from './helpers/feed-server.js';
import { loadLocale } from '../../src/i18n/messages.js';
import { textWithout } from './helpers/text.js';

// --- helpers -------------------------------------------------------------------------------

const root = (el: TallyPartyTable) => el.shadowRoot!;
const row = (el: TallyPartyTable, party: string) =>
  root(el).querySelector<HTMLTableRowElement>(`tbody tr[data-party="${party}"]`);
const bodyRows = (el: TallyPartyTable) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const heading = (el: TallyPartyTable, column: string) =>
  root(el).querySelector<HTMLTableCellElement>(`thead th[data-column="${column}"]`)!;
const sortButton = (el: TallyPartyTable, column: string) => heading(el, column).querySelector('button')!;

/** What a sighted reader sees in a node: its text without visually hidden parts. */
const visible = (node: Element | null | undefined) => textWithout(node, '.visually-hidden, .name-short');

/** What a screen reader reads in a node: its text without aria-hidden parts. */
const spoken = (node: Element | null | undefined) => textWithout(node, '[aria-hidden="true"]');

const cell = (el: TallyPartyTable, party: string, column: string) =>
  row(el, party)?.querySelector(`[data-column="${column}"]`) ?? null;

/** Visible figures of a row in the given columns, arrows dropped (they are checked apart). */
const figuresOf = (el: TallyPartyTable, party: string, columns: string[]) =>
  columns.map((column) => visible(cell(el, party, column)).replace(/[▲▼]/g, ''));

async function captureWarnings<T>(run: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { result: await run(), warnings };
  } finally {
    console.warn = original;
  }
}

async function accessibleInBothSchemes(el: TallyPartyTable): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    el.theme = theme;
    await el.updateComplete;
    await expect(el, `axe in ${theme}`).to.be.accessible();
  }
  el.theme = undefined;
  await el.updateComplete;
}

const after130 = async (): Promise<FeedInput> => (await fetch('/demo/party-table/uk-local-2018.after-130.json')).json();
const fixtureFeed = async (name: string): Promise<FeedInput> => (await fetch(`/test/fixtures/${name}`)).json();

// A small hand-made local election: two councils. Worked by hand:
//   control: A con (was con), B lab (was con)  →  con 1 (−1), lab 1 (+1)
//   seats:   con 8 + 10 = 18 (−1 −6 = −7), lab 5 + 20 = 25 (+1 +6 = +7), ld 1 (0)
function smallLocal(revision: number, extra: Partial<FeedInput['meta']> = {}, areas?: FeedInput['areas']): FeedInput {
  return {
    format: 'tally-feed/1',
    meta: {
      election: { id: 'small', title: 'Small local election', date: '2018-05-03', kind: 'local', areaType: 'council' },
      revision,
      generatedAt: '2018-05-04T02:00:00Z',
      dataChangedAt: '2018-05-04T02:00:00Z',
      baseline: { label: 'Change since 2014' },
      ...extra,
    },
    parties: [
      { id: 'con', name: 'Conservatives', shortName: 'Con' },
      { id: 'lab', name: 'Labour', shortName: 'Lab' },
      { id: 'ld', name: 'Liberal Democrats', shortName: 'LD' },
    ],
    areas: areas ?? [
      {
        id: 'A',
        name: 'Ashby',
        status: 'declared',
        control: { before: 'con', after: 'con' },
        results: [
          { party: 'con', seats: 8, seatsChange: -1 },
          { party: 'lab', seats: 5, seatsChange: 1 },
          { party: 'ld', seats: 1, seatsChange: 0 },
        ],
      },
      {
        id: 'B',
        name: 'Brook',
        status: 'declared',
        control: { before: 'con', after: 'lab' },
        results: [
          { party: 'lab', seats: 20, seatsChange: 6 },
          { party: 'con', seats: 10, seatsChange: -6 },
        ],
      },
      { id: 'C', name: 'Cove', status: 'awaiting', control: { before: 'noc' } },
    ],
  };
}

// --- tests ---------------------------------------------------------------------------------

// Welsh is fetched the first time a widget speaks it (its own file); these tests read it at once.
before(() => loadLocale('cy'));

describe('<tally-party-table>', function () {
  this.timeout(30_000);
  const feeds = useFeedServer();

  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  describe('the 2018 night after 130 of 150 councils', () => {
    let el: TallyPartyTable;
    beforeEach(async () => {
      const url = await feeds.route('/after-130.json', { json: await after130() });
      el = await fixture<TallyPartyTable>(html`<tally-party-table src=${url}></tally-party-table>`);
      await waitUntil(() => row(el, 'con'), 'the table shows', { timeout: 10_000 });
    });

    it('shows exactly PA’s figures as quoted in the issue', () => {
      const columns = ['councils', 'councilsChange', 'seats', 'seatsChange'];
      // "Conservatives 42 councils, 1,125 seats (−41)", no council change: the source gives none.
      expect(figuresOf(el, 'con', columns)).to.deep.equal(['42', '–', '1,125', '−41']);
      expect(figuresOf(el, 'lab', columns)).to.deep.equal(['62', '−1', '1,692', '+75']);
      expect(figuresOf(el, 'ld', columns)).to.deep.equal(['6', '+2', '403', '+37']);
      expect(figuresOf(el, 'green', columns)).to.deep.equal(['–', '–', '32', '+4']);
      expect(figuresOf(el, 'ukip', columns)).to.deep.equal(['–', '–', '3', '−55']);
      expect(figuresOf(el, 'ind', columns)).to.deep.equal(['–', '–', '87', '−66']);
      expect(figuresOf(el, 'lib', columns)).to.deep.equal(['–', '–', '1', '−1']);
      expect(figuresOf(el, 'res', columns)).to.deep.equal(['–', '–', '46', '−4']);
      expect(figuresOf(el, 'noc', ['councils', 'councilsChange'])).to.deep.equal(['20', '−1']);
    });

    it('names every party and puts No overall control last', () => {
      const names = bodyRows(el).map((tr) => visible(tr.querySelector('th')));
      expect(names).to.deep.equal([
        'Labour',
        'Conservatives',
        'Liberal Democrats',
        'Independent',
        'Ratepayers and Residents',
        'Green',
        'UKIP',
        'Liberal Party',
        'No overall control',
      ]);
    });

    it('says a missing figure is not available, never 0', () => {
      expect(spoken(cell(el, 'con', 'councilsChange'))).to.equal('not available');
      expect(spoken(cell(el, 'green', 'councils'))).to.equal('not available');
    });

    it('reads changes as words and shows them with a sign, a real minus and an arrow', () => {
      expect(spoken(cell(el, 'con', 'seatsChange'))).to.equal('down 41');
      expect(spoken(cell(el, 'lab', 'seatsChange'))).to.equal('up 75');
      expect(visible(cell(el, 'con', 'seatsChange'))).to.equal('▼−41');
      expect(visible(cell(el, 'lab', 'seatsChange'))).to.equal('▲+75');
      expect(visible(cell(el, 'con', 'seatsChange'))).to.contain('\u2212');
      expect(cell(el, 'con', 'seatsChange')!.getAttribute('data-trend')).to.equal('down');
    });

    it('captions progress and the baseline, and says whose figures they are', () => {
      const caption = visible(root(el).querySelector('caption'));
      expect(caption).to.contain('State of the parties');
      expect(caption).to.contain('After 130 of 150 councils');
      expect(caption).to.contain('PA: change against the position on the eve of the poll');
      expect(visible(root(el).querySelector('[part="notes"]'))).to.contain('Publisher’s figures');
    });

    it('totals 130 councils and 3,389 seats, and no changes', () => {
      const totals = root(el).querySelector('tfoot tr')!;
      expect(visible(totals.querySelector('[data-column="councils"]'))).to.equal('130');
      expect(visible(totals.querySelector('[data-column="seats"]'))).to.equal('3,389');
      expect(visible(totals.querySelector('[data-column="seatsChange"]'))).to.equal('');
    });

    it('is a real table: caption, column and row headers, aria-sort on the default column', () => {
      expect(root(el).querySelector('table caption')).to.exist;
      expect([...root(el).querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(
        true,
      );
      expect(bodyRows(el).every((tr) => tr.querySelector('th')?.getAttribute('scope') === 'row')).to.equal(true);
      expect(heading(el, 'seats').getAttribute('aria-sort')).to.equal('descending');
      expect(root(el).querySelectorAll('thead th[aria-sort]')).to.have.length(1);
      // Change columns are named in full for screen readers.
      expect(spoken(heading(el, 'seatsChange'))).to.equal('Change in seats');
      expect(visible(heading(el, 'seatsChange'))).to.contain('+/−');
    });

    it('is accessible, light and dark', async () => {
      await accessibleInBothSchemes(el);
    });
  });

  describe('the 2019 general election, final', () => {
    let el: TallyPartyTable;
    beforeEach(async () => {
      const url = await feeds.route('/ge2019.json', { fixture: 'uk-general-2019.final.json' });
      el = await fixture<TallyPartyTable>(html`<tally-party-table src=${url}></tally-party-table>`);
      await waitUntil(() => row(el, 'con'), 'the table shows', { timeout: 10_000 });
    });

    it('shows the published seats, changes, votes and shares', () => {
      const columns = ['seats', 'seatsChange', 'votes', 'share'];
      expect([...root(el).querySelectorAll<HTMLElement>('thead th')].map((th) => th.dataset.column)).to.deep.equal([
        'party',
        ...columns,
      ]);
      expect(figuresOf(el, 'con', columns)).to.deep.equal(['365', '+48', '13,966,454', '43.6%']);
      expect(figuresOf(el, 'lab', columns)).to.deep.equal(['202', '−60', '10,269,051', '32.1%']);
      expect(figuresOf(el, 'snp', columns)).to.deep.equal(['48', '+13', '1,242,380', '3.9%']);
      expect(figuresOf(el, 'ld', columns)).to.deep.equal(['11', '−1', '3,696,419', '11.5%']);
      expect(figuresOf(el, 'sf', ['seats', 'seatsChange'])).to.deep.equal(['7', '0']);
      expect(spoken(cell(el, 'sf', 'seatsChange'))).to.equal('no change');
    });

    it('totals 650 seats and 32,014,110 votes', () => {
      const totals = root(el).querySelector('tfoot tr')!;
      expect(visible(totals.querySelector('[data-column="seats"]'))).to.equal('650');
      expect(visible(totals.querySelector('[data-column="votes"]'))).to.equal('32,014,110');
      expect(visible(totals.querySelector('[data-column="share"]'))).to.equal('');
    });

    it('groups the smallest parties as Others, which opens to list them', async () => {
      const toggle = root(el).querySelector<HTMLButtonElement>('[part="others-toggle"]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(row(el, 'spk')).to.equal(null);
      const pending = oneEvent(el, 'tally-party-table-toggle');
      toggle.click();
      expect((await pending).detail).to.deep.equal({ expanded: true });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(visible(row(el, 'spk')?.querySelector('th'))).to.equal('Speaker');
      expect(row(el, 'spk')!.classList.contains('member')).to.equal(true);
      for (const id of toggle.getAttribute('aria-controls')!.split(' '))
        expect(root(el).getElementById(id), id).to.exist;
      await accessibleInBothSchemes(el);
    });

    it('sorts by keyboard, keeping aria-sort right and focus where it was', async () => {
      const votes = sortButton(el, 'votes');
      votes.focus();
      const pending = oneEvent(el, 'tally-party-table-sort');
      await sendKeys({ press: 'Enter' });
      expect((await pending).detail).to.deep.equal({ column: 'votes', direction: 'descending' });
      await el.updateComplete;
      expect(heading(el, 'votes').getAttribute('aria-sort')).to.equal('descending');
      expect(heading(el, 'seats').hasAttribute('aria-sort')).to.equal(false);
      // By votes: Con 13.97m, Lab 10.27m, LD 3.70m, SNP 1.24m, Green 0.87m …
      expect(
        bodyRows(el)
          .slice(0, 5)
          .map((tr) => tr.dataset.party),
      ).to.deep.equal(['con', 'lab', 'ld', 'snp', 'green']);
      expect(root(el).activeElement).to.equal(votes);

      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(heading(el, 'votes').getAttribute('aria-sort')).to.equal('ascending');
      // … and the other way: SDLP 118,737 is the smallest party shown on its own.
      expect(bodyRows(el)[0]!.dataset.party).to.equal('sdlp');
      // Others stays at the foot whatever the order.
      expect(bodyRows(el).at(-1)!.dataset.party).to.equal('others');

      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(root(el).activeElement).to.equal(sortButton(el, 'seats'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(heading(el, 'seats').getAttribute('aria-sort')).to.equal('descending');
      expect(bodyRows(el)[0]!.dataset.party).to.equal('con');
    });

    it('shows the whole focus ring of the first and last headings', async () => {
      const host = el.getBoundingClientRect();
      for (const button of [sortButton(el, 'party'), sortButton(el, 'share')]) {
        button.focus();
        await sendKeys({ press: 'Shift' });
        const style = getComputedStyle(button);
        expect(style.outlineStyle, 'a focus ring').to.equal('solid');
        const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
        const box = button.getBoundingClientRect();
        expect(box.left - reach, 'inside on the left').to.be.at.least(host.left);
        expect(box.right + reach, 'inside on the right').to.be.at.most(host.right);
      }
    });

    it('sorts by party name, A to Z first', async () => {
      sortButton(el, 'party').click();
      await el.updateComplete;
      expect(heading(el, 'party').getAttribute('aria-sort')).to.equal('ascending');
      expect(
        bodyRows(el)
          .slice(0, 3)
          .map((tr) => visible(tr.querySelector('th'))),
      ).to.deep.equal(['Alliance', 'Conservatives', 'DUP']);
    });

    it('follows a sort attribute until the reader sorts', async () => {
      el.sort = 'share ascending';
      await el.updateComplete;
      expect(heading(el, 'share').getAttribute('aria-sort')).to.equal('ascending');
    });

    it('is accessible, light and dark', async () => {
      await accessibleInBothSchemes(el);
    });
  });

  describe('one area', () => {
    it('lists a constituency’s candidates with the winner marked', async () => {
      const url = await feeds.route('/ge2019-area.json', { fixture: 'uk-general-2019.final.json' });
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table src=${url} area="W07000049"></tally-party-table>`,
      );
      await waitUntil(() => row(el, 'lab'), 'the table shows', { timeout: 10_000 });
      // Aberavon 2019 (House of Commons Library): Stephen Kinnock, Labour, 17,008 votes, majority 10,490.
      expect(visible(root(el).querySelector('caption .title'))).to.equal('Aberavon');
      expect(visible(root(el).querySelector('caption .subtitle'))).to.contain('Majority 10,490');
      expect(bodyRows(el)[0]!.dataset.party).to.equal('lab');
      expect(visible(cell(el, 'lab', 'candidate'))).to.equal('Stephen Kinnock');
      expect(visible(cell(el, 'lab', 'votes'))).to.equal('17,008');
      expect(visible(row(el, 'lab')!.querySelector('[part="elected"]'))).to.equal('Elected');
      expect(heading(el, 'votes').getAttribute('aria-sort')).to.equal('descending');
      expect(root(el).querySelector('thead th[data-column="seats"]')).to.equal(null);
      await accessibleInBothSchemes(el);
    });

    it('says an area has no figures until it declares', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table .feed=${smallLocal(1)} area="C"></tally-party-table>`,
      );
      expect(visible(root(el).querySelector('[part="notice"]'))).to.equal('Awaiting result: no figures yet.');
      await accessibleInBothSchemes(el);
    });

    it('says so, visibly and in the console, when the area is not in the feed', async () => {
      const { result: el, warnings } = await captureWarnings(async () => {
        const table = await fixture<TallyPartyTable>(
          html`<tally-party-table .feed=${smallLocal(1)} area="E99"></tally-party-table>`,
        );
        await table.updateComplete;
        return table;
      });
      expect(visible(root(el).querySelector('[part="notice"]'))).to.equal('There is no area “E99” in this feed.');
      expect(warnings.some((warning) => warning.includes('<tally-party-table>') && warning.includes('"E99"'))).to.equal(
        true,
      );
      await accessibleInBothSchemes(el);
    });

    it('keeps the last table, with a notice, when an update drops the area', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table .feed=${smallLocal(1)} area="A"></tally-party-table>`,
      );
      expect(visible(cell(el, 'con', 'seats'))).to.equal('8');
      await captureWarnings(async () => {
        el.feed = smallLocal(
          2,
          {},
          smallLocal(1).areas.filter((area) => area.id !== 'A'),
        );
        await el.updateComplete;
      });
      expect(visible(root(el).querySelector('[part="notice"]'))).to.equal('There is no area “A” in this feed.');
      expect(visible(cell(el, 'con', 'seats'))).to.equal('8');
    });
  });

  describe('updates', () => {
    it('highlights the rows whose figures changed, and keeps rows and focus', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const el = await fixture<TallyPartyTable>(html`<tally-party-table .feed=${smallLocal(1)}></tally-party-table>`);
      expect(figuresOf(el, 'con', ['councils', 'councilsChange', 'seats', 'seatsChange'])).to.deep.equal([
        '1',
        '−1',
        '18',
        '−7',
      ]);
      expect(figuresOf(el, 'lab', ['councils', 'councilsChange', 'seats', 'seatsChange'])).to.deep.equal([
        '1',
        '+1',
        '25',
        '+7',
      ]);
      expect(
        bodyRows(el).some((tr) => tr.hasAttribute('data-flash')),
        'nothing highlighted at first',
      ).to.equal(false);
      const conRow = row(el, 'con');
      const button = sortButton(el, 'councils');
      button.focus();

      // Cove declares for the Liberal Democrats (from no overall control): LD +1 council, +9 seats.
      const areas = smallLocal(1).areas.map((area) =>
        area.id === 'C'
          ? {
              ...area,
              status: 'declared' as const,
              control: { before: 'noc', after: 'ld' },
              results: [{ party: 'ld', seats: 9, seatsChange: 4 }],
            }
          : area,
      );
      el.feed = smallLocal(2, {}, areas);
      await el.updateComplete;
      expect(figuresOf(el, 'ld', ['councils', 'councilsChange', 'seats', 'seatsChange'])).to.deep.equal([
        '1',
        '+1',
        '10',
        '+4',
      ]);
      expect(row(el, 'ld')!.hasAttribute('data-flash')).to.equal(true);
      expect(row(el, 'noc')!.hasAttribute('data-flash'), 'NOC went from 0 changes to −1').to.equal(true);
      expect(row(el, 'con')!.hasAttribute('data-flash')).to.equal(false);
      expect(row(el, 'con'), 'the same row element').to.equal(conRow);
      expect(root(el).activeElement, 'focus stays on the heading').to.equal(button);
      expect(getComputedStyle(row(el, 'ld')!.querySelector('td')!).animationName).to.match(/tally-flash/);
    });

    it('says so when the totals change basis (the publisher’s summary arrives), politely, and highlights no row as if seats moved', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const el = await fixture<TallyPartyTable>(html`<tally-party-table .feed=${smallLocal(1)}></tally-party-table>`);
      const region = root(el).querySelector('[aria-live="polite"]');
      expect(region, 'a polite live region, there before any note').to.not.equal(null);
      expect(visible(region)).to.equal('');
      expect(visible(root(el).querySelector('[part="notes"]'))).to.contain('Totals from declared results');
      // The publisher's figures count every seat of the councils: far more than the seats declared so far.
      const summary = {
        declared: 2,
        total: 3,
        source: { name: 'PA' },
        parties: [
          { party: 'con', councils: 1, seats: 140 },
          { party: 'lab', councils: 1, seats: 130 },
          { party: 'ld', seats: 12 },
        ],
      };
      el.feed = { ...smallLocal(2), summary };
      await el.updateComplete;
      expect(figuresOf(el, 'con', ['seats'])).to.deep.equal(['140']);
      const note = root(el).querySelector('[aria-live="polite"] [part="notice"]');
      expect(note, 'the note is inside the live region').to.not.equal(null);
      expect(visible(note)).to.equal(
        'The totals are now the publisher’s figures, no longer added up from declared results. They changed because they are counted another way, not because seats changed hands.',
      );
      expect(
        bodyRows(el)
          .filter((tr) => tr.hasAttribute('data-flash'))
          .map((tr) => tr.dataset.key),
        'no row highlighted',
      ).to.deep.equal([]);
      await accessibleInBothSchemes(el);

      // The next update on the same basis highlights what moved, as usual; the note stays.
      const more = {
        ...summary,
        parties: summary.parties.map((party) => (party.party === 'ld' ? { ...party, seats: 13 } : party)),
      };
      el.feed = { ...smallLocal(3), summary: more };
      await el.updateComplete;
      expect(row(el, 'ld')!.hasAttribute('data-flash')).to.equal(true);
      expect(row(el, 'con')!.hasAttribute('data-flash')).to.equal(false);
      expect(visible(root(el).querySelector('[aria-live="polite"]'))).to.contain('publisher’s figures');

      // And back: the summary goes.
      el.feed = smallLocal(4);
      await el.updateComplete;
      expect(visible(root(el).querySelector('[aria-live="polite"]'))).to.match(
        /^The totals are now added up from declared results/,
      );
      expect(bodyRows(el).some((tr) => tr.hasAttribute('data-flash'))).to.equal(false);
    });

    it('does not highlight under reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await fixture<TallyPartyTable>(html`<tally-party-table .feed=${smallLocal(1)}></tally-party-table>`);
        const areas = smallLocal(1).areas.map((area) =>
          area.id === 'C' ? { ...area, status: 'declared' as const, control: { before: 'noc', after: 'ld' } } : area,
        );
        el.feed = smallLocal(2, {}, areas);
        await el.updateComplete;
        expect(visible(cell(el, 'ld', 'councils'))).to.equal('1');
        expect(bodyRows(el).some((tr) => tr.hasAttribute('data-flash'))).to.equal(false);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('keeps the Others toggle focused and open through an update', async () => {
      const feed = await fixtureFeed('uk-general-2019.final.json');
      const el = await fixture<TallyPartyTable>(html`<tally-party-table .feed=${feed}></tally-party-table>`);
      const toggle = root(el).querySelector<HTMLButtonElement>('[part="others-toggle"]')!;
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      el.feed = { ...feed, meta: { ...feed.meta, revision: feed.meta.revision + 1 } };
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(toggle);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    });
  });

  describe('narrow layouts', () => {
    async function at(width: number, feed: FeedInput, attributes = '') {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
      wrapper.innerHTML = `<tally-party-table ${attributes}></tally-party-table>`;
      const el = wrapper.querySelector('tally-party-table')!;
      el.feed = feed;
      await el.updateComplete;
      // Columns give way from a ResizeObserver: two frames, then the update that follows.
      for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
      return el;
    }
    const shown = (el: TallyPartyTable, column: string) => getComputedStyle(heading(el, column)).display !== 'none';
    const collapsed = (el: TallyPartyTable) =>
      (root(el).querySelector('.scroller')!.getAttribute('data-collapsed') ?? '').split(' ').filter(Boolean);
    const ORDER = [
      'votes',
      'shareChange',
      'share',
      'heldChange',
      'names',
      'held',
      'councilsChange',
      'candidate',
      'councils',
    ];

    for (const width of [280, 320]) {
      it(`keeps party, seats and change at ${width} px, without overflowing`, async () => {
        for (const feed of [await after130(), await fixtureFeed('uk-general-2019.final.json')]) {
          const el = await at(width, feed);
          const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
          expect(scroller.scrollWidth, 'no sideways scrolling').to.be.at.most(scroller.clientWidth);
          expect(el.getBoundingClientRect().width).to.be.at.most(width);
          for (const column of ['party', 'seats', 'seatsChange']) expect(shown(el, column), column).to.equal(true);
          // Columns go in the stated order: what went is the start of that order.
          const gone = collapsed(el);
          const applicable = ORDER.filter((step) => step === 'names' || heading(el, step) !== null);
          expect(gone).to.deep.equal(applicable.slice(0, gone.length));
          await expect(el).to.be.accessible();
        }
      });
    }

    it('shows short names when narrow, keeping full names for screen readers', async () => {
      const el = await at(280, await fixtureFeed('uk-general-2019.final.json'));
      expect(collapsed(el)).to.include('names');
      const th = row(el, 'con')!.querySelector('th')!;
      expect(getComputedStyle(th.querySelector('.name-short')!).display).to.not.equal('none');
      expect(spoken(th)).to.equal('Conservatives');
    });

    it('collapses nothing when there is room', async () => {
      const el = await at(900, await fixtureFeed('uk-general-2019.final.json'));
      expect(collapsed(el)).to.deep.equal([]);
      expect(shown(el, 'votes')).to.equal(true);
    });

    it('gives a column back when the space grows', async () => {
      const el = await at(280, await fixtureFeed('uk-general-2019.final.json'));
      expect(shown(el, 'votes')).to.equal(false);
      el.parentElement!.style.width = '900px';
      await waitUntil(() => shown(el, 'votes'), 'votes come back', { timeout: 10_000 });
    });
  });

  describe('theming and language', () => {
    it('takes a party colour from a CSS variable before the feed', async () => {
      const feed = smallLocal(1);
      feed.parties[1] = { ...feed.parties[1]!, colour: '#123456', colourDark: '#abcdef' };
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table style="--tally-party-con: rgb(1, 2, 3)" .feed=${feed}></tally-party-table>`,
      );
      const swatch = (party: string) =>
        getComputedStyle(row(el, party)!.querySelector('[part="swatch"]')!).backgroundColor;
      expect(swatch('con')).to.equal('rgb(1, 2, 3)');
      expect(swatch('lab')).to.equal('rgb(18, 52, 86)');
      el.theme = 'dark';
      await el.updateComplete;
      expect(swatch('lab')).to.equal('rgb(171, 205, 239)');
      expect(getComputedStyle(root(el).querySelector('.frame')!).backgroundColor).to.equal('rgb(22, 22, 22)');
    });

    it('follows the reader’s dark scheme when theme is auto', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const el = await fixture<TallyPartyTable>(html`<tally-party-table .feed=${smallLocal(1)}></tally-party-table>`);
        expect(getComputedStyle(root(el).querySelector('.frame')!).backgroundColor).to.equal('rgb(22, 22, 22)');
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('takes the host page’s tokens', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table style="--tally-font: serif; --tally-text: rgb(10, 20, 30)" .feed=${smallLocal(1)}></tally-party-table>`,
      );
      const frame = getComputedStyle(root(el).querySelector('.frame')!);
      expect(frame.fontFamily).to.equal('serif');
      expect(frame.color).to.equal('rgb(10, 20, 30)');
    });

    it('speaks Welsh', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table lang="cy" .feed=${smallLocal(1)}></tally-party-table>`,
      );
      expect(visible(root(el).querySelector('caption .title'))).to.equal('Sefyllfa’r pleidiau');
      expect(visible(heading(el, 'seats'))).to.contain('Seddi');
      expect(visible(root(el).querySelector('tfoot th'))).to.equal('Cyfanswm');
      expect(spoken(cell(el, 'con', 'seatsChange'))).to.equal('i lawr 7');
    });
  });

  describe('feed states', () => {
    it('reserves its height with a skeleton while loading', async () => {
      const url = await feeds.route('/hang.json', { fault: 'hang' });
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table src=${url} style="--tally-party-table-min-height: 200px"></tally-party-table>`,
      );
      await el.updateComplete;
      const skeleton = root(el).querySelector('[part="skeleton"]')!;
      expect(skeleton.getAttribute('aria-label')).to.equal('Loading results…');
      expect(el.getBoundingClientRect().height).to.be.at.least(200);
      await accessibleInBothSchemes(el);
      el.remove();
    });

    it('says when the feed cannot be loaded', async () => {
      const url = await feeds.route('/missing.json', { status: 404, body: 'Not found' });
      const el = await fixture<TallyPartyTable>(html`<tally-party-table src=${url}></tally-party-table>`);
      await oneEvent(el, 'tally-feed-error');
      await el.updateComplete;
      expect(visible(root(el).querySelector('[part="notice"] .notice-text'))).to.equal(
        'Results are unavailable at the moment.',
      );
      expect(visible(root(el).querySelector('[part="error-detail"] code'))).to.equal('HTTP 404 Not Found');
      await accessibleInBothSchemes(el);
      el.remove();
    });

    it('keeps the table when a later feed is invalid, and says so', async () => {
      const el = await fixture<TallyPartyTable>(html`<tally-party-table .feed=${smallLocal(1)}></tally-party-table>`);
      const errors: string[] = [];
      const original = console.error;
      console.error = (message: string) => errors.push(message);
      try {
        el.feed = { ...smallLocal(2), areas: [{ id: 'A', name: 'A', status: 'won' }] };
        await el.updateComplete;
      } finally {
        console.error = original;
      }
      expect(visible(cell(el, 'lab', 'seats'))).to.equal('25');
      expect(root(el).querySelector('[part="status"]')!.getAttribute('data-kind')).to.equal('kept');
      expect(errors[0]).to.contain('<tally-party-table>');
      await accessibleInBothSchemes(el);
    });

    it('shows stale data with a warning line', async () => {
      const url = await feeds.route('/flaky.json', {
        sequence: [{ json: smallLocal(1) }, { status: 500, body: 'Internal error' }],
      });
      const el = await fixture<TallyPartyTable>(html`<tally-party-table src=${url} interval="5"></tally-party-table>`);
      await waitUntil(() => row(el, 'con'), 'the table shows', { timeout: 10_000 });
      await oneEvent(el, 'tally-feed-error');
      await el.updateComplete;
      expect(root(el).querySelector('[part="status"]')!.getAttribute('data-kind')).to.equal('reconnecting');
      expect(visible(cell(el, 'con', 'seats'))).to.equal('18');
      await accessibleInBothSchemes(el);
      el.remove();
    });

    it('watermarks test data', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table .feed=${await fixtureFeed('local-small.json')}></tally-party-table>`,
      );
      expect(visible(root(el).querySelector('[part="watermark"]'))).to.contain('TEST DATA');
      expect(root(el).querySelector('.frame')!.hasAttribute('data-test')).to.equal(true);
      await accessibleInBothSchemes(el);
    });

    it('says no results are declared yet', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table .feed=${await fixtureFeed('empty.json')}></tally-party-table>`,
      );
      expect(visible(root(el).querySelector('[part="notice"]'))).to.equal('No results declared yet.');
      expect(root(el).querySelector('table')).to.equal(null);
      await accessibleInBothSchemes(el);
    });

    it('says when the declared results carry no party figures', async () => {
      const areas: FeedInput['areas'] = [
        { id: 'A', name: 'Ashby', status: 'declared' },
        { id: 'B', name: 'Brook', status: 'declared' },
      ];
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table .feed=${smallLocal(1, {}, areas)}></tally-party-table>`,
      );
      expect(visible(root(el).querySelector('[part="notice"]'))).to.equal(
        'The results declared so far give no party figures.',
      );
      expect(visible(root(el).querySelector('.heading .subtitle'))).to.equal(
        'All 2 councils declared · Change since 2014',
      );
    });

    it('says when a feed has nothing at all, and warns', async () => {
      const { result: el, warnings } = await captureWarnings(() =>
        fixture<TallyPartyTable>(html`<tally-party-table .feed=${smallLocal(1, {}, [])}></tally-party-table>`),
      );
      expect(visible(root(el).querySelector('[part="notice"]'))).to.equal('No results in this feed yet.');
      expect(warnings.some((warning) => warning.includes('no areas and no summary'))).to.equal(true);
    });

    it('reads an inline JSON snapshot', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table><script type="application/json">${JSON.stringify(smallLocal(3))}</script></tally-party-table>`,
      );
      await el.updateComplete;
      expect(visible(cell(el, 'lab', 'seats'))).to.equal('25');
    });

    it('says no feed was given', async () => {
      const el = await fixture<TallyPartyTable>(html`<tally-party-table></tally-party-table>`);
      expect(visible(root(el).querySelector('[part="notice"]'))).to.equal('No results feed was given to this widget.');
      await accessibleInBothSchemes(el);
    });
  });

  describe('settings', () => {
    it('shows the requested columns and names the ones the feed lacks', async () => {
      const { result: el, warnings } = await captureWarnings(() =>
        fixture<TallyPartyTable>(
          html`<tally-party-table columns="votes seats turnout" .feed=${smallLocal(1)}></tally-party-table>`,
        ),
      );
      expect([...root(el).querySelectorAll<HTMLElement>('thead th')].map((th) => th.dataset.column)).to.deep.equal([
        'party',
        'seats',
        'seatsChange',
      ]);
      expect(visible(root(el).querySelector('[part="notes"]'))).to.contain('This feed has no figures for: votes.');
      expect(warnings.some((warning) => warning.includes('votes'))).to.equal(true);
      expect(warnings.some((warning) => warning.includes('"turnout"'))).to.equal(true);
      expect(root(el).querySelector('tr.noc')).to.equal(null);
    });

    it('shows derived totals with basis="derived", saying which councils they cover', async () => {
      const feed = { ...smallLocal(1), summary: { declared: 2, total: 3, parties: [{ party: 'con', seats: 99 }] } };
      const el = await fixture<TallyPartyTable>(html`<tally-party-table .feed=${feed}></tally-party-table>`);
      expect(visible(cell(el, 'con', 'seats'))).to.equal('99');
      el.basis = 'derived';
      await el.updateComplete;
      expect(visible(cell(el, 'con', 'seats'))).to.equal('18');
      expect(visible(root(el).querySelector('[part="notes"]'))).to.contain('Totals from declared results');
    });

    it('groups more parties with a lower max-parties', async () => {
      const el = await fixture<TallyPartyTable>(
        html`<tally-party-table max-parties="2" .feed=${await after130()}></tally-party-table>`,
      );
      expect(bodyRows(el).map((tr) => tr.dataset.party)).to.deep.equal(['lab', 'con', 'others', 'noc']);
      // Others: LD 403 + Ind 87 + Res 46 + Green 32 + UKIP 3 + Lib 1 = 572 seats; 37 + 4 − 55 − 66 − 1 − 4 = −85.
      expect(figuresOf(el, 'others', ['seats', 'seatsChange'])).to.deep.equal(['572', '−85']);
    });

    it('warns about a sort or max-parties it cannot use, and carries on with the defaults', async () => {
      const { result: el, warnings } = await captureWarnings(() =>
        fixture<TallyPartyTable>(
          html`<tally-party-table sort="turnout" max-parties="lots" .feed=${smallLocal(1)}></tally-party-table>`,
        ),
      );
      expect(heading(el, 'seats').getAttribute('aria-sort')).to.equal('descending');
      expect(warnings.some((warning) => warning.includes('sort="turnout"'))).to.equal(true);
      expect(warnings.some((warning) => warning.includes('max-parties="lots"'))).to.equal(true);
    });

    it('registers safely twice', () => {
      expect(() => defineElement('tally-party-table', PartyTableClass)).to.not.throw();
      expect(customElements.get('tally-party-table')).to.equal(PartyTableClass);
    });
  });
});
