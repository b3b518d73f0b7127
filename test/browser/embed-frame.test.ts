/**
 * iframe embeds as built: the iframe page (dist/embed.html) and the parent's resizer
 * (dist/tally-frame.js) on a partner's page (test/browser/fixtures/frames.html).
 */
import { expect } from '@open-wc/testing';
import { frameHeights } from '../../src/embed/boxes.js';
import { embedCodes } from '../../src/embed/embed-code.js';
import { FRAME_MESSAGE_TYPE, heightForWidth } from '../../src/embed/frame-protocol.js';
import { heightsAttribute } from '../../src/embed/boxes.js';
import { useFeedServer } from './helpers/feed-server.js';
import { hasContent, openHostPage, until, widgetsWithContent, type HostPage } from './fixtures/host-page.js';

const nextFrame = (win: Window = window) =>
  new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));

/** The height of the content of an iframe page (its <main>), in whole pixels. */
function contentHeight(frame: HTMLIFrameElement): number {
  return Math.ceil(frame.contentDocument!.querySelector('main')!.getBoundingClientRect().height);
}

describe('the iframe page', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('reports its height in Tally’s, pym.js’s and AMP’s dialects, once: its box does not change when the data arrives', async () => {
    const messages: unknown[] = [];
    const listener = (event: MessageEvent) => {
      if (event.source === frame?.contentWindow) messages.push(event.data);
    };
    window.addEventListener('message', listener);
    try {
      frame = document.createElement('iframe');
      frame.title = 'Seats';
      frame.style.cssText = 'display: block; width: 400px; height: 100px; border: 0';
      // pym.js adds childId (and initialWidth, parentTitle, parentUrl) to a child's address.
      frame.src =
        '/dist/embed.html?widget=seat-bar&src=/test/fixtures/local-small.json&frame=results-1&childId=pym-results&initialWidth=400&parentTitle=News';
      document.body.append(frame);
      const [widget] = await widgetsWithContent(
        await until(() => frame!.contentDocument?.querySelector('main') && frame!.contentDocument, 'the frame page'),
        'tally-seat-bar',
        1,
      );
      await nextFrame(frame.contentWindow!);

      // The seat bar's reserved box for a 400 px frame (the 360 px band).
      const expected = heightForWidth(heightsAttribute(frameHeights('seat-bar')), 400)!;
      expect(contentHeight(frame)).to.equal(expected);
      expect(messages).to.deep.include({ type: FRAME_MESSAGE_TYPE, height: expected, frame: 'results-1' });
      expect(messages).to.deep.include({ sentinel: 'amp', type: 'embed-size', height: expected });
      // As pym.js 1.3.2's Parent reads it: /^pymxPYMx<id>xPYMx(\S+)xPYMx(.*)$/, then parseInt.
      const pym = messages
        .filter((message): message is string => typeof message === 'string')
        .map((message) => /^pymxPYMxpym-resultsxPYMx(\S+)xPYMx(.*)$/.exec(message));
      expect(pym.map((match) => [match?.[1], Number.parseInt(match?.[2] ?? '', 10)])).to.deep.equal([
        ['height', expected],
      ]);
      // One height only: three messages, sent before and never after the data arrived.
      expect(messages).to.have.length(3);
      // The frame's own parameters are not attributes of the widget.
      expect(widget!.getAttributeNames().sort()).to.deep.equal(['src']);
    } finally {
      window.removeEventListener('message', listener);
    }
  });
});

describe('the iframe page with the result card', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());
  const feeds = useFeedServer();

  async function open(query: string): Promise<Document> {
    frame = document.createElement('iframe');
    frame.title = 'Result';
    frame.style.cssText = 'display: block; width: 400px; height: 600px; border: 0';
    frame.src = `/dist/embed.html?${query}`;
    document.body.append(frame);
    return until(
      () => frame!.contentDocument?.querySelector('main')?.firstElementChild && frame!.contentDocument,
      'the frame page',
    );
  }

  it('shows one area, and looks a postcode up on its own origin with the placeholder as URL() left it', async () => {
    const doc = await open(
      'widget=area-result&src=/test/fixtures/wards.json&area=X08000901&postcode-url=/test/fixtures/{postcode}.json&postcode-field=result.codes.admin_ward',
    );
    const [card] = await widgetsWithContent(doc, 'tally-area-result', 1);
    await until(() => card!.shadowRoot!.querySelector('[part="title"]'), 'the card');
    expect(card!.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Ashby');
    // The page resolved the address: the placeholder arrives percent-encoded, and is still read.
    expect(card!.getAttribute('postcode-url')).to.contain('%7Bpostcode%7D');
    const input = card!.shadowRoot!.querySelector<HTMLInputElement>('[part="postcode-input"]')!;
    input.value = 'S1 1AA';
    card!.shadowRoot!.querySelector<HTMLButtonElement>('[part="postcode-button"]')!.click();
    const message = await until(() => {
      const kind = card!.shadowRoot!.querySelector<HTMLElement>('[part="postcode-message"]')?.dataset.kind;
      return kind && kind !== 'looking' && kind !== 'idle' ? kind : undefined;
    }, 'the look-up ends');
    // test/fixtures has no S11AA.json: the page's own server answers 404, a postcode not found.
    expect(message).to.equal('not-found');
  });

  it('refuses a postcode service on an origin the page does not allow, naming the parameter', async () => {
    const foreign = await feeds.route('/postcodes/x', { json: {} });
    const doc = await open(
      `widget=area-result&src=/test/fixtures/wards.json&area=X08000901&postcode-url=${encodeURIComponent(new URL('/postcodes/{postcode}', foreign).href)}`,
    );
    expect(doc.querySelector('tally-area-result')).to.equal(null);
    expect(doc.querySelector('main')!.textContent).to.match(/cannot be shown/);
  });
});

