/**
 * Hostile and careless text (issue 22) through the fifth element, `<tally-area-result>`: the
 * classes hardening-text.test.ts and hardening-hostile.test.ts cover in the four national
 * widgets, where the card meets them in its own way — candidate names (markup, right-to-left
 * scripts), area ids and fragments that are keys every object inherits or markup, and the
 * language tags pages really carry. What the validator refuses or cleans for every widget
 * (bidi controls, invisible names, bad timestamps) is tested there once.
 *
 * Expected text comes from test/fixtures/wards.json (hand-made), never from the widget's output.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/area-result/register.js';
import type { TallyAreaResult } from '../../src/components/area-result/area-result.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { loadLocale } from '../../src/i18n/messages.js';
import { captureConsole, readable, useTestPage, visualText } from './helpers/widgets.js';

type Candidate = { name: string; party?: string; votes?: number };
type Area = FeedInput['areas'][number] & { candidates?: Candidate[] };

const wards = async (): Promise<FeedInput> => (await fetch('/test/fixtures/wards.json')).json();

/** Abbey (X05000901): Ann Archer, Labour, 1,702 votes, elected (test/fixtures/wards.json). */
const ABBEY = 'X05000901';

function withAbbey(feed: FeedInput, change: (area: Area) => Area): FeedInput {
  return { ...feed, areas: feed.areas.map((area) => (area.id === ABBEY ? change(area as Area) : area)) };
}

function renameFirstCandidate(feed: FeedInput, name: string): FeedInput {
  return withAbbey(feed, (area) => ({
    ...area,
    candidates: area.candidates!.map((candidate, i) => (i === 0 ? { ...candidate, name } : candidate)),
  }));
}

async function mountCard(attributes: Record<string, string>, feed: FeedInput): Promise<TallyAreaResult> {
  const card = document.createElement('tally-area-result');
  card.style.width = '40rem';
  for (const [name, value] of Object.entries(attributes)) card.setAttribute(name, value);
  card.feed = feed;
  document.body.append(card);
  await waitUntil(() => !card.shadowRoot?.querySelector('.skeleton'), 'the card draws', { timeout: 10_000 });
  await card.updateComplete;
  return card;
}

