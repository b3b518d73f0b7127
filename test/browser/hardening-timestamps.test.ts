/**
 * Timestamps a feed may not carry (issue 22, point 3). The schema used to accept times that
 * Chromium's Date.parse cannot read ("+01", " +01:00", "-00"), and formatting them threw
 * "Invalid time value": all four widgets blank on a first load, frozen under "Updated" on an
 * update, the council list and ticker blank for a bad `declaredAt`. Now the schema accepts
 * exactly what the widgets parse (src/feed/timestamp.ts), so every such feed is refused with
 * its path, in every timestamp field, and nothing throws.
 */
import { expect } from '@open-wc/testing';
import type { FeedInput } from '../../src/feed/schema.js';
import { useFeedServer } from './helpers/feed-server.js';
import {
  allUpdated,
  contentText,
  mountWidgets,
  settled,
  statusLine,
  until,
  useTestPage,
  type Widget,
} from './helpers/widgets.js';

/** Every kind of time a feed got wrong that we know of: the attack report's three, and their neighbours. */
const BAD_TIMES = [
  '2018-05-04T04:30:00+01',
  '2018-05-04T04:30:00 +01:00',
  '2018-05-04T04:30:00-00',
  '2018-05-04T04:30:00+0100',
  '2018-05-04T04:30:00',
  '2018-05-04 04:30:00Z',
  '2018-05-04T24:00:00Z',
  '2018-02-30T04:30:00Z',
];

type Field = 'meta.dataChangedAt' | 'meta.generatedAt' | 'areas[0].declaredAt' | 'events[0].at';
const FIELDS: readonly Field[] = ['meta.dataChangedAt', 'meta.generatedAt', 'areas[0].declaredAt', 'events[0].at'];

const local = async (): Promise<FeedInput> => (await fetch('/test/fixtures/local-small.json')).json();

/** The fixture with an event (so the ticker shows the publisher's events) and `time` in `field`. */
function withTime(base: FeedInput, field: Field, time: string, revision: number): FeedInput {
  const events: FeedInput['events'] = [
    { id: 'note-1', kind: 'note', at: '2018-05-04T04:31:00Z', text: 'Counting continues in Brookfield.' },
  ];
  const feed: FeedInput = { ...base, meta: { ...base.meta, revision }, events };
  if (field === 'meta.dataChangedAt') feed.meta = { ...feed.meta, dataChangedAt: time };
  if (field === 'meta.generatedAt') feed.meta = { ...feed.meta, generatedAt: time };
  if (field === 'areas[0].declaredAt')
    feed.areas = feed.areas.map((area, i) => (i === 0 ? { ...area, declaredAt: time } : area));
  if (field === 'events[0].at') feed.events = [{ ...events[0]!, at: time }];
  return feed;
}

/** `tally-feed-error` reasons, per widget. */
function errorReasons(widgets: readonly Widget[]): Map<Widget, string[]> {
  const reasons = new Map<Widget, string[]>(widgets.map((widget) => [widget, []]));
  for (const widget of widgets)
    widget.addEventListener('tally-feed-error', (event) => reasons.get(widget)!.push(event.detail.reason));
  return reasons;
}

describe('hardening: timestamps the widgets cannot read are refused, never shown', function () {
  this.timeout(60_000);
  const onPage = useTestPage();

  for (const field of FIELDS) {
    it(`on a first load, every bad time in ${field} gets a notice naming the path in every widget`, async () => {
      const base = await local();
      for (const time of BAD_TIMES) {
        const mounted = mountWidgets({});
        onPage.box = mounted.box;
        const reasons = errorReasons(mounted.widgets);
        for (const widget of mounted.widgets) widget.feed = withTime(base, field, time, 5);
        await allUpdated(mounted.widgets);
        for (const widget of mounted.widgets) {
          const what = `${widget.localName}, ${field} = ${JSON.stringify(time)}`;
          expect(
            widget.shadowRoot!.querySelector('.notice[data-kind="failed"]'),
            `${what}: a notice in place of the results`,
          ).to.not.equal(null);
          expect(reasons.get(widget)!.join(' | '), what).to.include(
            `${field}: must be a date and time with a time zone`,
          );
        }
        expect(onPage.errors, `${field} = ${JSON.stringify(time)}`).to.deep.equal([]);
        onPage.box?.remove();
      }
    });

    it(`as an update, every bad time in ${field} leaves the results on screen and says the update could not be used`, async () => {
      const base = await local();
      const good = withTime(
        base,
        field,
        field === 'events[0].at' ? '2018-05-04T04:31:00Z' : base.meta.dataChangedAt,
        5,
      );
      const mounted = mountWidgets({ feed: good });
      onPage.box = mounted.box;
      await settled(mounted.widgets);
      const shown = mounted.widgets.map(contentText);
      const reasons = errorReasons(mounted.widgets);
      for (const [i, time] of BAD_TIMES.entries()) {
        for (const widget of mounted.widgets) widget.feed = withTime(base, field, time, 6 + i);
        await settled(mounted.widgets);
        for (const [w, widget] of mounted.widgets.entries()) {
          const what = `${widget.localName}, ${field} = ${JSON.stringify(time)}`;
          expect(contentText(widget), `${what}: the last good results stay`).to.equal(shown[w]);
          expect(statusLine(widget)?.kind, `${what}: the status says the update was not used`).to.equal('kept');
          expect(reasons.get(widget)!.at(-1), what).to.include(`${field}: must be a date and time with a time zone`);
        }
        expect(onPage.errors, `${field} = ${JSON.stringify(time)}`).to.deep.equal([]);
      }
    });
  }

  describe('through a feed URL', () => {
    const feeds = useFeedServer();

    it('a first load with a bad dataChangedAt gets a notice in every widget, not a blank one', async () => {
      const base = await local();
      const bad = withTime(base, 'meta.dataChangedAt', '2018-05-04T04:30:00+01', 5);
      const url = await feeds.route('/bad-time.json', { json: bad });
      const mounted = mountWidgets({ src: url });
      onPage.box = mounted.box;
      await until(
        () => mounted.widgets.every((widget) => widget.shadowRoot?.querySelector('.notice[data-kind="failed"]')),
        'a notice in every widget',
      );
      expect(onPage.errors).to.deep.equal([]);
      expect(await feeds.hits('/bad-time.json')).to.equal(1);
    });
  });
});