describe('tally-frame.js on a partner’s page', () => {
  let page: HostPage;
  let frames: Record<'seatBar' | 'strip' | 'driven' | 'foreign', HTMLIFrameElement>;
  before(async () => {
    page = await openHostPage('/test/browser/fixtures/frames.html', { width: 700, height: 1400 });
    const byId = (id: string) => page.document.getElementById(id) as HTMLIFrameElement;
    frames = { seatBar: byId('seat-bar'), strip: byId('strip'), driven: byId('driven'), foreign: byId('foreign') };
  });
  after(() => page.close());

  /** Ask a messenger frame to post `message` to the host page, from its own window. */
  const postFrom = (messenger: HTMLIFrameElement, message: unknown) =>
    messenger.contentWindow!.postMessage({ tallyTest: 'post', message }, '*');
  const height = (frame: HTMLIFrameElement) => frame.getBoundingClientRect().height;

  it('resizes each embed to the height its own page reports (included twice, still one resizer)', async () => {
    for (const frame of [frames.seatBar, frames.strip]) {
      await until(
        () => frame.dataset.tallySized === '1' && hasContent(frame.contentDocument?.querySelector('main > *')),
        `${frame.id} sized`,
      );
      // A box is a minimum: content taller than it (the strip with its TEST DATA watermark) is
      // reported again, and the frame follows.
      await until(() => height(frame) === contentHeight(frame), `${frame.id} at its content's height`);
    }
    expect(height(frames.seatBar)).to.not.equal(height(frames.strip));
    expect(page.record.uncaught).to.deep.equal([]);
  });

  it('believes only the frame’s own window, and only sane heights', async () => {
    const seen = new Map<Element, Set<number>>();
    const observer = new page.window.ResizeObserver((entries) => {
      for (const entry of entries)
        seen.set(
          entry.target,
          (seen.get(entry.target) ?? new Set()).add(Math.round(entry.borderBoxSize[0]!.blockSize)),
        );
    });
    for (const frame of Object.values(frames)) observer.observe(frame);
    const before = Object.fromEntries(Object.entries(frames).map(([name, frame]) => [name, height(frame)]));

    postFrom(frames.driven, { type: FRAME_MESSAGE_TYPE, height: 345 });
    await until(() => height(frames.driven) === 345, 'the driven frame at 345 px');

    // Another window on the page, and the page itself, claiming to be a frame.
    postFrom(frames.foreign, { type: FRAME_MESSAGE_TYPE, height: 444 });
    page.window.postMessage({ type: FRAME_MESSAGE_TYPE, height: 555 }, '*');
    // The frame's own window, with heights nobody should believe.
    for (const absurd of [-5, 1e9, Number.NaN, Number.POSITIVE_INFINITY, '300', null])
      postFrom(frames.driven, { type: FRAME_MESSAGE_TYPE, height: absurd });
    postFrom(frames.driven, { sentinel: 'amp', type: 'embed-size', height: 222 });
    postFrom(frames.driven, { type: FRAME_MESSAGE_TYPE, height: 346 });
    await until(() => height(frames.driven) === 346, 'the driven frame at 346 px');
    await nextFrame(page.window);
    observer.disconnect();

    expect(height(frames.seatBar)).to.equal(before.seatBar);
    expect(height(frames.strip)).to.equal(before.strip);
    expect(height(frames.foreign)).to.equal(before.foreign);
    expect([...(seen.get(frames.driven) ?? [])].filter((value) => value !== before.driven)).to.deep.equal([345, 346]);
    for (const frame of [frames.seatBar, frames.strip, frames.foreign])
      expect([...(seen.get(frame) ?? [])], frame.id).to.deep.equal([
        before[frame.id === 'seat-bar' ? 'seatBar' : (frame.id as 'strip' | 'foreign')],
      ]);
  });

  for (const width of [320, 700]) {
    it(`starts the embed code’s iframe at the height its page will report, ${width} px wide: no jump`, async () => {
      const codes = embedCodes({
        widget: 'party-table',
        feed: new URL('/test/fixtures/local-small.json', location.href).href,
        assets: new URL('/dist/', location.href).href,
        title: 'Parties',
      });
      const slot = page.document.createElement('div');
      slot.style.width = `${width}px`;
      // The iframe line of the code; its tally-frame.js is on the page already.
      slot.innerHTML = codes.iframe.split('\n').find((line) => line.startsWith('<iframe'))!;
      const frame = slot.querySelector('iframe')!;
      const seen = new Set<number>();
      const observer = new page.window.ResizeObserver(([entry]) =>
        seen.add(Math.round(entry!.borderBoxSize[0]!.blockSize)),
      );
      page.document.body.prepend(slot);
      await Promise.resolve(); // tally-frame.js's mutation observer runs before anything is painted
      const initial = heightForWidth(frame.dataset.tallyHeights!, width)!;
      expect(frame.style.height).to.equal(`${initial}px`);
      observer.observe(frame);

      await until(
        () => frame.dataset.tallySized === '1' && hasContent(frame.contentDocument?.querySelector('tally-party-table')),
        'the embed sized by its own message',
      );
      await nextFrame(page.window);
      observer.disconnect();
      const reported = contentHeight(frame);
      slot.remove();
      expect(reported).to.equal(initial);
      expect([...seen]).to.deep.equal([initial]);
    });
  }
});

