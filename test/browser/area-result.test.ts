/**
 * <tally-area-result> in Chromium: a constituency of 2019 (House of Commons Library figures),
 * a ward of one seat and a ward of two, a council with its wards and the way back, a 2018
 * council's whole composition; every status; the search combobox by keyboard; the postcode
 * look-up against a local stub service (found, not found, failed, timed out, no election,
 * invalid); the URL fragment; following a council list; an unrelated feed update that leaves
 * the card alone; feed states, Welsh, 320 px, right to left, forced colours, reduced motion,
 * and axe in every state.
 *
 * Expected figures are the source's (test/fixtures/wards.json is hand-made; Houghton and
 * Sunderland South from the HoC CSV row), never copied from the widget's output.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/area-result/register.js';
import type { AreaChangeDetail, TallyAreaResult } from '../../src/components/area-result/area-result.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { useFeedServer } from './helpers/feed-server.js';
import { emulate } from './helpers/media.js';
import { captureConsole } from './helpers/widgets.js';
import { loadLocale } from '../../src/i18n/messages.js';
import { textWithout } from './helpers/text.js';

const root = (el: TallyAreaResult) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: TallyAreaResult, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: TallyAreaResult, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];

/** What a sighted reader sees: text without visually hidden parts, isolates and extra spaces. */
const visible = (node: Element | null | undefined) => textWithout(node, '.visually-hidden');

/** What a screen reader reads: text without aria-hidden parts. */
const spoken = (node: Element | null | undefined) => textWithout(node, '[aria-hidden="true"]');

const fixtureFeed = async (name: string): Promise<FeedInput> => (await fetch(`/test/fixtures/${name}`)).json();

async function mount(
  attributes: Record<string, string | boolean>,
  feed?: unknown,
  width = '40rem',
): Promise<TallyAreaResult> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}"></div>`);
  const el = document.createElement('tally-area-result');
  for (const [name, value] of Object.entries(attributes))
    if (value !== false) el.setAttribute(name, value === true ? '' : value);
  if (feed !== undefined) el.feed = feed;
  box.append(el);
  await waitUntil(() => !$(el, '.skeleton') || feed === undefined, 'the card draws', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

async function accessibleInBothSchemes(el: TallyAreaResult, state: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    el.theme = theme;
    await el.updateComplete;
    await expect(el, `axe: ${state}, ${theme}`).to.be.accessible();
  }
  el.theme = undefined;
  await el.updateComplete;
}

/** Each term of a description list with its value: "Majority 452". */
const facts = (el: TallyAreaResult, selector = '.contest .facts') =>
  $$(el, `${selector} .fact`).map(
    (fact) => `${visible(fact.querySelector('dt'))} ${visible(fact.querySelector('dd'))}`,
  );

const lines = (el: TallyAreaResult) => $$(el, '.line');
const lineNames = (el: TallyAreaResult) => lines(el).map((line) => visible(line.querySelector('.name')));
const elected = (el: TallyAreaResult) =>
  lines(el)
    .filter((line) => line.hasAttribute('data-elected'))
    .map((line) => visible(line.querySelector('.name')));

// Welsh is fetched the first time a widget speaks it (its own file); these tests read it at once.
before(() => loadLocale('cy'));

