/**
 * Hostile data (issue 10): every string field of a feed — names, short names, titles, notes,
 * event texts, colours, ids, links — filled with an XSS corpus and with fast-check strings, and
 * shown by all four widgets. Nothing may run, no markup or attribute may be injected, colours
 * that are not colours are ignored, links other than http(s) are dropped; absurd numbers get a
 * clear validation error while the last good results stay.
 */
import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import type { FeedInput } from '../../src/feed/schema.js';
import { DEFAULT_PARTY_COLOURS } from '../../src/theme/party-colours.js';
import { useFeedServer } from './helpers/feed-server.js';
import {
  allUpdated,
  captureConsole,
  contentText,
  failure,
  mountWidgets,
  settled,
  statusLine,
  watchPageErrors,
  type Widget,
} from './helpers/widgets.js';

// --- what would show that something ran --------------------------------------------------

declare global {
  interface Window {
    __xss?: (label: unknown) => void;
  }
}

/** Script that ran: every payload calls window.__xss (or alert, prompt, confirm). */
const executed: string[] = [];
const trap = (name: string) => (label?: unknown) => void executed.push(`${name}(${String(label)})`);
const originals = { alert: window.alert, prompt: window.prompt, confirm: window.confirm };

/**
 * Payloads that get through naive templating, attribute building, URL handling or CSS.
 * (OWASP's filter-evasion cheat sheet, PortSwigger's XSS cheat sheet, mXSS classics.)
 */
const XSS_CORPUS = [
  `<script>window.__xss('script')</script>`,
  `<img src=x onerror="window.__xss('img')">`,
  `<svg onload="window.__xss('svg')"></svg>`,
  `"><img src=x onerror=window.__xss('attr-break')>`,
  `'><svg/onload=window.__xss('single-quote')>`,
  `" onmouseover="window.__xss('attr-handler')" x="`,
  `javascript:window.__xss('js-url')`,
  ` JaVaScRiPt:window.__xss('js-url-case')`,
  `</style><script>window.__xss('style-break')</script>`,
  `</textarea><script>window.__xss('textarea')</script>`,
  `<iframe srcdoc="<script>parent.__xss('srcdoc')</script>"></iframe>`,
  `<a href="javascript:window.__xss('anchor')">click</a>`,
  `<!--<img src="--><img src=x onerror=window.__xss('comment')//">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss('mxss')>`,
  `<details open ontoggle=window.__xss('details')>`,
  `<object data="javascript:window.__xss('object')"></object>`,
  `<base href="javascript:window.__xss('base')//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss('meta')">`,
  '${window.__xss("template")}',
  `{{constructor.constructor('window.__xss("angular")')()}}`,
  `&lt;img src=x onerror=window.__xss('entity')&gt;`,
  `\u0000<script>window.__xss('nul')</script>`,
  `red;background:url(javascript:window.__xss('css'))`,
  `#fff;}*{background:url(//evil.example/x)}`,
  `expression(window.__xss('ie-expression'))`,
  `data:text/html,<script>window.__xss('data-url')</script>`,
  `https://example.org/"><img src=x onerror=window.__xss('url-break')>`,
  `<lit-part>${'$'}{x}</lit-part><?lit$123$>`,
  `\u202e<b>reversed</b>\u202d`,
  `<style>*{display:none!important}</style>`,
];

/** Links that must never reach an href. */
const BAD_LINKS = [
  `javascript:window.__xss('href')`,
  ` javascript:window.__xss('href-space')`,
  `java\tscript:window.__xss('href-tab')`,
  `JAVASCRIPT:window.__xss('href-upper')`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3MoJ2hyZWYtZGF0YScpPC9zY3JpcHQ+`,
  `vbscript:msgbox(1)`,
  `//evil.example/phish`,
  `file:///etc/passwd`,
];

// --- a feed that uses every string field ----------------------------------------------------

/** The text for one field: `at` names the field so a test can tell fields apart. */
type Fill = (at: string, max: number) => string;

const fit = (text: string, max: number) => {
  // Every free-text field must be non-blank and not too long: keep a visible character.
  const clipped = [...text].slice(0, max - 1).join('');
  return /\S/.test(clipped) ? clipped : `${clipped}x`;
};

