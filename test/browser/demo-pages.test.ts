/**
 * The demo site as a reader on a phone gets it (issue 16): every page fits 375 px (and 320 px)
 * without sideways scrolling, the event logs show their numbers whole, and the API page draws
 * the `code` spans of the element docs as code. The pages are loaded from demo/ through the test
 * server, each in a frame of a phone's width; their feeds are the demo server's, which is not
 * running here, so the widgets show their error notices: the layout of the pages is what is tested.
 */
import { expect } from '@open-wc/testing';
import { render, withCode } from '../../demo/api/render.js';

const PAGES = [
  'index',
  'seat-bar',
  'party-table',
  'council-list',
  'ticker',
  'area-result',
  'api',
  'builder',
  'themes',
  'screenshots',
];

/** Load a demo page in a frame `width` px wide; resolves once it and its widgets have drawn. */
async function openDemo(
  page: string,
  width: number,
): Promise<{ frame: HTMLIFrameElement; doc: Document; close(): void }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `display: block; width: ${width}px; height: 800px; border: 0;`;
  frame.title = `demo ${page}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/demo/${page}.html`;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  // Widgets and scripts settle: every defined widget's update done, then two frames.
  await Promise.all(
    [...doc.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('tally-'))
      .map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete),
  );
  for (let i = 0; i < 2; i += 1) await new Promise((resolve) => frame.contentWindow!.requestAnimationFrame(resolve));
  return { frame, doc, close: () => frame.remove() };
}

/** Elements that stick out past the right edge of the page. */
function wider(doc: Document): string[] {
  const width = doc.documentElement.clientWidth;
  const out: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.right > width + 1)
      out.push(`${el.localName}${el.id ? `#${el.id}` : ''} ${Math.round(rect.left)}..${Math.round(rect.right)}`);
  }
  return out.slice(0, 6);
}

describe('the demo pages', function () {
  this.timeout(60_000);

  for (const width of [375, 320]) {
    for (const page of PAGES) {
      it(`${page}.html fits ${width} px without sideways scrolling`, async () => {
        const { doc, close } = await openDemo(page, width);
        try {
          expect(doc.documentElement.scrollWidth, `${page} at ${width} px: ${wider(doc).join(', ')}`).to.be.at.most(
            doc.documentElement.clientWidth,
          );
        } finally {
          close();
        }
      });
    }
  }

  for (const page of ['seat-bar', 'party-table', 'council-list', 'ticker']) {
    it(`${page}.html: the event log has room for its numbers, up to 100`, async () => {
      const { doc, close } = await openDemo(page, 375);
      try {
        const log = doc.querySelector<HTMLOListElement>('ol#events, ol#log')!;
        // As once an event is logged (an empty log may say so in its own way).
        const item = doc.createElement('li');
        item.textContent = 'tally-party-select {"party":"con"}';
        log.append(item);
        const style = getComputedStyle(log);
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = `${style.fontSize} ${style.fontFamily}`;
        // An outside marker sits in the list's inline-start padding; the box scrolls, so it clips.
        const marker = canvas.measureText('100. ').width;
        expect(parseFloat(style.paddingInlineStart), `room for "100. " (${marker.toFixed(1)} px)`).to.be.at.least(
          marker,
        );
      } finally {
        close();
      }
    });
  }

  it('api.html draws `code` spans in descriptions as code, and blank lines as paragraphs', () => {
    const host = document.createElement('div');
    host.innerHTML = '<nav id="toc"></nav><div id="elements"></div>';
    document.body.append(host);
    try {
      render({
        modules: [
          {
            path: 'x.ts',
            declarations: [
              {
                kind: 'class',
                name: 'X',
                customElement: true,
                tagName: 'tally-x',
                description:
                  'Selecting an area fires `tally-area-select`.\n\nA second paragraph with `updateComplete`.',
                attributes: [
                  { name: 'area', description: "Same as `tally-area-select`'s `detail.id`; a lone ` stays." },
                ],
              },
            ],
          },
        ],
      });
      const section = host.querySelector('#tally-x')!;
      const paragraphs = [...section.querySelectorAll(':scope > p')];
      expect(paragraphs.map((p) => p.innerHTML)).to.deep.equal([
        'Selecting an area fires <code>tally-area-select</code>.',
        'A second paragraph with <code>updateComplete</code>.',
      ]);
      const cell = section.querySelector('tbody tr td:last-child')!;
      expect(cell.innerHTML).to.equal(
        "Same as <code>tally-area-select</code>'s <code>detail.id</code>; a lone ` stays.",
      );
      expect(section.textContent).to.not.match(/`tally-area-select`/);
    } finally {
      host.remove();
    }
  });

  it('withCode keeps everything as text, never markup', () => {
    const fragment = withCode('`<img src=x onerror=alert(1)>` and <b>not bold</b>');
    const box = document.createElement('div');
    box.append(fragment);
    expect(box.querySelector('img, b')).to.equal(null);
    expect(box.querySelector('code')!.textContent).to.equal('<img src=x onerror=alert(1)>');
  });
});
