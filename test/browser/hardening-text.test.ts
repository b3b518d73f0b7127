/**
 * Hostile and careless text (issue 22, points 4, 5, 9, 11 and 12), in all four widgets:
 * - language tags pages really carry (`en_GB`) and ones that are no language at all;
 * - bidirectional controls that reorder the figures beside a name, and names in a
 *   right-to-left script, which must not move the figures either;
 * - look-ups by keys every object inherits (`lang=constructor`, a party called `constructor`);
 * - names made only of characters nobody can see;
 * - long unbroken names, which must wrap or truncate, never push or split the figures.
 * What a reader sees is read from where the glyphs are drawn (`visualText`), not from the DOM
 * order, since the bidi algorithm draws text in another order than it is stored.
 */
import { expect } from '@open-wc/testing';
import type { FeedInput } from '../../src/feed/schema.js';
import { openHostPage } from './fixtures/host-page.js';
import {
  allUpdated,
  captureConsole,
  mountWidgets,
  settled,
  statusLine,
  useTestPage,
  visualText,
  type Widget,
} from './helpers/widgets.js';
import { loadLocale } from '../../src/i18n/messages.js';

const local = async (): Promise<FeedInput> => (await fetch('/test/fixtures/local-small.json')).json();

const shadow = (widget: Element, selector: string) => [
  ...(widget.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];

// Welsh is fetched the first time a widget speaks it (its own file); these tests read it at once.
before(() => loadLocale('cy'));

describe('hardening: text', function () {
  this.timeout(120_000);
  const onPage = useTestPage();

  // --- 4: language tags ------------------------------------------------------------------------

  describe('language tags as pages write them', () => {
    const TAGS = [
      'en_GB',
      'en_gb',
      'cy_GB',
      'EN-gb',
      'constructor',
      '__proto__',
      'toString',
      'en--GB',
      '-',
      '12',
      'x'.repeat(100),
      ' ',
    ];

    for (const where of ['the page (an ancestor)', 'the widget']) {
      it(`every widget draws with lang on ${where} set to each of: ${TAGS.map((tag) => JSON.stringify(tag)).join(', ')}`, async () => {
        const feed = await local();
        for (const tag of TAGS) {
          const holder = document.createElement('div');
          if (where === 'the widget') holder.lang = 'en-GB';
          else holder.setAttribute('lang', tag);
          document.body.append(holder);
          onPage.box = holder;
          const { widgets } = mountWidgets({ feed, parent: holder });
          if (where === 'the widget') for (const widget of widgets) widget.setAttribute('lang', tag);
          await settled(widgets);
          for (const widget of widgets) {
            expect(
              shadow(widget, '.notice').length,
              `${widget.localName}, lang=${JSON.stringify(tag)}: no notice`,
            ).to.equal(0);
            expect(statusLine(widget)?.kind, `${widget.localName}, lang=${JSON.stringify(tag)}`).to.equal('current');
          }
          // cy_GB is Welsh written the POSIX way: the widgets speak Welsh.
          const text = widgets.map((widget) => widget.shadowRoot!.textContent).join(' ');
          expect(text.includes('DATA PRAWF'), `lang=${JSON.stringify(tag)}: Welsh only for cy_GB`).to.equal(
            tag === 'cy_GB',
          );
          expect(onPage.errors, `lang=${JSON.stringify(tag)}`).to.deep.equal([]);
          holder.remove();
        }
      });
    }

    it('the iframe page with lang=en_GB (and lang=cy_GB) draws in the language meant', async () => {
      for (const [tag, canonical] of [
        ['en_GB', 'en-GB'],
        ['cy_GB', 'cy-GB'],
        ['constructor', 'en-GB'],
      ]) {
        const page = await openHostPage(
          `/__capture/console/dist/embed.html?widget=party-table&src=/test/fixtures/local-small.json&lang=${tag}`,
        );
        try {
          const widget = await new Promise<Element>((resolve, reject) => {
            const started = performance.now();
            const check = () => {
              const found = page.document.querySelector('tally-party-table');
              if (found?.shadowRoot?.querySelector('table')) resolve(found);
              else if (performance.now() - started > 8_000) reject(new Error(`no table with lang=${tag}`));
              else setTimeout(check, 25);
            };
            check();
          });
          expect(page.document.documentElement.lang, tag!).to.equal(canonical);
          expect(widget.getAttribute('lang'), tag!).to.equal(canonical);
          expect(page.record.uncaught, tag!).to.deep.equal([]);
        } finally {
          page.close();
        }
      }
    });
  });

  // --- 5: bidirectional text -------------------------------------------------------------------

  describe('bidirectional controls and right-to-left names beside figures', () => {
    /** Every bidi formatting character: embeddings, overrides, their pop, isolates and theirs, and the marks. */
    const CONTROLS = [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ];
    const code = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

    /** The fixture with `suffix` after every party name and short name, the election title, a baseline label, the area names and an event's text. */
    async function withText(suffix: string): Promise<FeedInput> {
      const feed = await local();
      return {
        ...feed,
        meta: {
          ...feed.meta,
          election: { ...feed.meta.election, title: `Council elections${suffix}` },
          baseline: { label: `Change since 2014${suffix}` },
        },
        parties: feed.parties.map((party) => ({
          ...party,
          name: `${party.name}${suffix}`,
          shortName: `${party.shortName}${suffix}`,
        })),
        areas: feed.areas.map((area) => ({ ...area, name: `${area.name}${suffix}` })),
      };
    }

    /** What each widget shows beside its figures, as the reader reads it. */
    function figures(widgets: readonly Widget[]): Record<string, string[]> {
      const [seatBar, partyTable, councilList, ticker] = widgets;
      return {
        'seat bar labels': shadow(seatBar!, '.segment .label').map(visualText),
        'seat bar key': shadow(seatBar!, '.legend-item').map(visualText),
        'party table caption': shadow(partyTable!, 'caption .subtitle').map(visualText),
        'council list seats': shadow(councilList!, '.row-seats').map(visualText),
        'council list outcomes': shadow(councilList!, '.row-outcome').map(visualText),
        'ticker lines': shadow(ticker!, '.item').map((item) =>
          [...item.querySelectorAll('.badge, .sentence')].map(visualText).join(' | '),
        ),
      };
    }

    it('no control reorders a figure: each widget reads as it would with plain names, and the controls are gone from the feed', async () => {
      const plain = mountWidgets({ feed: await withText(''), width: '760px' });
      onPage.box = plain.box;
      await settled(plain.widgets);
      const expected = figures(plain.widgets);
      expect(expected['seat bar labels']!.length + expected['seat bar key']!.length).to.be.above(3);
      expect(expected['council list seats']).to.include('Seats won: Lab 25 (+6), Con 17 (−7), LD 3 (+1)');
      onPage.box?.remove();

      const consoleLines = captureConsole();
      try {
        for (const control of CONTROLS) {
          const mounted = mountWidgets({ feed: await withText(control), width: '760px' });
          onPage.box = mounted.box;
          let shown: FeedInput | undefined;
          mounted.widgets[0]!.addEventListener(
            'tally-feed-update',
            (event) => (shown = event.detail.feed as FeedInput),
          );
          await settled(mounted.widgets);
          expect(figures(mounted.widgets), code(control)).to.deep.equal(expected);
          if (!['\u200e', '\u200f', '\u061c'].includes(control)) {
            // Neutralised: no embedding, override or isolate is left in what the widgets were given.
            expect(
              /[\u202a-\u202e\u2066-\u2069]/.test(JSON.stringify(shown ?? mounted.widgets[0]!.feed)) &&
                shown !== undefined,
              code(control),
            ).to.equal(false);
          }
          onPage.box?.remove();
        }
        expect(consoleLines.warn.some((line) => line.includes('bidirectional control characters removed'))).to.equal(
          true,
        );
      } finally {
        consoleLines.restore();
      }
      expect(onPage.errors).to.deep.equal([]);
    });

    it('a party named in a right-to-left script keeps its figures after its name, in every widget', async () => {
      const feed = await local();
      const hebrew = 'ליכוד';
      const reversed = [...hebrew].reverse().join('');
      const named: FeedInput = {
        ...feed,
        parties: feed.parties.map((party) =>
          party.id === 'lab' ? { ...party, name: hebrew, shortName: hebrew } : party,
        ),
      };
      const mounted = mountWidgets({ feed: named, width: '760px' });
      onPage.box = mounted.box;
      await settled(mounted.widgets);
      const shown = figures(mounted.widgets);
      // The stored text is "ליכוד 37"; drawn left to right, the name (its letters right to left) then the figure.
      expect([...shown['seat bar labels']!, ...shown['seat bar key']!]).to.include(`${reversed} 37`);
      expect(shown['council list seats']).to.include(`Seats won: ${reversed} 25 (+6), Con 17 (−7), LD 3 (+1)`);
      // A sentence in English that starts with the name stays an English sentence, left to right.
      expect(shown['ticker lines']).to.include(`${reversed} gain | ${reversed} gain Brookfield from Conservatives`);
    });

    it('the iframe page’s title isolates the election’s title and carries no control', async () => {
      const page = await openHostPage(
        `/__capture/console/dist/embed.html?widget=seat-bar&src=${encodeURIComponent('/test/fixtures/local-small.json')}`,
      );
      try {
        await new Promise<void>((resolve, reject) => {
          const started = performance.now();
          const check = () =>
            page.document.title !== 'Election results'
              ? resolve()
              : performance.now() - started > 8_000
                ? reject(new Error('no title'))
                : setTimeout(check, 25);
          check();
        });
        expect(page.document.title).to.equal('\u2068Four-council local election (fixture)\u2069: election results');
      } finally {
        page.close();
      }
    });
  });

  // --- 9: inherited keys -----------------------------------------------------------------------

  describe('keys every object inherits', () => {
    it('a ticker in lang constructor, __proto__, toString, valueOf: the note’s own text, never JavaScript', async () => {
      const feed = await local();
      const withNote: FeedInput = {
        ...feed,
        events: [
          {
            id: 'n1',
            kind: 'note',
            at: '2018-05-04T04:40:00Z',
            text: 'Counting resumes at nine.',
            texts: { cy: 'Mae’r cyfrif yn ailddechrau am naw.' },
          },
        ],
      };
      for (const lang of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
        const ticker = document.createElement('tally-ticker') as Widget;
        ticker.setAttribute('lang', lang);
        ticker.feed = withNote;
        document.body.append(ticker);
        onPage.box = ticker;
        await allUpdated([ticker]);
        const text = ticker.shadowRoot!.textContent ?? '';
        expect(text, lang).to.include('Counting resumes at nine.');
        expect(text, lang).to.not.match(/function|native code|\[object/);
        ticker.remove();
      }
    });

    it('a party called constructor, with no colour of its own, is drawn in a colour', async () => {
      const feed = await local();
      const renamed = JSON.parse(JSON.stringify(feed).replaceAll('"green"', '"constructor"')) as FeedInput;
      const mounted = mountWidgets({ feed: renamed, width: '760px' });
      onPage.box = mounted.box;
      await settled(mounted.widgets);
      const segment =
        shadow(mounted.widgets[0]!, '.segment[data-key="constructor"]')[0] ??
        shadow(mounted.widgets[0]!, '.legend-item[data-key="constructor"] .swatch')[0];
      expect(segment, 'the party is drawn').to.not.equal(undefined);
      const colour = getComputedStyle(segment!).backgroundColor;
      expect(colour, 'not transparent').to.not.match(/rgba\(0, 0, 0, 0\)|transparent/);
      expect(onPage.errors).to.deep.equal([]);
    });
  });

  // --- 11: names nobody can see ----------------------------------------------------------------

  describe('names made only of invisible characters', () => {
    it('every zero-width, joining, bidi, filler and space character is blank: the feed is refused, naming each', async () => {
      const INVISIBLE = [
        ...'\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\ufeff\uffa0\ufe0f',
        '\u{e0020}',
      ];
      const feed = await local();
      const blank: FeedInput = {
        ...feed,
        parties: [
          ...feed.parties,
          ...INVISIBLE.map((character, i) => ({ id: `blank${i}`, name: character.repeat(3) })),
        ],
      };
      const mounted = mountWidgets({ feed: blank });
      onPage.box = mounted.box;
      const reasons: string[] = [];
      mounted.widgets[0]!.addEventListener('tally-feed-error', (event) => reasons.push(event.detail.reason));
      await allUpdated(mounted.widgets);
      for (const widget of mounted.widgets)
        expect(shadow(widget, '.notice[data-kind="failed"]').length, widget.localName).to.equal(1);
      expect(reasons[0]).to.include(
        'parties[4].name: must not be blank; parties[5].name: must not be blank; parties[6].name: must not be blank',
      );
      expect(reasons[0]).to.include(`and ${INVISIBLE.length - 3} more`);
    });
  });

  // --- 12: long unbroken names -----------------------------------------------------------------

  describe('long unbroken names', () => {
    const LONG_SHORT = 'Q'.repeat(60);
    const LONG_NAME = 'Z'.repeat(200);

    async function longNames(): Promise<FeedInput> {
      const feed = await local();
      return {
        ...feed,
        parties: feed.parties.map((party) =>
          party.id === 'con' ? { ...party, name: LONG_NAME, shortName: LONG_SHORT } : party,
        ),
        areas: feed.areas.map((area, i) => (i === 0 ? { ...area, name: 'W'.repeat(200) } : area)),
      };
    }

    /** Problems: anything scrolling sideways, figures outside the widget or broken over lines. */
    function layoutProblems(widget: Widget): string[] {
      const problems: string[] = [];
      const frame = widget.shadowRoot!.querySelector<HTMLElement>('.frame')!;
      const bounds = frame.getBoundingClientRect();
      for (const element of widget.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(element);
        if (style.display === 'none' || element.closest('.visually-hidden, [hidden], .sizer')) continue;
        if (
          (style.overflowX === 'auto' || style.overflowX === 'scroll') &&
          element.scrollWidth > element.clientWidth + 1
        ) {
          problems.push(
            `${element.className || element.localName} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth})`,
          );
        }
      }
      // The strip is one line that scrolls: its items may run past the box, but none is longer than 30em of text.
      const strip = widget.getAttribute('mode') === 'strip';
      if (strip) {
        for (const part of widget.shadowRoot!.querySelectorAll<HTMLElement>('.track .sentence, .track .badge')) {
          const width = part.getBoundingClientRect().width;
          if (width > 30 * parseFloat(getComputedStyle(part).fontSize) + 1)
            problems.push(`${part.className} is ${Math.round(width)} px wide`);
          if (
            part.classList.contains('sentence') &&
            part.scrollWidth > part.clientWidth &&
            part.title.replace(/[\u2068\u2069]/g, '') !== (part.textContent ?? '').replace(/[\u2068\u2069]/g, '')
          )
            problems.push('a sentence cut short without its full text as its title');
        }
      }
      const numbers = widget.shadowRoot!.querySelectorAll<HTMLElement>(
        'td, .legend-count, .row-value, .row-seats, .label, .count, time',
      );
      for (const element of numbers) {
        if (strip) {
          if ((element.textContent ?? '') && element.getClientRects().length > 1)
            problems.push(`${element.localName} broken over lines`);
          continue;
        }
        if (element.closest('.visually-hidden, [hidden]') || getComputedStyle(element).display === 'none') continue;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (rect.left < bounds.left - 1 || rect.right > bounds.right + 1)
          problems.push(
            `${element.className || element.localName} "${(element.textContent ?? '').trim().slice(0, 20)}" is outside the widget (${Math.round(rect.left - bounds.left)}…${Math.round(rect.right - bounds.left)} of ${Math.round(bounds.width)})`,
          );
        const digits = (element.textContent ?? '').match(/[+−-]?\d[\d,.]*%?/g) ?? [];
        for (const figure of digits) {
          if (!visualText(element).includes(figure))
            problems.push(
              `${element.className || element.localName}: the figure ${figure} is broken up ("${visualText(element).slice(0, 40)}")`,
            );
        }
      }
      return problems;
    }

    for (const width of ['760px', '320px']) {
      it(`wrap or truncate at ${width}, never pushing or splitting the figures, and the full name stays available`, async () => {
        const mounted = mountWidgets({ feed: await longNames(), width });
        onPage.box = mounted.box;
        await settled(mounted.widgets);
        // And the other shapes: a bar per party, the hemicycle, an area opened in the list, the strip.
        const variants: [string, Record<string, string>][] = [
          ['tally-seat-bar', { layout: 'bars' }],
          ['tally-seat-bar', { layout: 'parliament' }],
          ['tally-council-list', { selected: 'X07000801' }],
          ['tally-council-list', { selected: 'X07000802' }],
          ['tally-ticker', { mode: 'strip' }],
        ];
        const feed = await longNames();
        const others = variants.map(([tag, attributes]) => {
          const element = document.createElement(tag) as Widget;
          for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
          element.feed = feed;
          mounted.box.append(element);
          return element;
        });
        await settled(others);
        for (const widget of [...mounted.widgets, ...others])
          expect(
            layoutProblems(widget),
            `${widget.localName} ${widget.getAttribute('layout') ?? widget.getAttribute('selected') ?? widget.getAttribute('mode') ?? ''}`,
          ).to.deep.equal([]);
        // The seat bar's key, under each other: "34" on one line.
        const count = shadow(mounted.widgets[0]!, '.legend-item[data-key="con"] .legend-count')[0];
        if (count) expect(count.getClientRects().length, 'the count on one line').to.equal(1);
        // The full name is there to read, in the party table and the seat bar's key or tooltip description.
        for (const widget of mounted.widgets.slice(0, 2))
          expect(widget.shadowRoot!.textContent, widget.localName).to.include(LONG_NAME);
        expect(onPage.errors).to.deep.equal([]);
      });
    }
  });
});