/**
 * The four-council fixture with every optional string field present: election, baseline,
 * publisher, note; party names, short names, colours, aliases, Welsh names; area names, short
 * names, regions, types, notes, links, candidates, tie seats, baselines; the summary's source,
 * label and note; publisher events (note, declaration, correction) with texts and links.
 */
function everyStringFeed(
  base: FeedInput,
  fill: Fill,
  links: (at: string) => string,
  colours: (at: string) => string,
): FeedInput {
  const meta = base.meta;
  return {
    ...base,
    meta: {
      ...meta,
      election: { ...meta.election, id: fill('meta.election.id', 100), title: fill('meta.election.title', 300) },
      baseline: { label: fill('meta.baseline.label', 200), election: fill('meta.baseline.election', 200) },
      publisher: { name: fill('meta.publisher.name', 200), url: links('meta.publisher.url') },
      note: fill('meta.note', 1000),
    },
    parties: base.parties.map((party, i) => ({
      ...party,
      name: fill(`parties[${i}].name`, 200),
      shortName: fill(`parties[${i}].shortName`, 60),
      colour: colours(`parties[${i}].colour`),
      colourDark: colours(`parties[${i}].colourDark`),
      aliases: [fill(`parties[${i}].aliases[0]`, 200)],
      translations: {
        cy: {
          name: fill(`parties[${i}].translations.cy.name`, 200),
          shortName: fill(`parties[${i}].translations.cy.shortName`, 60),
        },
      },
    })),
    areas: base.areas.map((area, i) => ({
      ...area,
      name: fill(`areas[${i}].name`, 200),
      shortName: fill(`areas[${i}].shortName`, 60),
      region: fill(`areas[${i}].region`, 200),
      type: fill(`areas[${i}].type`, 100),
      note: fill(`areas[${i}].note`, 1000),
      url: links(`areas[${i}].url`),
      baseline: { label: fill(`areas[${i}].baseline.label`, 200) },
      translations: { cy: { name: fill(`areas[${i}].translations.cy.name`, 200) } },
      results: area.results?.map((result, j) => ({
        ...result,
        candidate: fill(`areas[${i}].results[${j}].candidate`, 200),
      })),
      ...(i === 0
        ? {
            ties: [
              {
                seat: fill(`areas[${i}].ties[0].seat`, 200),
                parties: ['con', 'lab'],
                winner: 'con',
                method: 'lot' as const,
              },
            ],
          }
        : {}),
    })),
    summary: {
      declared: base.areas.length,
      total: base.areas.length,
      source: { name: fill('summary.source.name', 200), url: links('summary.source.url') },
      baselineLabel: fill('summary.baselineLabel', 200),
      note: fill('summary.note', 1000),
      parties: [
        { party: 'lab', councils: 1, seats: 37 },
        { party: 'con', councils: 1, seats: 34 },
        { party: 'ld', councils: 1, seats: 16 },
        { party: 'green', councils: 0, seats: 1 },
        { party: 'noc', councils: 1 },
      ],
    },
    events: [
      {
        id: fill('events[0].id', 100),
        kind: 'note',
        at: '2018-05-04T04:40:00Z',
        text: fill('events[0].text', 500),
        texts: { cy: fill('events[0].texts.cy', 500) },
        url: links('events[0].url'),
      },
      {
        id: fill('events[1].id', 100),
        kind: 'declaration',
        at: '2018-05-04T04:30:00Z',
        area: 'X07000802',
        party: 'lab',
        text: fill('events[1].text', 500),
        url: links('events[1].url'),
      },
      {
        id: fill('events[2].id', 100),
        kind: 'correction',
        at: '2018-05-04T04:45:00Z',
        corrects: fill('events[1].id', 100),
        text: fill('events[2].text', 500),
      },
    ],
  };
}

// --- looking for injection ------------------------------------------------------------------

/** Every element in the widgets' shadow roots (and nested ones). */
function shadowElements(widgets: readonly Element[]): Element[] {
  const found: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  for (const widget of widgets) if (widget.shadowRoot) walk(widget.shadowRoot);
  return found;
}

