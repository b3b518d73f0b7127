/**
 * Readers first, across all four widgets: forced colours (Windows high contrast), reflow at
 * 320 px and with text at 200%, reduced motion, right to left with a pseudo-locale, and every
 * string on screen coming from the message tables (none hard-coded, no English on a Welsh page).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { addMessages, loadLocale, ownMessages } from '../../src/i18n/messages.js';
import { pseudoLocalise } from '../../src/i18n/pseudo.js';
import { emulate } from './helpers/media.js';
import { setDefaultFontSize } from './helpers/page-probe.js';
import {
  cleanup,
  deepActive,
  DISTRICTS,
  fixtureFeed,
  mount,
  settled,
  shadow,
  shadowAll,
  sleep,
  smallFeed,
  SMALL_LAYOUT,
  TAGS,
  type Tag,
  type Widget,
} from './helpers/a11y-widgets.js';

const px = (value: string) => parseFloat(value) || 0;
const style = (element: Element) => getComputedStyle(element);

afterEach(async () => {
  cleanup();
  await emulate({});
  await setViewport({ width: 800, height: 600 });
});

// Welsh is fetched the first time a widget speaks it (its own file); these tests read it at once.
before(() => loadLocale('cy'));

describe('forced colours (Windows high contrast)', () => {
  beforeEach(() => emulate({ colorScheme: 'light', forcedColors: 'active' }));

  it('is emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('seat bar: party colours, the "still to declare" pattern, selection and focus survive', async () => {
    const el = await mount('tally-seat-bar', { feed: await smallFeed(1, 2), width: '40rem' });
    const segments = shadowAll(el, '.segment[data-kind="party"], .segment[data-kind="noc"]');
    const fills = new Set(segments.map((segment) => style(segment).backgroundColor));
    expect(segments.length).to.be.greaterThan(1);
    expect(fills.size, 'each party keeps its own fill').to.equal(segments.length);
    expect(style(shadow(el, '.segment[data-kind="undeclared"]')!).backgroundImage).to.contain(
      'repeating-linear-gradient',
    );
    const legend = shadowAll<HTMLButtonElement>(el, 'button.legend-item');
    if (legend.length > 0) {
      legend[0]!.click();
      await settled(el);
      const selected = shadow(el, 'button.legend-item[data-selected]')!;
      expect(px(style(selected).borderTopWidth), 'the selected key entry is edged').to.be.at.least(2);
    }
    // Keyboard focus on the first control draws a ring in a system colour.
    const first = shadow(el, '[data-control][tabindex="0"]')!;
    first.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    const focused = deepActive()!;
    expect(style(focused).outlineStyle).to.equal('solid');
    expect(px(style(focused).outlineWidth)).to.be.at.least(2);
  });

  it('seat bar rows: the selected row is edged (its shadow is dropped)', async () => {
    const el = await mount('tally-seat-bar', {
      feed: await smallFeed(1),
      attributes: { layout: 'bars' },
      width: '40rem',
    });
    const row = shadow(el, '.row[data-control]')!;
    row.click();
    await settled(el);
    row.blur();
    expect(style(shadow(el, '.row[data-selected]')!).outlineStyle).to.equal('solid');
  });

  it('party table: swatches keep the party colour; changes keep their arrows and signs', async () => {
    const el = await mount('tally-party-table', { feed: await smallFeed(1), width: '40rem' });
    const swatches = shadowAll(el, 'tbody [part="swatch"]');
    const colours = new Set(swatches.map((swatch) => style(swatch).backgroundColor));
    expect(colours.size, 'one colour per party').to.equal(swatches.length);
    const changes = shadowAll(el, 'td.change[data-trend="up"], td.change[data-trend="down"]').map(
      (cell) => cell.textContent!,
    );
    expect(changes.length).to.be.greaterThan(0);
    for (const text of changes) expect(text).to.match(/[▲▼].*[+\u2212]\d/);
  });

  it('council list: the checked filter, the open row and the swatches stay distinct', async () => {
    const el = await mount('tally-council-list', {
      feed: await smallFeed(1, 3),
      layout: SMALL_LAYOUT,
      attributes: { selected: 'X07000802' },
      width: '40rem',
    });
    const checked = shadow(el, '.chip:has(input:checked)')!;
    const unchecked = shadow(el, '.chip:not(:has(input:checked))')!;
    expect(style(checked).backgroundColor, 'checked and unchecked filters differ').not.to.equal(
      style(unchecked).backgroundColor,
    );
    expect(style(checked).color).not.to.equal(style(unchecked).color);
    const open = shadow(el, '.row[data-selected] > .row-button')!;
    expect(px(style(open).borderInlineStartWidth), 'the open row is edged').to.be.at.least(3);
    const swatches = shadowAll(el, '.row [part="swatch"]');
    expect(new Set(swatches.map((swatch) => style(swatch).backgroundColor)).size).to.be.greaterThan(1);
    const awaiting = shadow(el, '.row[data-kind="awaiting"] [part="swatch"]')!;
    expect(style(awaiting).backgroundImage, 'awaiting keeps its stripes').to.contain('gradient');
    const fills = new Set(shadowAll(el, '.hex[data-kind="result"] .fill').map((polygon) => style(polygon).fill));
    expect(fills.size, 'hexes keep party colours').to.be.greaterThan(1);
  });

  it('ticker: each badge keeps an edge and its words', async () => {
    const el = await mount('tally-ticker', { feed: await smallFeed(1), width: '40rem' });
    const badges = shadowAll(el, '[part="badge"]');
    expect(badges.length).to.be.greaterThan(0);
    for (const badge of badges) {
      expect(style(badge).borderTopStyle).to.equal('solid');
      expect(badge.textContent!.trim()).to.match(/\w/);
    }
  });
});

describe('reflow', () => {
  /** Real results: the widgets at their fullest. */
  async function realWidget(tag: Tag, attributes: Record<string, string> = {}): Promise<Widget> {
    const feed = await fixtureFeed(
      tag === 'tally-seat-bar' ? 'uk-general-2019.final.json' : 'uk-local-2018.final.json',
    );
    const el = await mount(tag, {
      feed,
      attributes: {
        ...(tag === 'tally-council-list' ? { 'layout-src': DISTRICTS, selected: 'E07000236' } : {}),
        ...attributes,
      },
    });
    if (tag === 'tally-council-list')
      await waitUntil(() => shadow(el, '.hexes .hex'), 'the hex map drawn', { timeout: 15_000 });
    await settled(el);
    return el;
  }

  /** Nothing wider than the page, and nothing inside the widget wider than the widget (its own scroll boxes aside). */
  function overflow(el: Widget): string[] {
    const problems: string[] = [];
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1)
      problems.push(`the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
    const frame = shadow(el, '.frame')!;
    if (frame.scrollWidth > frame.clientWidth + 1)
      problems.push(`the widget overflows (${frame.scrollWidth} > ${frame.clientWidth})`);
    const table = shadow(el, '[part="scroller"]');
    if (table && table.scrollWidth > table.clientWidth + 1)
      problems.push(`the table scrolls sideways (${table.scrollWidth} > ${table.clientWidth})`);
    return problems;
  }

  const CASES: [Tag, Record<string, string>][] = [
    ['tally-seat-bar', {}],
    ['tally-seat-bar', { layout: 'bars' }],
    ['tally-seat-bar', { layout: 'parliament' }],
    ['tally-party-table', {}],
    ['tally-council-list', {}],
    ['tally-ticker', {}],
    ['tally-ticker', { mode: 'strip' }],
    // Barnet: the longest seat tables and the whole council's key; with the search box.
    ['tally-area-result', { area: 'E09000003', search: '' }],
  ];

  for (const [tag, attributes] of CASES) {
    const name = `<${tag}${Object.entries(attributes)
      .map(([key, value]) => ` ${key}="${value}"`)
      .join('')}>`;
    it(`${name} fits 320 px without sideways scrolling`, async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await realWidget(tag, attributes);
      expect(overflow(el)).to.deep.equal([]);
    });

    it(`${name} fits 640 px with text at 200% (a 1280 px window zoomed to 200%, then the browser's text size doubled)`, async () => {
      await setViewport({ width: 640, height: 640 });
      await setDefaultFontSize(32);
      try {
        const el = await realWidget(tag, attributes);
        expect(parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.frame')!).fontSize), 'text at 200%').to.equal(
          32,
        );
        expect(overflow(el)).to.deep.equal([]);
      } finally {
        await setDefaultFontSize(16);
      }
    });
  }
});