describe('<tally-area-result>', function () {
  this.timeout(30_000);
  const feeds = useFeedServer();
  let wards: FeedInput;
  before(async () => {
    wards = await fixtureFeed('wards.json');
  });
  afterEach(async () => {
    await emulate({});
    history.replaceState(null, '', location.pathname + location.search);
  });

  describe('a contest', () => {
    it('shows Houghton and Sunderland South 2019 as the House of Commons Library gives it', async () => {
      const url = await feeds.route('/ge2019.json', { fixture: 'uk-general-2019.final.json' });
      const el = await mount({ src: url, area: 'E14000754', 'time-zone': 'Europe/London' });
      await waitUntil(() => $(el, '.card'), 'the card shows', { timeout: 10_000 });
      expect(visible($(el, '[part="title"]'))).to.equal('Houghton and Sunderland South');
      expect(visible($(el, '[part="status-badge"]'))).to.equal('Declared 23:29');
      expect(visible($(el, '[part="outcome"]'))).to.equal('Labour hold');
      expect(lineNames(el)).to.deep.equal([
        'Bridget Phillipson',
        'Conservatives',
        'Brexit Party',
        'Liberal Democrats',
        'Green',
        'Others',
      ]);
      expect(visible(lines(el)[0]!.querySelector('.party'))).to.equal('Labour');
      expect(lines(el).map((line) => visible(line.querySelector('.votes')))).to.deep.equal([
        '16,210',
        '13,095',
        '6,165',
        '2,319',
        '1,125',
        '897',
      ]);
      expect(elected(el)).to.deep.equal(['Bridget Phillipson']);
      expect(spoken(lines(el)[0]!)).to.equal('Bridget Phillipson Elected Labour 16,210 votes 40.7% of the vote');
      expect(facts(el)).to.deep.equal(['Majority 3,115', 'Turnout 57.8%', 'Electorate 68,835']);
      // The feed has no rejected ballots for this seat: none are shown, not a zero.
      expect(facts(el).some((fact) => fact.startsWith('Rejected'))).to.equal(false);
      await accessibleInBothSchemes(el, 'constituency');
    });

    it('shows a ward of one seat: candidates by votes, a label for a party the feed lacks, rejected ballots', async () => {
      const el = await mount({ area: 'X05000901' }, wards);
      expect(lineNames(el)).to.deep.equal(['Ann Archer', 'Bill Baker', 'Cara Cole', 'Dev Dhillon']);
      expect(visible(lines(el)[3]!.querySelector('.party'))).to.equal('Ashby Residents Association');
      expect(visible($(el, '[part="outcome"]'))).to.equal('Labour gain from Conservatives');
      expect(facts(el)).to.deep.equal(['Majority 452', 'Turnout 36.5%', 'Electorate 9,820', 'Rejected ballots 21']);
      // Bars are as long as the shares, and hidden from screen readers (the figures say it).
      const bars = $$(el, '.bar');
      expect(bars.every((bar) => bar.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect(
        bars.map((bar) => bar.querySelector<HTMLElement>('.fill')!.style.getPropertyValue('--_bar')),
      ).to.deep.equal(['47.72%', '35.04%', '11.27%', '5.97%']);
      await accessibleInBothSchemes(el, 'ward of one seat');
    });

    it('shows the change in share where the feed has it, in points and in words, with its baseline', async () => {
      const feed = structuredClone(wards);
      const candidates = feed.areas.find((candidate) => candidate.id === 'X05000901')!.candidates!;
      candidates[0]!.shareChange = 2.5;
      candidates[1]!.shareChange = -3.25;
      const el = await mount({ area: 'X05000901' }, feed);
      const changes = lines(el).map((line) => line.querySelector('.change'));
      expect(changes.map((change) => visible(change))).to.deep.equal(['+2.5pp', '−3.3pp', '–', '–']);
      expect(spoken(changes[0])).to.equal('up 2.5 percentage points');
      expect(spoken(changes[1])).to.equal('down 3.3 percentage points');
      expect(visible($(el, '[part="baseline"]'))).to.equal('Change since 2022');
    });

    it('marks both elected in a ward of two seats, from the feed, and says 2 of 2', async () => {
      const el = await mount({ area: 'X05000902' }, wards);
      expect(elected(el)).to.deep.equal(['Eve Evans', 'Femi Foster']);
      expect(visible($(el, '#contest-heading'))).to.equal('Candidates · 2 elected of 2 seats');
      expect(
        lines(el).filter((line) => line.getAttribute('part')!.split(' ').includes('candidate-elected')),
      ).to.have.length(2);
      // Elected is said in words and with a tick, not only in colour or weight.
      expect(visible(lines(el)[0]!.querySelector('[part="elected"]'))).to.equal('✓ Elected');
    });
  });

  describe('a council', () => {
    it('shows control, seats won of the seats up and its wards, each opening its result with a way back', async () => {
      const el = await mount({ area: 'X08000901' }, wards);
      expect(visible($(el, '[part="status-badge"]'))).to.equal('Counting');
      expect($(el, '[part="outcome"]')).to.equal(null);
      expect(facts(el, '[part="control"]')).to.deep.equal(['Before Labour']);
      expect(visible($(el, '[part="seats-won"] caption'))).to.equal('Seats won at this election, of 16 up');
      expect($$(el, '[part="seats-won"] tbody tr').map((tr) => visible(tr))).to.deep.equal(['Labour 3 +1']);
      expect(spoken($(el, '[part="seats-won"] tbody td.change'))).to.equal('up 1');
      expect($(el, '[part="composition"]'), 'no whole council before it is known').to.equal(null);
      const buttons = $$<HTMLButtonElement>(el, '[part="ward"]');
      expect(buttons.map((button) => visible(button))).to.deep.equal([
        'Abbey Lab gain from Con',
        'Beckside Lab 2 elected',
        'Castle Awaiting result',
      ]);
      await accessibleInBothSchemes(el, 'council with wards');

      const changed = oneEvent(el, 'tally-area-change');
      buttons[1]!.click();
      const event = (await changed) as CustomEvent<AreaChangeDetail>;
      expect(event.detail).to.include({ id: 'X05000902', source: 'ward' });
      expect(event.detail.area?.name).to.equal('Beckside');
      await el.updateComplete;
      expect(visible($(el, '[part="title"]'))).to.equal('Beckside');
      expect(root(el).activeElement, 'focus moves to the new title').to.equal($(el, '[part="title"]'));
      expect(visible($(el, '[aria-live="polite"]:not([part])'))).to.equal('Showing Beckside: Declared');

      const back = oneEvent(el, 'tally-area-change');
      $<HTMLButtonElement>(el, '[part="back"]')!.click();
      expect(((await back) as CustomEvent<AreaChangeDetail>).detail).to.include({ id: 'X08000901', source: 'parent' });
      await el.updateComplete;
      expect(visible($(el, '[part="title"]'))).to.equal('Ashby');
    });

    it('draws the whole council after the election with its majority line, and lists every party', async () => {
      const el = await mount({ area: 'E09000003' }, await fixtureFeed('uk-local-2018.final.json'));
      expect(visible($(el, '[part="outcome"]'))).to.equal('Conservatives gain from NOC');
      expect(visible($(el, '[part="composition"] figcaption'))).to.equal(
        'Whole council after the election · 32 seats for a majority',
      );
      const bar = $(el, '[part="council-bar"]')!;
      expect(bar.getAttribute('aria-hidden')).to.equal('true');
      expect(bar.style.getPropertyValue('--_majority')).to.equal(`${(32 / 63) * 100}%`);
      expect($$(el, '[part="key"] li').map((li) => visible(li))).to.deep.equal(['Conservatives 38', 'Labour 25']);
      await accessibleInBothSchemes(el, 'council composition');
    });
  });

  describe('statuses', () => {
    const area = (status: string, extra: Record<string, unknown> = {}) => ({
      ...structuredClone(wards),
      areas: [{ id: 'A', name: 'Ashford', status, ...extra }],
    });
    for (const [status, extra, expected] of [
      ['awaiting', { expectedAt: '2026-05-08T02:30:00+01:00' }, 'Awaiting result · Result expected 01:30'],
      ['awaiting', {}, 'Awaiting result'],
      ['counting', {}, 'Counting'],
      ['recount', {}, 'Recount'],
      ['declared', { declaredAt: '2026-05-08T03:10:00Z' }, 'Declared 03:10'],
      ['postponed', {}, 'Postponed'],
    ] as const) {
      it(`says ${expected}`, async () => {
        const el = await mount({ area: 'A', 'time-zone': 'UTC' }, area(status, extra));
        expect(visible($(el, '[part="status-badge"]'))).to.equal(expected);
        expect(visible($(el, '.card'))).to.contain('No figures for this area yet.');
        await expect(el, status).to.be.accessible();
      });
    }
  });

  describe('bad input and feed states', () => {
    it('says an unknown area plainly, warns once with its id, and keeps the last good card when the area leaves the feed', async () => {
      const log = captureConsole();
      try {
        const el = await mount({ area: 'E99999999' }, wards);
        expect(visible($(el, '[part="notice"]'))).to.equal('There is no area “E99999999” in this feed.');
        expect(log.warn.filter((line) => line.includes('"E99999999"'))).to.have.length(1);
        await expect(el).to.be.accessible();
        el.area = 'X05000901';
        await el.updateComplete;
        const next = structuredClone(wards);
        next.meta.revision += 1;
        next.areas = next.areas.filter((candidate) => candidate.id !== 'X05000901');
        el.feed = next;
        await waitUntil(() => $(el, '[part="notice"]'), 'the notice shows');
        expect(visible($(el, '[part="title"]'))).to.equal('Abbey');
        expect(visible($(el, '[part="notice"]'))).to.equal('There is no area “X05000901” in this feed.');
      } finally {
        log.restore();
      }
    });

    it('reads an inline JSON feed, as every widget does', async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 30rem"></div>`);
      const el = document.createElement('tally-area-result');
      el.setAttribute('area', 'X05000902');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(wards);
      el.append(script);
      box.append(el);
      await waitUntil(() => $(el, '[part="title"]'), 'the card draws');
      expect(visible($(el, '[part="title"]'))).to.equal('Beckside');
      expect(elected(el)).to.deep.equal(['Eve Evans', 'Femi Foster']);
    });

    it('asks the reader to choose when searching with no area yet', async () => {
      const el = await mount({ search: true }, wards);
      expect(visible($(el, '[part="notice"]'))).to.equal('Choose an area to see its result.');
      await accessibleInBothSchemes(el, 'nothing chosen');
    });

    it('reserves its box while loading, says so when the feed fails, and marks test data', async () => {
      const hanging = await feeds.route('/hang.json', { fault: 'hang' });
      const loading = await mount({ src: hanging, area: 'X05000901' });
      expect($(loading, '[part="skeleton"]')).to.exist;
      expect(loading.getBoundingClientRect().height).to.be.greaterThan(100);
      await accessibleInBothSchemes(loading, 'loading');

      const failing = await feeds.route('/fail.json', { status: 500 });
      const log = captureConsole();
      try {
        const failed = await mount({ src: failing, area: 'X05000901' });
        await waitUntil(() => $(failed, '.notice[data-kind="failed"]'), 'the failure shows', { timeout: 15_000 });
        expect(visible($(failed, '.notice-text'))).to.equal('Results are unavailable at the moment.');
        await accessibleInBothSchemes(failed, 'failed');
      } finally {
        log.restore();
      }

      const test = await mount({ area: 'X05000901' }, wards);
      expect(visible($(test, '[part="watermark"] strong'))).to.equal('TEST DATA');
    });

    it('keeps the card and says so when a later feed is invalid', async () => {
      const log = captureConsole();
      try {
        const el = await mount({ area: 'X05000901' }, wards);
        el.feed = { ...structuredClone(wards), meta: { ...wards.meta, revision: 'x' } };
        await waitUntil(() => $(el, '.status[data-kind="kept"]'), 'the status line says so');
        expect(visible($(el, '[part="title"]'))).to.equal('Abbey');
        await accessibleInBothSchemes(el, 'kept after an invalid feed');
      } finally {
        log.restore();
      }
    });
  });

  describe('hostile data', () => {
    it('shows markup in names as text, keeps right-to-left names from moving the figures, drops a script link', async () => {
      const log = captureConsole();
      try {
        const feed = structuredClone(wards);
        const abbey = feed.areas.find((candidate) => candidate.id === 'X05000901')!;
        abbey.candidates![0]!.name = '<img src=x onerror="window.tallyPwned=1">';
        abbey.candidates![3]!.partyName = 'حزب سكان آشبي';
        abbey.note = '<script>window.tallyPwned=2</script>';
        (abbey as { url?: string }).url = 'javascript:window.tallyPwned=3';
        const el = await mount({ area: 'X05000901' }, feed);
        expect(root(el).querySelector('img, script')).to.equal(null);
        expect(visible(lines(el)[0]!.querySelector('.name'))).to.equal('<img src=x onerror="window.tallyPwned=1">');
        expect(visible($(el, '.card > .note'))).to.equal('<script>window.tallyPwned=2</script>');
        expect($(el, '.card a'), 'no link that is not http(s)').to.equal(null);
        expect((window as { tallyPwned?: number }).tallyPwned).to.equal(undefined);
        // The right-to-left label has an element of its own, so the votes beside it stay in place.
        const line = lines(el)[3]!;
        expect(line.querySelector('.party')!.localName).to.equal('bdi');
        expect(visible(line.querySelector('.votes'))).to.equal('213');
        expect(line.querySelector('.votes')!.getBoundingClientRect().left).to.be.greaterThan(
          line.querySelector('.party')!.getBoundingClientRect().right,
        );
        await expect(el).to.be.accessible();
      } finally {
        log.restore();
      }
    });
  });

  describe('an update of the feed', () => {
    it('does not re-render the card when it does not touch the area, and does when it does', async () => {
      const el = await mount({ area: 'X05000901' }, wards);
      let updates = 0;
      const own = el as unknown as { updated: (...args: unknown[]) => void };
      const updated = own.updated.bind(el);
      own.updated = (...args: unknown[]) => {
        updates += 1;
        updated(...args);
      };
      const card = $(el, '.card')!;
      const mutations: MutationRecord[] = [];
      const observer = new MutationObserver((records) => mutations.push(...records));
      observer.observe(card, { subtree: true, childList: true, characterData: true, attributes: true });

      // Another ward declares: nothing about Abbey or its council changes.
      const other = structuredClone(wards);
      other.meta.revision += 1;
      other.meta.dataChangedAt = '2026-05-08T01:20:00Z';
      const castle = other.areas.find((candidate) => candidate.id === 'X05000903')!;
      Object.assign(castle, { status: 'counting' });
      el.feed = other;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await el.updateComplete;
      expect(updates, 'no update of the element').to.equal(0);
      expect(mutations, 'nothing in the card changed').to.deep.equal([]);

      // Abbey's turnout is corrected: the card shows it.
      const corrected = structuredClone(other);
      corrected.meta.revision += 1;
      Object.assign(
        corrected.areas.find((candidate) => candidate.id === 'X05000901')!,
        { turnout: 36.6 },
      );
      el.feed = corrected;
      await waitUntil(() => updates > 0, 'the element updates');
      await el.updateComplete;
      expect(facts(el)).to.include('Turnout 36.6%');
      observer.disconnect();
    });
  });

  describe('search', () => {
    it('is an ARIA 1.2 combobox, worked by keyboard, ignoring accents and case', async () => {
      const feed = structuredClone(wards);
      Object.assign(
        feed.areas.find((candidate) => candidate.id === 'X05000902')!,
        { name: 'Bécksíde', translations: { cy: { name: 'Glan-y-Nant' } } },
      );
      const el = await mount({ search: true }, feed);
      const input = $<HTMLInputElement>(el, '[part="search-input"]')!;
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.labels?.[0]?.textContent).to.equal('Find an area');
      input.focus();
      await sendKeys({ type: 'BECKS' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      const options = () => $$(el, '[role="option"]');
      expect(options().map((option) => visible(option))).to.deep.equal(['Bécksíde Ashby']);
      await expect(el, 'open list').to.be.accessible();

      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal(options()[0]!.id);
      expect(options()[0]!.getAttribute('aria-selected')).to.equal('true');
      const changed = oneEvent(el, 'tally-area-change');
      await sendKeys({ press: 'Enter' });
      expect(((await changed) as CustomEvent<AreaChangeDetail>).detail).to.include({
        id: 'X05000902',
        source: 'search',
      });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('Bécksíde');
      expect(visible($(el, '[part="title"]'))).to.equal('Bécksíde');
      expect(root(el).activeElement, 'focus stays in the search box').to.equal(input);

      // Welsh name, and Escape: the first closes, the second clears.
      input.select();
      await sendKeys({ type: 'glan y' });
      await el.updateComplete;
      expect(options().map((option) => visible(option))).to.deep.equal(['Bécksíde (also Glan-y-Nant) Ashby']);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('glan y');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.value).to.equal('');
    });

    it('says when nothing matches, and chooses a suggestion by click', async () => {
      const el = await mount({ search: true }, wards);
      const input = $<HTMLInputElement>(el, '[part="search-input"]')!;
      input.focus();
      await sendKeys({ type: 'zzz' });
      await el.updateComplete;
      expect(visible($(el, '.search [data-kind="no-matches"]'))).to.equal('No area matches “zzz”.');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      // Said once the reader pauses, in the card's polite live region.
      const live = () => visible($(el, '.frame > [aria-live="polite"]'));
      await waitUntil(() => live() === 'No area matches “zzz”.', 'the count is said');
      input.select();
      await sendKeys({ type: 'a' });
      await el.updateComplete;
      expect($(el, '.search [data-kind="no-matches"]')).to.equal(null);
      await waitUntil(() => live() === '3 areas found', 'the count is said');
      const changed = oneEvent(el, 'tally-area-change');
      const abbey = $$(el, '[role="option"]').find(
        (option) => visible(option.querySelector('.option-name')) === 'Abbey',
      )!;
      abbey.click();
      expect(((await changed) as CustomEvent<AreaChangeDetail>).detail.id).to.equal('X05000901');
    });
  });

  describe('postcode look-up, against a local stub service', () => {
    const answer = (codes: Record<string, string | null>) => ({
      json: { status: 200, result: { postcode: 'S10 2TN', codes } },
    });

    async function lookUp(el: TallyAreaResult, postcode: string): Promise<string> {
      const input = $<HTMLInputElement>(el, '[part="postcode-input"]')!;
      input.value = postcode;
      $<HTMLButtonElement>(el, '[part="postcode-button"]')!.click();
      await el.updateComplete;
      await waitUntil(
        () => {
          const kind = $(el, '[part="postcode-message"]')?.dataset.kind;
          return kind !== undefined && kind !== 'looking' && kind !== 'idle';
        },
        'the look-up ends',
        { timeout: 15_000 },
      );
      await el.updateComplete;
      return visible($(el, '[part="postcode-message"]'));
    }

    it('finds the ward, in order of preference of the fields, and shows it', async () => {
      await feeds.route('/postcodes/S102TN', answer({ admin_ward: 'X05000902', admin_district: 'X08000901' }));
      const template = `${feeds.url('/postcodes/')}{postcode}`;
      const el = await mount(
        { 'postcode-url': template, 'postcode-field': 'result.codes.admin_ward result.codes.admin_district' },
        wards,
      );
      const changed = oneEvent(el, 'tally-area-change');
      expect(await lookUp(el, 's10 2tn')).to.equal('Showing Beckside for S10 2TN.');
      expect(((await changed) as CustomEvent<AreaChangeDetail>).detail).to.include({
        id: 'X05000902',
        source: 'postcode',
      });
      expect(visible($(el, '[part="title"]'))).to.equal('Beckside');
      const [request] = await feeds.requests('/postcodes/S102TN');
      expect(request!.path).to.equal('/postcodes/S102TN');
      await accessibleInBothSchemes(el, 'postcode found');
    });

    it('makes no request for something that is not a postcode, and says so', async () => {
      const template = `${feeds.url('/postcodes/')}{postcode}`;
      const el = await mount({ 'postcode-url': template, 'postcode-field': 'result.codes.admin_ward' }, wards);
      expect(await lookUp(el, 'Sheffield')).to.equal(
        '“Sheffield” is not a UK postcode. Check it and try again, for example S1 2HH.',
      );
      expect($(el, '[part="postcode-input"]')!.getAttribute('aria-invalid')).to.equal('true');
      expect(await feeds.hits()).to.equal(0);
      await accessibleInBothSchemes(el, 'postcode invalid');
    });

    it('says a postcode was not found, that the service failed (with the reason for developers), or that it timed out', async () => {
      await feeds.route('/postcodes/S11AA', { status: 404, json: { status: 404, error: 'Postcode not found' } });
      await feeds.route('/postcodes/S12AA', { status: 500, body: 'Internal error' });
      await feeds.route('/postcodes/S13AA', { fault: 'hang' });
      const template = `${feeds.url('/postcodes/')}{postcode}`;
      const el = await mount(
        { 'postcode-url': template, 'postcode-field': 'result.codes.admin_ward', 'postcode-timeout': '1' },
        wards,
      );
      expect(await lookUp(el, 'S1 1AA')).to.equal('The postcode S1 1AA was not found. Check it and try again.');
      await expect(el, 'not found').to.be.accessible();
      const log = captureConsole();
      try {
        expect(await lookUp(el, 'S1 2AA')).to.equal(
          'The postcode search is not working at the moment. Try again later.',
        );
        expect(visible($(el, '.postcode [part="error-detail"] code'))).to.match(/\/postcodes\/S12AA answered 500/);
        expect(log.error.some((line) => line.includes('answered 500'))).to.equal(true);
        await expect(el, 'failed').to.be.accessible();
        expect(await lookUp(el, 'S1 3AA')).to.equal('The postcode search took too long to answer. Try again.');
        await expect(el, 'timed out').to.be.accessible();
      } finally {
        log.restore();
      }
    });

    it('says there is no election for a postcode outside the feed, naming a known area without one', async () => {
      const feed = structuredClone(wards);
      feed.areas.push({ id: 'X05000999', name: 'Dale', status: 'no-election' });
      await feeds.route('/postcodes/S14AA', answer({ admin_ward: 'E05999999', admin_district: 'E08999999' }));
      await feeds.route('/postcodes/S15AA', answer({ admin_ward: 'X05000999', admin_district: null }));
      const template = `${feeds.url('/postcodes/')}{postcode}`;
      const el = await mount(
        { 'postcode-url': template, 'postcode-field': 'result.codes.admin_ward,result.codes.admin_district' },
        feed,
      );
      expect(await lookUp(el, 'S1 4AA')).to.equal('There is no election for S1 4AA in these results.');
      expect(await lookUp(el, 'S1 5AA')).to.equal('There is no election in Dale (S1 5AA) in these results.');
      await expect(el).to.be.accessible();
    });
  });

  describe('the URL fragment and a council list', () => {
    it('with link, starts from the fragment, writes the reader’s choice into it and follows it', async () => {
      history.replaceState(null, '', '#top&tally-area=X05000902');
      const el = await mount({ link: true, area: 'X08000901' }, wards);
      expect(visible($(el, '[part="title"]'))).to.equal('Beckside');
      $<HTMLButtonElement>(el, '[part="back"]')!.click();
      await el.updateComplete;
      expect(location.hash).to.equal('#top&tally-area=X08000901');
      const changed = oneEvent(el, 'tally-area-change');
      location.hash = '#tally-area=X05000901';
      expect(((await changed) as CustomEvent<AreaChangeDetail>).detail).to.include({ id: 'X05000901', source: 'link' });
      await el.updateComplete;
      expect(visible($(el, '[part="title"]'))).to.equal('Abbey');
    });

    it('without link, leaves the URL alone', async () => {
      const el = await mount({ area: 'X05000902' }, wards);
      $<HTMLButtonElement>(el, '[part="back"]')!.click();
      await el.updateComplete;
      expect(location.hash).to.equal('');
    });

    it('with follow, shows the area a council list opens, and only that list’s', async () => {
      const el = await mount({ follow: 'results-map' }, wards);
      const list = document.createElement('div');
      list.id = 'results-map';
      const other = document.createElement('div');
      document.body.append(list, other);
      try {
        other.dispatchEvent(
          new CustomEvent('tally-area-select', {
            detail: { id: 'X05000901', source: 'list' },
            bubbles: true,
            composed: true,
          }),
        );
        await el.updateComplete;
        expect($(el, '.card')).to.equal(null);
        const changed = oneEvent(el, 'tally-area-change');
        list.dispatchEvent(
          new CustomEvent('tally-area-select', {
            detail: { id: 'X05000902', source: 'map' },
            bubbles: true,
            composed: true,
          }),
        );
        expect(((await changed) as CustomEvent<AreaChangeDetail>).detail).to.include({
          id: 'X05000902',
          source: 'council-list',
        });
        await el.updateComplete;
        expect(visible($(el, '[part="title"]'))).to.equal('Beckside');
      } finally {
        list.remove();
        other.remove();
      }
    });

    it('never fires tally-area-change for a new feed or a new area attribute', async () => {
      const el = await mount({ area: 'X05000901' }, wards);
      let fired = 0;
      el.addEventListener('tally-area-change', () => (fired += 1));
      el.area = 'X05000902';
      await el.updateComplete;
      el.feed = { ...structuredClone(wards), meta: { ...wards.meta, revision: wards.meta.revision + 1 } };
      await el.updateComplete;
      expect(visible($(el, '[part="title"]'))).to.equal('Beckside');
      expect(fired).to.equal(0);
    });
  });

  describe('languages, sizes and reader settings', () => {
    it('speaks Welsh', async () => {
      const el = await mount({ area: 'X08000901', lang: 'cy', search: true }, wards);
      expect(visible($(el, '.search .label'))).to.equal('Chwilio am ardal');
      expect(visible($(el, '[part="status-badge"]'))).to.equal('Yn cyfrif');
      expect(visible($(el, '[part="seats-won"] caption'))).to.equal(
        'Seddi a enillwyd yn yr etholiad hwn, o’r 16 a ymleddwyd',
      );
      await expect(el).to.be.accessible();
    });

    it('fits 320 px with long names: nothing wider than the card', async () => {
      await setViewport({ width: 320, height: 800 });
      try {
        const feed = structuredClone(wards);
        const abbey = feed.areas.find((candidate) => candidate.id === 'X05000901')!;
        abbey.candidates![0]!.name = 'Annabel Maximiliana Featherstonehaugh-Cholmondeley-Wolstenholme';
        abbey.candidates![3]!.partyName =
          'The Extraordinarily Long-Named Residents’ Association of Upper and Lower Ashby';
        const el = await mount({ area: 'X05000901', search: true }, feed, '100%');
        const width = el.getBoundingClientRect().width;
        expect(width).to.be.at.most(320);
        for (const node of $$(el, '.frame *')) {
          const box = node.getBoundingClientRect();
          if (box.width === 0 || node.closest('.visually-hidden')) continue;
          expect(box.right, `${node.className} stays inside`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        }
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('lays out right to left, with the bars starting on the right', async () => {
      const box = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 30rem"></div>`);
      const el = document.createElement('tally-area-result');
      el.setAttribute('area', 'X05000901');
      el.feed = wards;
      box.append(el);
      await waitUntil(() => $(el, '.fill'));
      const fill = $(el, '.fill')!.getBoundingClientRect();
      const bar = $(el, '.bar')!.getBoundingClientRect();
      expect(Math.abs(fill.right - bar.right)).to.be.below(1);
      await expect(el).to.be.accessible();
    });

    it('keeps party colours, bars and the majority line in forced colours', async () => {
      await emulate({ forcedColors: 'active' });
      const el = await mount({ area: 'E09000003' }, await fixtureFeed('uk-local-2018.final.json'));
      expect(getComputedStyle($(el, '.segment')!).forcedColorAdjust).to.equal('none');
      expect(getComputedStyle($(el, '.council-bar')!).borderTopStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });

    it('has no animation at all, so reduced motion has nothing to stop', async () => {
      await emulate({ reducedMotion: 'reduce' });
      const el = await mount({ area: 'X08000901' }, wards);
      $<HTMLButtonElement>(el, '[part="ward"]')!.click();
      await el.updateComplete;
      expect(root(el).getAnimations()).to.deep.equal([]);
    });
  });
});