describe('the iframe page’s feed allowlist', () => {
  const feeds = useFeedServer();
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  const framePage = (query: string, prefix = '') => `${prefix}/__capture/console/dist/embed.html?${query}`;
  const refusal = () => page!.document.querySelector('main .refused');

  it('shows feeds from its own origin', async () => {
    page = await openHostPage(framePage('widget=party-table&src=/test/fixtures/local-small.json'));
    await widgetsWithContent(page.document, 'main > tally-party-table', 1);
    expect(page.record.errors).to.deep.equal([]);
  });

  it('refuses a feed from another origin with a clear message and a console error, without fetching it', async () => {
    const feed = await feeds.route('/night.json', { fixture: 'local-small.json' });
    page = await openHostPage(framePage(`widget=party-table&src=${encodeURIComponent(feed)}`));
    await until(refusal, 'the refusal');
    expect(refusal()!.getAttribute('role')).to.equal('alert');
    // What to change, and where: a producer sees this while setting the embed up.
    const fix = `To allow them, add ${feeds.origin} to the feed origins of embed.html: TALLY_FEED_ORIGINS when building Tally, or its tally-feed-origins meta tag when deploying`;
    expect(refusal()!.textContent).to.equal(
      `This results widget cannot be shown: feeds from ${feeds.origin} are not allowed on this page. ${fix}.`,
    );
    expect(page.record.errors).to.deep.equal([
      `[tally] embed: feeds from ${feeds.origin} are not allowed on this page. ${fix}`,
    ]);
    expect(page.document.querySelector('tally-party-table')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await feeds.hits('/night.json')).to.equal(0);
  });

  it('says so in the reader’s language', async () => {
    const feed = await feeds.route('/night.json', { fixture: 'local-small.json' });
    page = await openHostPage(framePage(`widget=seat-bar&lang=cy&src=${encodeURIComponent(feed)}`));
    await until(refusal, 'the refusal');
    expect(refusal()!.textContent).to.equal(
      `Ni ellir dangos y teclyn canlyniadau hwn: ni chaniateir ffrydiau o ${feeds.origin} ar y dudalen hon. I’w caniatáu, ychwanegwch ${feeds.origin} at darddleoedd ffrydiau embed.html: TALLY_FEED_ORIGINS wrth adeiladu Tally, neu ei dag meta tally-feed-origins wrth ei osod.`,
    );
    expect(page.document.documentElement.lang).to.equal('cy');
  });

  it('shows a feed from an origin on its allowlist (TALLY_FEED_ORIGINS, or the meta element edited when deploying)', async () => {
    const feed = await feeds.route('/night.json', { fixture: 'local-small.json' });
    page = await openHostPage(
      framePage(
        `widget=party-table&src=${encodeURIComponent(feed)}`,
        `/__origins/${encodeURIComponent(`https://other.example ${feeds.origin}`)}`,
      ),
    );
    await widgetsWithContent(page.document, 'main > tally-party-table', 1);
    expect(page.record.errors).to.deep.equal([]);
    expect(await feeds.hits('/night.json')).to.be.greaterThan(0);
  });

  it('refuses addresses that are not web feeds, and widgets it does not know', async () => {
    for (const [query, reason] of [
      ['widget=ticker&src=javascript%3Aalert(1)', 'javascript feeds are not allowed'],
      ['widget=ticker&src=data%3Aapplication%2Fjson%2C%7B%7D', 'data feeds are not allowed'],
      ['widget=ticker', 'no results feed was given'],
      ['widget=pie-chart&src=/test/fixtures/local-small.json', 'there is no widget called “pie-chart”'],
      ['widget=constructor&src=/test/fixtures/local-small.json', 'there is no widget called “constructor”'],
    ]) {
      page = await openHostPage(framePage(query!));
      await until(refusal, `the refusal of ${query}`);
      expect(refusal()!.textContent, query).to.equal(`This results widget cannot be shown: ${reason}.`);
      expect(page.record.uncaught, query).to.deep.equal([]);
      page.close();
    }
    page = undefined;
  });
});