describe('reduced motion', () => {
  /** Animations in the widget that are playing now and take time. */
  const moving = (el: Widget) =>
    el
      .shadowRoot!.getAnimations()
      .filter(
        (animation) =>
          animation.playState === 'running' && ((animation.effect?.getComputedTiming().duration as number) ?? 0) > 0,
      );

  /** Put each widget through an update that animates: seats move, rows change, areas declare, items arrive. */
  async function animatedUpdates(): Promise<Widget[]> {
    const widgets = await Promise.all([
      mount('tally-seat-bar', { feed: await smallFeed(1, 2), width: '40rem' }),
      mount('tally-party-table', { feed: await smallFeed(1, 2), width: '40rem' }),
      mount('tally-council-list', { feed: await smallFeed(1, 2), layout: SMALL_LAYOUT, width: '40rem' }),
      mount('tally-ticker', { feed: await smallFeed(1, 2), width: '40rem' }),
    ]);
    const next = await smallFeed(2, 4);
    for (const el of widgets) el.feed = next;
    await Promise.all(widgets.map(settled));
    return widgets;
  }

  it('animates without the preference (so the checks below can fail), and never flashes', async () => {
    await emulate({ reducedMotion: 'no-preference' });
    const widgets = await animatedUpdates();
    for (const el of widgets) expect(moving(el).length, el.localName).to.be.greaterThan(0);
    // No more than three flashes a second (WCAG 2.3.1): nothing repeats faster than 1/3 s.
    for (const el of widgets) {
      for (const animation of el.shadowRoot!.getAnimations()) {
        const timing = animation.effect!.getComputedTiming();
        if ((timing.iterations ?? 1) > 1)
          expect(
            timing.duration as number,
            `${el.localName} ${(animation as CSSAnimation).animationName}`,
          ).to.be.at.least(334);
      }
    }
  });

  it('turns every animation off with prefers-reduced-motion', async () => {
    await emulate({ reducedMotion: 'reduce' });
    const widgets = await animatedUpdates();
    for (const el of widgets)
      expect(
        moving(el).map((animation) => (animation as CSSAnimation).animationName ?? animation.constructor.name),
        el.localName,
      ).to.deep.equal([]);
  });

  it('keeps a strip of results still with reduced motion, however long', async () => {
    await emulate({ reducedMotion: 'reduce' });
    const el = await mount('tally-ticker', {
      feed: await fixtureFeed('uk-local-2018.final.json'),
      attributes: { mode: 'strip' },
      width: '30rem',
    });
    await sleep(100);
    await settled(el);
    expect(shadow(el, '.marquee[data-scrolling]')).to.equal(null);
    expect(moving(el)).to.deep.equal([]);
    await emulate({ reducedMotion: 'no-preference' });
    // The media query's change event comes when the browser sends it: wait for it, not for a time.
    await waitUntil(() => shadow(el, '.marquee[data-scrolling]'), 'it scrolls when motion is allowed', {
      timeout: 10_000,
    });
  });
});