const shadow = (card: Element, selector: string) => [
  ...(card.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];

/** Every element in the card's shadow root that Tally's templates do not write. */
function injected(card: Element): string[] {
  return shadow(card, 'script, img, iframe, object, embed, a[href^="javascript"], [onerror], [onclick], [onload]').map(
    (element) => element.outerHTML.slice(0, 80),
  );
}

before(() => loadLocale('cy'));

describe('hardening: the area result card', function () {
  this.timeout(60_000);
  const onPage = useTestPage();
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  describe('markup in names is text', () => {
    const HOSTILE = [
      '<img src=x onerror="window.__tallyPwned = 1">',
      '"><script>window.__tallyPwned = 1</script>',
      "' onmouseover='window.__tallyPwned = 1",
      '<a href="javascript:window.__tallyPwned = 1">Vote</a>',
      '{{constructor.constructor("window.__tallyPwned = 1")()}}',
      '${window.__tallyPwned = 1}',
    ];

    it('as a candidate, a party, the area and the council: shown as written, nothing runs or is added', async () => {
      const feed = await wards();
      for (const text of HOSTILE) {
        const hostile: FeedInput = {
          ...renameFirstCandidate(feed, text),
          parties: feed.parties.map((party) => (party.id === 'con' ? { ...party, name: text } : party)),
          areas: renameFirstCandidate(feed, text).areas.map((area) =>
            area.id === ABBEY ? { ...area, name: `${text} ward` } : area,
          ),
        };
        const card = await mountCard({ area: ABBEY }, hostile);
        onPage.box = card;
        const names = shadow(card, '.line .name').map((name) => name.textContent);
        expect(names, JSON.stringify(text)).to.include(text);
        expect(readable(card.shadowRoot!.textContent ?? ''), JSON.stringify(text)).to.include(`${text} ward`);
        expect(injected(card), JSON.stringify(text)).to.deep.equal([]);
        card.remove();
        // The council (Ashby) with its wards: the hostile ward's name is a button's text.
        const council = await mountCard({ area: 'X08000901' }, hostile);
        onPage.box = council;
        expect(readable(council.shadowRoot!.textContent ?? ''), JSON.stringify(text)).to.include(`${text} ward`);
        expect(injected(council), JSON.stringify(text)).to.deep.equal([]);
        council.remove();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __tallyPwned?: number }).__tallyPwned).to.equal(undefined);
      expect(onPage.errors).to.deep.equal([]);
    });
  });

  describe('right-to-left names', () => {
    it('a candidate named in Hebrew or Arabic keeps the votes after the name, and the figures in their order', async () => {
      const feed = await wards();
      for (const name of ['ליכוד כהן', 'أحمد علي']) {
        const card = await mountCard({ area: ABBEY }, renameFirstCandidate(feed, name));
        onPage.box = card;
        const first = shadow(card, '.line')[0]!;
        // What is drawn, without the screen readers' words (clipped to a pixel, but still drawn there).
        for (const hidden of first.querySelectorAll<HTMLElement>('.visually-hidden')) hidden.style.display = 'none';
        const drawn = visualText(first);
        const reversed = [...name].reverse().join('');
        // Drawn left to right: the name (its letters right to left), the badge, then the votes
        // and the share as written; the party under the name.
        expect(drawn, name).to.match(new RegExp(`^${reversed} ✓ Elected ?1,702 ?47\\.7%`));
        expect(drawn, name).to.include('Labour');
        card.remove();
      }
      expect(onPage.errors).to.deep.equal([]);
    });
  });

  describe('area ids that are keys every object inherits, or markup', () => {
    const IDS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '<img src=x onerror=alert(1)>'];

    it('area="…": a plain sentence that there is no such area, naming it as text; no error', async () => {
      const feed = await wards();
      const lines = captureConsole();
      try {
        for (const id of IDS) {
          const card = await mountCard({ area: id }, feed);
          onPage.box = card;
          const notice = shadow(card, '.notice[data-kind="unknown-area"]');
          expect(notice.length, id).to.equal(1);
          expect(readable(notice[0]!.textContent ?? ''), id).to.include(id);
          expect(card.shadowRoot!.textContent, id).to.not.match(/function|native code|\[object/);
          expect(injected(card), id).to.deep.equal([]);
          card.remove();
        }
      } finally {
        lines.restore();
      }
      expect(onPage.errors).to.deep.equal([]);
    });

    it('#tally-area=… in the page address with link: ignored or refused, never drawn from JavaScript', async () => {
      const feed = await wards();
      const lines = captureConsole();
      try {
        for (const id of IDS) {
          history.replaceState(null, '', `#tally-area=${encodeURIComponent(id)}`);
          const card = await mountCard({ link: '', area: ABBEY }, feed);
          onPage.box = card;
          const text = card.shadowRoot!.textContent ?? '';
          expect(text, id).to.not.match(/function|native code|\[object/);
          expect(injected(card), id).to.deep.equal([]);
          // Either the area the page named stays, or the card says there is no such area.
          const unknown = shadow(card, '.notice[data-kind="unknown-area"]').length === 1;
          expect(unknown || readable(text).includes('Ann Archer'), `${id}: ${readable(text).slice(0, 120)}`).to.equal(
            true,
          );
          card.remove();
        }
      } finally {
        lines.restore();
      }
      expect(onPage.errors).to.deep.equal([]);
    });
  });

  describe('language tags as pages write them', () => {
    const TAGS = ['en_GB', 'cy_GB', 'EN-gb', 'constructor', '__proto__', 'en--GB', '-', '12', 'x'.repeat(100), ' '];

    it('the card draws in every one, in Welsh only for cy_GB', async () => {
      const feed = await wards();
      for (const tag of TAGS) {
        const card = await mountCard({ area: ABBEY, lang: tag }, feed);
        onPage.box = card;
        const text = readable(card.shadowRoot!.textContent ?? '');
        expect(text, tag).to.include('Ann Archer');
        expect(text, tag).to.not.match(/function|native code|\[object|undefined/);
        // "Etholwyd" is Welsh for "Elected".
        expect(text.includes('Etholwyd'), `lang=${JSON.stringify(tag)}: Welsh only for cy_GB`).to.equal(
          tag === 'cy_GB',
        );
        card.remove();
      }
      expect(onPage.errors).to.deep.equal([]);
    });
  });
});