interface Markup {
  readonly tags: Set<string>;
  readonly attributes: Set<string>;
}

function markupOf(widgets: readonly Element[]): Markup {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const element of shadowElements(widgets)) {
    tags.add(element.localName);
    for (const attribute of element.attributes) attributes.add(attribute.name);
  }
  return { tags, attributes };
}

/** Problems found in the widgets' markup: foreign tags or attributes, handlers, bad links. */
function injections(widgets: readonly Element[], allowed: Markup): string[] {
  const problems: string[] = [];
  for (const element of shadowElements(widgets)) {
    if (!allowed.tags.has(element.localName))
      problems.push(`<${element.localName}> is not an element the widgets draw`);
    for (const attribute of element.attributes) {
      // Lit never builds attribute names from data; data-* and aria-* states come and go with the layout.
      const known =
        allowed.attributes.has(attribute.name) ||
        /^(data|aria)-[a-z-]+$/.test(attribute.name) ||
        attribute.name === 'inert' ||
        attribute.name === 'hidden';
      if (!known)
        problems.push(
          `${attribute.name}="${attribute.value.slice(0, 40)}" on <${element.localName}> is not an attribute the widgets set`,
        );
      if (/^on/i.test(attribute.name))
        problems.push(`event handler attribute ${attribute.name} on <${element.localName}>`);
    }
    if (element.localName === 'a' && element.hasAttribute('href')) {
      const href = element.getAttribute('href')!;
      let protocol = '';
      try {
        protocol = new URL(href).protocol;
      } catch {
        protocol = 'unparseable';
      }
      if (protocol !== 'http:' && protocol !== 'https:') problems.push(`link to ${href.slice(0, 60)}`);
    }
    const style = element.getAttribute('style');
    if (style && /url\(|expression|javascript|;\s*[a-z-]+\s*:[^;]*evil/i.test(style))
      problems.push(`style "${style.slice(0, 60)}" on <${element.localName}>`);
  }
  return problems;
}

/** All text in the widgets' shadow roots, and their attribute values (where names reach aria-labels). */
function allText(widgets: readonly Element[]): string {
  return widgets.map((widget) => widget.shadowRoot?.textContent ?? '').join('\n');
}

/**
 * Feed text as the widgets show it: bidirectional embeddings, overrides and isolates are taken
 * out of every feed string (they could reorder the figures beside it: issue 22), the rest is
 * shown as written.
 */
const asShown = (text: string) => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/** The widgets (plus a council list with an area open and a seat bar for one area) on one page. */
async function mountHostile(feed: unknown): Promise<{ box: HTMLElement; widgets: Widget[] }> {
  const { box } = mountWidgets({ feed });
  const detail = document.createElement('tally-council-list') as Widget;
  detail.setAttribute('selected', 'X07000802');
  detail.setAttribute('group-by', 'region');
  detail.feed = feed;
  const area = document.createElement('tally-seat-bar') as Widget;
  area.setAttribute('area', 'X07000801');
  area.setAttribute('layout', 'parliament');
  area.feed = feed;
  const strip = document.createElement('tally-ticker') as Widget;
  strip.setAttribute('mode', 'strip');
  strip.feed = feed;
  box.append(detail, area, strip);
  const all = [...box.children] as Widget[];
  await settled(all);
  return { box, widgets: all };
}

async function setFeed(widgets: readonly Widget[], feed: unknown): Promise<void> {
  for (const widget of widgets) widget.feed = feed;
  await allUpdated(widgets);
}

/** Lets `onerror` of a broken image (or any other late script) have its chance to run. */
const settleLateScripts = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('hardening: hostile data through all four widgets', function () {
  this.timeout(60_000);
  let base: FeedInput;
  let allowed: Markup;
  let pageErrors: ReturnType<typeof watchPageErrors>;
  let scriptsBefore: number;

  before(async () => {
    base = await (await fetch('/test/fixtures/local-small.json')).json();
    // What the widgets draw for this feed shape with harmless strings: the markup allowed.
    const benign = everyStringFeed(
      base,
      (at) => `Text for ${at}`,
      () => 'https://example.org/results',
      () => '#123456',
    );
    const { box, widgets } = await mountHostile(benign);
    allowed = markupOf(widgets);
    // And for a refused update: the status line then has its closed "Details for developers".
    const logs = captureConsole();
    try {
      const refused = structuredClone(benign) as FeedInput;
      (refused.areas[0]!.results![0] as { seats: number }).seats = -1;
      await setFeed(widgets, refused);
      const failed = markupOf(widgets);
      for (const tag of failed.tags) allowed.tags.add(tag);
      for (const attribute of failed.attributes) allowed.attributes.add(attribute);
    } finally {
      logs.restore();
    }
    box.remove();
  });

  beforeEach(() => {
    executed.length = 0;
    window.__xss = trap('__xss');
    Object.assign(window, { alert: trap('alert'), prompt: trap('prompt'), confirm: trap('confirm') });
    pageErrors = watchPageErrors();
    scriptsBefore = document.querySelectorAll('script, iframe, object, embed').length;
  });

  afterEach(() => {
    pageErrors.stop();
    delete window.__xss;
    Object.assign(window, originals);
  });

  function expectNothingGotIn(widgets: readonly Widget[], label: string) {
    expect(executed, `nothing ran (${label})`).to.deep.equal([]);
    expect(injections(widgets, allowed), `no injected markup (${label})`).to.deep.equal([]);
    expect(document.querySelectorAll('script, iframe, object, embed').length, 'nothing added to the page').to.equal(
      scriptsBefore,
    );
    expect(pageErrors.errors, `no uncaught errors (${label})`).to.deep.equal([]);
  }

  it('the XSS corpus in every string field: shown as text, nothing runs, nothing injected', async () => {
    const logs = captureConsole();
    try {
      const { box, widgets } = await mountHostile(undefined);
      for (const [index, payload] of XSS_CORPUS.entries()) {
        const feed = everyStringFeed(
          base,
          (at, max) => fit(`${payload} @${at}`, max),
          () => BAD_LINKS[index % BAD_LINKS.length]!,
          () => payload,
        );
        await setFeed(widgets, feed);
        const label = `payload ${index}: ${payload.slice(0, 40)}`;
        // The feed was accepted (nothing in it is invalid, only dropped), so the payloads are on screen as text.
        for (const widget of widgets)
          expect(
            widget.shadowRoot!.querySelector('.notice[data-kind="failed"]'),
            `${widget.localName}: ${label}`,
          ).to.equal(null);
        const text = allText(widgets);
        expect(text, `the title is shown literally (${label})`).to.contain(
          asShown(fit(`${payload} @meta.election.title`, 300).replace(/\s+$/, '')),
        );
        expect(text, `a party name is shown literally (${label})`).to.contain(
          asShown(fit(`${payload} @parties[1].name`, 200).trim()),
        );
        expect(text, `an area name is shown literally (${label})`).to.contain(
          asShown(fit(`${payload} @areas[1].name`, 200).trim()),
        );
        expect(text, `an event text is shown literally (${label})`).to.contain(
          asShown(fit(`${payload} @events[0].text`, 500).trim()),
        );
        expectNothingGotIn(widgets, label);
      }
      await settleLateScripts();
      expectNothingGotIn(widgets, 'after late scripts');
      // Every dropped colour and link was named on the console.
      expect(
        logs.warn.some((line) =>
          /parties\[0\]\.colour: .* is not a #rgb or #rrggbb colour; the default is used/.test(line),
        ),
      ).to.equal(true);
      expect(
        logs.warn.some((line) => /areas\[0\]\.url: only http\(s\) links are allowed; the link is ignored/.test(line)),
      ).to.equal(true);
      expect(logs.warn.some((line) => /events\[0\]\.url: only http\(s\) links are allowed/.test(line))).to.equal(true);
      box.remove();
    } finally {
      logs.restore();
    }
  });

  it('colours that are not colours never reach the page: the built-in colour is used', async () => {
    const logs = captureConsole();
    try {
      const feed = everyStringFeed(
        base,
        (at) => `Text ${at}`,
        () => 'https://example.org/',
        () => 'red; background: url(javascript:window.__xss(1))',
      );
      const { box, widgets } = await mountHostile(feed);
      const seatBar = widgets[0]!;
      const labour = seatBar.shadowRoot!.querySelector<HTMLElement>('.segment[data-key="lab"]')!;
      expect(getComputedStyle(labour).backgroundColor, 'Labour in its built-in red').to.equal(
        hexToRgb(DEFAULT_PARTY_COLOURS.lab!.light),
      );
      const styles = shadowElements(widgets)
        .map((element) => element.getAttribute('style') ?? '')
        .join(' ');
      expect(styles).to.not.contain('javascript');
      expect(styles).to.not.match(/(^|[\s;:])red\b/);
      // A real colour in the feed is used.
      const coloured = {
        ...feed,
        parties: feed.parties.map((party) => (party.id === 'lab' ? { ...party, colour: '#123456' } : party)),
      };
      await setFeed(widgets, coloured);
      expect(
        getComputedStyle(seatBar.shadowRoot!.querySelector<HTMLElement>('.segment[data-key="lab"]')!).backgroundColor,
      ).to.equal('rgb(18, 52, 86)');
      expectNothingGotIn(widgets, 'colours');
      box.remove();
    } finally {
      logs.restore();
    }
  });

  it('links: only http(s) reach an href, from every field that carries one', async () => {
    const logs = captureConsole();
    try {
      const { box, widgets } = await mountHostile(undefined);
      for (const link of BAD_LINKS) {
        await setFeed(
          widgets,
          everyStringFeed(
            base,
            (at) => `Text ${at}`,
            () => link,
            () => '#123456',
          ),
        );
        const hrefs = shadowElements(widgets)
          .filter((element) => element.hasAttribute('href'))
          .map((element) => element.getAttribute('href'));
        expect(hrefs, link).to.deep.equal([]);
      }
      // And good links do get through, in every widget that shows one. (Another election id:
      // the ticker keeps the items it has shown for an election, links and all.)
      await setFeed(
        widgets,
        everyStringFeed(
          base,
          (at) => (at === 'meta.election.id' ? 'links-ok' : `Text ${at}`),
          (at) => `https://example.org/${encodeURIComponent(at)}`,
          () => '#123456',
        ),
      );
      const hrefs = new Set(
        shadowElements(widgets)
          .map((element) => element.getAttribute('href'))
          .filter(Boolean),
      );
      for (const field of ['summary.source.url', 'areas[1].url', 'events[0].url', 'events[1].url']) {
        expect([...hrefs], field).to.include(`https://example.org/${encodeURIComponent(field)}`);
      }
      expectNothingGotIn(widgets, 'links');
      box.remove();
    } finally {
      logs.restore();
    }
  });

  it('fast-check strings in every field: whatever the strings, nothing runs or gets in, and accepted text is shown as it is', async () => {
    const logs = captureConsole();
    try {
      const { box, widgets } = await mountHostile(undefined);
      const piece = fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
        { weight: 2, arbitrary: fc.constantFrom(...XSS_CORPUS, ...BAD_LINKS) },
        {
          weight: 1,
          arbitrary: fc.string({
            unit: fc.constantFrom(
              '<',
              '>',
              '"',
              "'",
              '&',
              '/',
              '=',
              '`',
              ';',
              ':',
              '(',
              ')',
              '{',
              '}',
              '$',
              '\\',
              ' ',
              'a',
              'on',
              'script',
              'img',
              '\u0000',
              '\u2028',
            ),
          }),
        },
      );
      const text = fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 8, maxLength: 8 }), async (strings) => {
          let n = 0;
          const next = () => strings[n++ % strings.length]!;
          const feed = everyStringFeed(
            base,
            (_, max) => fit(next(), max),
            () => next(),
            () => next(),
          );
          await setFeed(widgets, feed);
          const problems = injections(widgets, allowed);
          if (executed.length > 0 || problems.length > 0 || pageErrors.errors.length > 0) {
            throw new Error(`got in: ${[...executed, ...problems, ...pageErrors.errors].join('; ')}`);
          }
          const shown = allText(widgets);
          const title = asShown(feed.meta.election.title);
          // Some generated feeds are invalid (two events with one id): then the last good one stays.
          const accepted =
            !widgets[0]!.shadowRoot!.querySelector('.notice[data-kind="failed"]') &&
            statusLine(widgets[0]!)?.kind === 'current';
          if (accepted && !shown.includes(title))
            throw new Error(`the title ${JSON.stringify(title)} is not shown as it is`);
        }),
        { numRuns: 40 },
      );
      await settleLateScripts();
      expectNothingGotIn(widgets, 'fast-check');
      box.remove();
    } finally {
      logs.restore();
    }
  });

  it('ids that are not ids (party, area) are refused with the path; event ids of any text are fine', async () => {
    const logs = captureConsole();
    try {
      const good = everyStringFeed(
        base,
        (at) => `Text ${at}`,
        () => 'https://example.org/',
        () => '#123456',
      );
      const { box, widgets } = await mountHostile(good);
      const before = widgets.map(contentText);
      const badParty = {
        ...good,
        parties: good.parties.map((party, i) =>
          i === 0 ? { ...party, id: `con" onmouseover="window.__xss(1)` } : party,
        ),
      };
      await setFeed(widgets, badParty);
      expect(widgets.map(contentText), 'last good results kept').to.deep.equal(before);
      for (const widget of widgets) {
        expect(statusLine(widget)?.kind).to.equal('kept');
        expect(failure(widget).detail).to.contain('parties[0].id: must be 1-32 lower-case letters');
      }
      expect(logs.error.some((line) => line.includes('parties[0].id: must be 1-32 lower-case letters'))).to.equal(true);
      const badArea = {
        ...good,
        areas: good.areas.map((area, i) => (i === 2 ? { ...area, id: '<img src=x onerror=window.__xss(2)>' } : area)),
      };
      await setFeed(widgets, badArea);
      for (const widget of widgets)
        expect(failure(widget).detail).to.contain('areas[2].id: must be 1-64 letters, digits');
      await settleLateScripts();
      expectNothingGotIn(widgets, 'ids');
      box.remove();
    } finally {
      logs.restore();
    }
  });

  describe('absurd numbers: a clear validation error, visible and on the console, and the last good chart', () => {
    const cases: { name: string; change: (feed: FeedInput) => void; message: RegExp }[] = [
      {
        name: 'negative seats',
        change: (feed) => void ((feed.areas[0]!.results![0] as { seats: number }).seats = -8),
        message: /areas\[0\]\.results\[0\]\.seats: must not be negative/,
      },
      {
        name: 'NaN seats',
        change: (feed) => void ((feed.areas[0]!.results![0] as { seats: number }).seats = Number.NaN),
        message: /areas\[0\]\.results\[0\]\.seats: must be a number/,
      },
      {
        name: 'Infinity seats',
        change: (feed) => void ((feed.areas[0]!.results![0] as { seats: number }).seats = Number.POSITIVE_INFINITY),
        message: /areas\[0\]\.results\[0\]\.seats: must be a whole number/,
      },
      {
        name: 'fractions of a seat',
        change: (feed) => void ((feed.areas[0]!.results![0] as { seats: number }).seats = 2.5),
        message: /areas\[0\]\.results\[0\]\.seats: must be a whole number/,
      },
      {
        name: 'seats won above the seats up',
        change: (feed) => void ((feed.areas[0]!.results![0] as { seats: number }).seats = 80),
        message: /areas\[0\]\.results: 86 seats won is more than the 14 seats up/,
      },
      {
        name: 'seats held above the council size',
        change: (feed) => void ((feed.areas[0]!.results![0] as { seatsHeld: number }).seatsHeld = 400),
        message: /areas\[0\]\.results: 416 seats held is more than the 40 seats in total/,
      },
      {
        name: 'a majority above the council size',
        change: (feed) => void (feed.areas[0]!.seats!.majority = 41),
        message: /areas\[0\]\.seats\.majority: a majority of 41 is more than the 40 seats in total/,
      },
      {
        name: '10^9 votes in one area',
        change: (feed) => void ((feed.areas[0]!.results![0] as { votes: number }).votes = 1e9),
        message: /areas\[0\]\.results\[0\]\.votes: must be at most 100000000/,
      },
      {
        name: '10^9 votes for one party in the summary',
        change: (feed) => void (feed.summary = { parties: [{ party: 'lab', votes: 1e9 }] }),
        message: /summary\.parties\[0\]\.votes: must be at most 999999999/,
      },
      {
        name: 'shares above 100%',
        change: (feed) =>
          void (feed.areas[3]!.results = feed.areas[3]!.results!.map((result) => ({ ...result, share: 60 }))),
        message: /areas\[3\]\.results: vote shares add up to 180\.0%, more than 100%/,
      },
      {
        name: 'a revision that is not a number',
        change: (feed) => void ((feed.meta as { revision: unknown }).revision = '12'),
        message: /meta\.revision: must be a number/,
      },
      {
        name: 'a negative revision',
        change: (feed) => void (feed.meta.revision = -1),
        message: /meta\.revision: must not be negative/,
      },
    ];

    it('each case, through all four widgets', async () => {
      const logs = captureConsole();
      try {
        const { box, widgets } = mountWidgets({ feed: base });
        await settled(widgets);
        const before = widgets.map(contentText);
        const bar = widgets[0]!.shadowRoot!.querySelector('.bar')!.innerHTML;
        for (const { name, change, message } of cases) {
          const feed = structuredClone(base);
          change(feed);
          logs.error.length = 0;
          const errors: string[] = [];
          const onError = (event: Event) => errors.push((event as CustomEvent<{ reason: string }>).detail.reason);
          box.addEventListener('tally-feed-error', onError);
          await setFeed(widgets, feed);
          box.removeEventListener('tally-feed-error', onError);
          expect(widgets.map(contentText), `${name}: the last good results stay`).to.deep.equal(before);
          expect(widgets[0]!.shadowRoot!.querySelector('.bar')!.innerHTML, `${name}: the chart is untouched`).to.equal(
            bar,
          );
          for (const widget of widgets) {
            expect(statusLine(widget)?.kind, `${name}: ${widget.localName}`).to.equal('kept');
            expect(failure(widget).detail, `${name}: ${widget.localName} says why, for developers`).to.match(message);
          }
          expect(errors, `${name}: tally-feed-error from each widget`).to.have.length(4);
          expect(
            logs.error.filter((line) => message.test(line)),
            `${name}: console.error from each widget`,
          ).to.have.length(4);
        }
        expect(pageErrors.errors).to.deep.equal([]);
        box.remove();
      } finally {
        logs.restore();
      }
    });

    it('with nothing shown yet, the reason is in place of the chart', async () => {
      const logs = captureConsole();
      try {
        const feed = structuredClone(base);
        (feed.areas[0]!.results![0] as { seats: number }).seats = -8;
        const { box, widgets } = mountWidgets({ feed });
        await allUpdated(widgets);
        for (const widget of widgets) {
          const { notice, detail } = failure(widget);
          expect(notice, widget.localName).to.equal('Results are unavailable at the moment.');
          expect(detail, widget.localName).to.match(
            /^the feed property is not a valid feed: areas\[0\]\.results\[0\]\.seats: must not be negative/,
          );
        }
        box.remove();
      } finally {
        logs.restore();
      }
    });
  });

  describe('the same through the network', () => {
    const feeds = useFeedServer();

    it('a hostile feed served cross-origin: nothing runs, nothing injected', async () => {
      const logs = captureConsole();
      try {
        const payload = XSS_CORPUS[3]!;
        const feed = everyStringFeed(
          base,
          (at, max) => fit(`${payload} @${at}`, max),
          () => BAD_LINKS[0]!,
          () => payload,
        );
        const url = await feeds.route('/hostile.json', { json: feed });
        const { box, widgets } = mountWidgets({ src: url });
        await waitUntil(() => widgets.every((widget) => statusLine(widget)?.kind === 'current'), 'hostile feed shown', {
          timeout: 10_000,
        });
        expect(allText(widgets)).to.contain(`${payload} @events[0].text`);
        await allUpdated(widgets);
        await settleLateScripts();
        expectNothingGotIn(widgets, 'over the network');
        box.remove();
      } finally {
        logs.restore();
      }
    });
  });
});

function hexToRgb(hex: string): string {
  const value = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