// Right to left, and where every string comes from ------------------------------------------

addMessages('ar-XB', pseudoLocalise(ownMessages('en-GB'), { mirror: true }));

/** Every string value in a feed: names, titles, labels and notes the publisher wrote. */
function feedStrings(feed: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(feed);
  return out.filter((text) => text.length > 1).sort((a, b) => b.length - a.length);
}

/**
 * Text on screen (and in accessible names and titles) that came neither from the message
 * tables (bracketed by the pseudo-locale) nor from the feed nor from Intl (Arabic script and
 * digits under ar-XB): a string written into a template.
 */
function strayText(el: Widget, fromFeed: readonly string[]): string[] {
  const frame = shadow(el, '.frame')!;
  // The closed "Details for developers" holds the technical reason as the console gives it, in
  // English and marked so, on purpose: it is not for readers, and its summary is translated.
  const copy = frame.cloneNode(true) as Element;
  for (const reason of copy.querySelectorAll('[part~="error-detail"] code[lang="en"]')) reason.remove();
  const texts = [copy.textContent ?? ''];
  for (const element of frame.querySelectorAll('*')) {
    for (const attribute of ['aria-label', 'title', 'alt', 'placeholder', 'aria-roledescription', 'aria-valuetext']) {
      const value = element.getAttribute(attribute);
      if (value) texts.push(value);
    }
  }
  const stray: string[] = [];
  for (const text of texts) {
    let rest = text;
    // Innermost messages first: a message can hold another ("after 2 of 4 councils").
    for (let before = ''; before !== rest;) {
      before = rest;
      rest = rest.replace(/\u200F?⟦[^⟦⟧]*⟧/g, ' ');
    }
    for (const value of fromFeed) rest = rest.split(value).join(' ');
    rest = rest.replace(/[\p{Script=Arabic}\d\u200E\u200F\u202A-\u202E]/gu, ' ');
    const words = rest.match(/\p{L}{2,}/gu);
    if (words) stray.push(`${words.join(' ')}  (in “${text.replace(/\s+/g, ' ').trim().slice(0, 120)}”)`);
  }
  return stray;
}

describe('right to left, with the ar-XB pseudo-locale', () => {
  let page: HTMLElement;
  beforeEach(() => {
    page = document.createElement('div');
    page.dir = 'rtl';
    page.lang = 'ar-XB';
    page.style.width = '40rem';
    document.body.append(page);
  });
  afterEach(() => page.remove());

  it('seat bar: the bar runs from the right, the majority line is measured from the right, arrows follow the eye', async () => {
    const el = await mount('tally-seat-bar', { feed: await smallFeed(1, 3), parent: page });
    const bar = shadow(el, '.bar')!.getBoundingClientRect();
    const segments = shadowAll(el, '.segment');
    const first = segments[0]!.getBoundingClientRect();
    expect(first.right, 'the first party starts at the right').to.be.closeTo(bar.right, 1);
    expect(segments[1]!.getBoundingClientRect().right, 'the second sits to its left').to.be.closeTo(first.left, 1.5);
    const marker = shadow(el, '.majority');
    if (marker) {
      const x = parseFloat(marker.style.getPropertyValue('--x'));
      const box = marker.getBoundingClientRect();
      expect(box.left + box.width / 2).to.be.closeTo(bar.right - (bar.width * x) / 100, 1.5);
    }
    const controls = shadowAll(el, '[data-control]');
    controls[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect((deepActive() as HTMLElement).dataset.key, 'ArrowLeft moves on, as the chart reads').to.equal(
      (controls[1] as HTMLElement).dataset.key,
    );
    await sendKeys({ press: 'ArrowRight' });
    expect((deepActive() as HTMLElement).dataset.key).to.equal((controls[0] as HTMLElement).dataset.key);
  });

  it('seat bar rows and hemicycle: bars grow from the right; the hemicycle starts on the right', async () => {
    const rows = await mount('tally-seat-bar', {
      feed: await smallFeed(1),
      attributes: { layout: 'bars' },
      parent: page,
    });
    const row = shadow(rows, '.row')!.getBoundingClientRect();
    const name = shadow(rows, '.row-name')!.getBoundingClientRect();
    const bar = shadow(rows, '.row-bar')!.getBoundingClientRect();
    expect(name.right, 'the name is at the right').to.be.closeTo(row.right - 4, 6);
    expect(bar.right, 'the bar starts right of its track').to.be.lessThan(name.left);
    const parliament = await mount('tally-seat-bar', {
      feed: await smallFeed(1),
      attributes: { layout: 'parliament' },
      parent: page,
    });
    expect(style(shadow(parliament, '.hemicycle')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
  });

  it('party table: the party column is on the right, figures to its left', async () => {
    const el = await mount('tally-party-table', { feed: await smallFeed(1), parent: page });
    const party = shadow(el, 'tbody th[data-column="party"]')!.getBoundingClientRect();
    for (const cell of shadowAll(el, 'tbody tr:first-child td'))
      expect(cell.getBoundingClientRect().right).to.be.at.most(party.left + 1);
  });

  it('council list: swatches right of names, filters start from the right', async () => {
    const el = await mount('tally-council-list', { feed: await smallFeed(1), layout: SMALL_LAYOUT, parent: page });
    const swatch = shadow(el, '.row [part="swatch"]')!.getBoundingClientRect();
    const name = shadow(el, '.row .row-name')!.getBoundingClientRect();
    expect(swatch.left).to.be.at.least(name.right);
    const chips = shadowAll(el, '.chip');
    expect(chips[0]!.getBoundingClientRect().left).to.be.greaterThan(chips[1]!.getBoundingClientRect().left);
  });

  it('council list: the open row’s edge and its detail’s indent are on the right', async () => {
    const el = await mount('tally-council-list', {
      feed: await smallFeed(1),
      layout: SMALL_LAYOUT,
      attributes: { selected: 'X07000802' },
      parent: page,
    });
    const shadowOffset = parseFloat(
      /(-?[\d.]+)px/.exec(
        style(shadow(el, '.row[data-selected] > .row-button')!).boxShadow.replace(/rgba?\([^)]*\)/, ''),
      )![1]!,
    );
    expect(shadowOffset, 'an inset shadow from the right has a negative offset').to.be.lessThan(0);
    const detail = shadow(el, '[part="detail"]')!.getBoundingClientRect();
    const sentence = shadow(el, '.detail-sentence')!.getBoundingClientRect();
    expect(detail.right - sentence.right).to.be.greaterThan(sentence.left - detail.left);
  });

  it('ticker strip: scrolls the way its text reads, rightwards', async () => {
    await emulate({ reducedMotion: 'no-preference' });
    const el = await mount('tally-ticker', {
      feed: await fixtureFeed('uk-local-2018.final.json'),
      attributes: { mode: 'strip' },
      parent: page,
    });
    await waitUntil(() => shadow(el, '.marquee[data-scrolling]'), 'the strip scrolls', { timeout: 10_000 });
    // A moment into the scroll, whenever this machine draws its frames.
    for (const animation of shadow(el, '.marquee')!.getAnimations()) {
      animation.pause();
      animation.currentTime = 400;
    }
    expect(new DOMMatrix(style(shadow(el, '.marquee')!).transform).m41).to.be.greaterThan(0);
  });

  it('ticker: the badge on the right, the time on the left', async () => {
    const el = await mount('tally-ticker', { feed: await smallFeed(1), parent: page });
    const badge = shadow(el, '.item [part="badge"]')!.getBoundingClientRect();
    const time = shadow(el, '.item [part="time"]')!.getBoundingClientRect();
    expect(badge.left).to.be.greaterThan(time.right);
  });

  it('the check finds words that are not from the tables (it can fail)', async () => {
    const feed = await smallFeed(1, 3);
    const english = document.createElement('div');
    english.lang = 'en-GB';
    page.append(english);
    const el = await mount('tally-party-table', { feed, parent: english });
    expect(strayText(el, feedStrings(feed)).join(' ')).to.contain('State of the parties');
  });

  for (const tag of TAGS) {
    it(`<${tag}>: nothing on screen or in an accessible name is a hard-coded string`, async () => {
      const feed = await smallFeed(1, 3);
      const strings = feedStrings(feed);
      const problems: string[] = [];
      const check = async (el: Widget, state: string) => {
        await settled(el);
        problems.push(...strayText(el, strings).map((text) => `${state}: ${text}`));
      };
      const layout = tag === 'tally-council-list' ? SMALL_LAYOUT : undefined;
      await check(await mount(tag, { parent: page }), 'no feed');
      const shown: Record<string, string> =
        tag === 'tally-council-list'
          ? { selected: 'X07000802' }
          : tag === 'tally-area-result'
            ? { area: 'X07000802', search: '' }
            : {};
      await check(await mount(tag, { feed, layout, parent: page, attributes: shown }), 'results');
      if (tag === 'tally-area-result')
        await check(await mount(tag, { feed, parent: page, attributes: { area: 'E99' } }), 'unknown area');
      if (tag === 'tally-ticker')
        await check(
          await mount(tag, { feed, parent: page, attributes: { mode: 'strip', area: 'E99' } }),
          'strip, unknown area',
        );
      if (tag === 'tally-seat-bar')
        await check(await mount(tag, { feed, parent: page, attributes: { layout: 'bars' } }), 'bars');
      if (tag === 'tally-party-table')
        await check(await mount(tag, { feed, parent: page, attributes: { area: 'X07000802' } }), 'one area');
      await check(await mount(tag, { feed: { format: 'tally-feed/1' }, parent: page }), 'invalid feed');
      expect(problems).to.deep.equal([]);
    });
  }
});

describe('languages', () => {
  /** Words of the English tables that Welsh never uses, and English words Intl would add. */
  function englishOnlyWords(): Set<string> {
    const words = (table: object) =>
      new Set(
        (
          JSON.stringify(table)
            .replace(/\{\w+\}/g, ' ')
            .match(/\p{L}{4,}/gu) ?? []
        ).map((word) => word.toLowerCase()),
      );
    const welsh = words(ownMessages('cy'));
    const english = words(ownMessages('en-GB'));
    for (const word of [
      'january',
      'february',
      'march',
      'april',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december',
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
      'sunday',
    ])
      english.add(word);
    for (const word of welsh) english.delete(word);
    // JSON keys of plural forms are not words on screen.
    for (const form of ['zero', 'other', 'many']) english.delete(form);
    return english;
  }

  for (const [tag, lang] of [...TAGS.map((tag) => [tag, 'cy'] as const), ['tally-council-list', 'en-GB'] as const]) {
    const control = lang !== 'cy';
    it(
      control
        ? `<${tag}> in English does show English words (the check can fail)`
        : `<${tag}> in Welsh shows no English but the feed's own words`,
      async () => {
        const feed = await fixtureFeed('uk-local-2018.final.json');
        const fromFeed = feedStrings(feed);
        const english = englishOnlyWords();
        const wrapper = document.createElement('div');
        wrapper.lang = lang;
        document.body.append(wrapper);
        try {
          const shown: Record<string, string> =
            tag === 'tally-council-list'
              ? { selected: 'E07000236' }
              : tag === 'tally-area-result'
                ? { area: 'E07000236', search: '' }
                : {};
          const el = await mount(tag, { feed, parent: wrapper, attributes: shown });
          let text = shadow(el, '.frame')!.textContent ?? '';
          for (const element of el.shadowRoot!.querySelectorAll('[aria-label], [title]'))
            text += ` ${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''}`;
          for (const value of fromFeed) text = text.split(value).join(' ');
          const leaked = [
            ...new Set(
              (text.match(/\p{L}{4,}/gu) ?? []).map((word) => word.toLowerCase()).filter((word) => english.has(word)),
            ),
          ];
          if (control) expect(leaked.length).to.be.greaterThan(10);
          else expect(leaked).to.deep.equal([]);
        } finally {
          wrapper.remove();
        }
      },
    );
  }

  it('the script-tag global adds a locale too (Tally.addMessages), and says what it left out', async () => {
    await import('../../src/tally.js');
    const tally = (window as unknown as { Tally: { addMessages(locale: string, messages: unknown): void } }).Tally;
    const wrapper = document.createElement('div');
    wrapper.lang = 'xx-GLOBAL';
    document.body.append(wrapper);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await mount('tally-ticker', { feed: await smallFeed(1), parent: wrapper });
      tally.addMessages('xx-GLOBAL', { 'ticker.title': 'Xx latest', 'ticker.pause': 42 });
      await settled(el);
      expect(shadow(el, '[part="title"]')!.textContent).to.equal('Xx latest');
      expect(shadow(el, '[part="pause-button"] .label')!.textContent).to.equal('Pause');
      expect(warnings.join(' ')).to.contain('"ticker.pause"');
    } finally {
      console.warn = original;
      wrapper.remove();
    }
  });

  it('a locale added after the widgets rendered shows at once; keys it lacks fall back to English, never to a key name', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'xx-LATE';
    document.body.append(wrapper);
    try {
      const el = await mount('tally-party-table', { feed: await smallFeed(1), parent: wrapper });
      expect(shadow(el, '[part="title"]')!.textContent).to.equal('State of the parties');
      addMessages('xx-LATE', { 'partyTable.title': 'Xx title', 'partyTable.party': 'Xx party' });
      await settled(el);
      expect(shadow(el, '[part="title"]')!.textContent).to.equal('Xx title');
      expect(shadow(el, 'th[data-column="party"] .label')!.textContent).to.equal('Xx party');
      const text = shadow(el, '.frame')!.textContent!;
      expect(text).to.contain('Seats');
      expect(text, 'no key names').not.to.match(/\b(partyTable|feed|status|count|change)\.[a-zA-Z]/);
    } finally {
      wrapper.remove();
    }
  });
});
