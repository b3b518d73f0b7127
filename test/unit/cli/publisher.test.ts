import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedInput } from '../../../src/feed/schema.js';
import { parseFeed } from '../../../src/feed/validate.js';
import { contentKey, isoNow, Publisher, type PublishResult } from '../../../src/cli/publish/publisher.js';
import { FeedStore, StoreError } from '../../../src/cli/publish/store.js';
import { rawFeed } from '../support/feed.js';
import { temporaryFolder } from './support.js';

type AreaInput = FeedInput['areas'][number];

const awaiting = (id: string, name: string): AreaInput => ({
  id,
  name,
  status: 'awaiting',
  seats: { total: 60, up: 20 },
  control: { before: 'lab' },
});
const declared = (
  id: string,
  name: string,
  after: string,
  seats: { lab: number; con: number },
  at = '2018-05-04T01:00:00Z',
): AreaInput => ({
  id,
  name,
  status: 'declared',
  declaredAt: at,
  seats: { total: 60, up: 20 },
  control: { before: 'lab', after },
  results: [
    { party: 'lab', seats: seats.lab },
    { party: 'con', seats: seats.con },
  ],
});

/** The night as the adapter would give it: the same election, areas as they stand. */
const night = (areas: AreaInput[], extra: Partial<FeedInput> = {}): FeedInput => ({
  ...rawFeed(areas),
  meta: { ...rawFeed(areas).meta, election: { ...rawFeed(areas).meta.election, id: 'locals' } },
  ...extra,
});

const published = (result: PublishResult) => {
  if (result.kind !== 'published') throw new Error(`expected a publication, got ${JSON.stringify(result)}`);
  return result;
};

let folder: ReturnType<typeof temporaryFolder>;
let clock: { now: number };
const options = () => ({ now: () => clock.now });
const open = async () => (await Publisher.open(new FeedStore(folder.dir, 'locals'), options())).publisher;
const onDisk = () => {
  const result = parseFeed(readFileSync(join(folder.dir, 'locals.json'), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.feed;
};

beforeEach(() => {
  folder = temporaryFolder('tally-publisher-');
  clock = { now: Date.parse('2026-05-07T22:00:00.400Z') };
});
afterEach(() => folder.cleanup());

describe('Publisher', () => {
  it('publishes the first feed as revision 1 with the time, and keeps a copy in history', async () => {
    const publisher = await open();
    const result = published(await publisher.publish(night([awaiting('A', 'Adur'), awaiting('B', 'Barnet')])));
    expect(result.revision).toBe(1);
    const feed = onDisk();
    expect(feed.meta.revision).toBe(1);
    expect(feed.meta.generatedAt).toBe('2026-05-07T22:00:00Z');
    expect(feed.meta.dataChangedAt).toBe('2026-05-07T22:00:00Z');
    expect(feed.events).toEqual([]);
    expect(readFileSync(join(folder.dir, 'history/locals/1.json'), 'utf8')).toBe(
      readFileSync(join(folder.dir, 'locals.json'), 'utf8'),
    );
  });

  it('publishes nothing when the results are the same, whatever the adapter put in the bookkeeping', async () => {
    const publisher = await open();
    published(await publisher.publish(night([awaiting('A', 'Adur')])));
    const before = readFileSync(join(folder.dir, 'locals.json'), 'utf8');
    clock.now += 60_000;
    const again = night([awaiting('A', 'Adur')]);
    const result = await publisher.publish({
      ...again,
      meta: { ...again.meta, revision: 99, generatedAt: '2030-01-01T00:00:00Z' },
    });
    expect(result).toEqual({ kind: 'unchanged', revision: 1 });
    expect(readFileSync(join(folder.dir, 'locals.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(folder.dir, 'history/locals'))).toEqual(['1.json']);
  });

  it('raises the revision, dataChangedAt and adds a declaration event with a stable id when an area declares', async () => {
    const publisher = await open();
    published(await publisher.publish(night([awaiting('A', 'Adur'), awaiting('B', 'Barnet')])));
    clock.now += 90_000;
    const result = published(
      await publisher.publish(night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 }), awaiting('B', 'Barnet')])),
    );
    expect(result.revision).toBe(2);
    expect(result.changes.declared).toEqual(['A']);
    const feed = onDisk();
    expect(feed.meta.dataChangedAt).toBe('2026-05-07T22:01:30Z');
    expect(feed.events).toEqual([
      {
        id: 'declared:A',
        kind: 'declaration',
        at: '2018-05-04T01:00:00Z',
        area: 'A',
        party: 'lab',
        from: 'lab',
        to: 'lab',
      },
    ]);
  });

  it('calls a change of hands a change of control, and a later change to a declared result a correction', async () => {
    const publisher = await open();
    published(await publisher.publish(night([awaiting('A', 'Adur')])));
    published(await publisher.publish(night([declared('A', 'Adur', 'con', { lab: 8, con: 12 })])));
    const correction = published(await publisher.publish(night([declared('A', 'Adur', 'con', { lab: 9, con: 11 })])));
    expect(correction.changes.corrected).toEqual(['A']);
    expect(onDisk().events!.map((event) => [event.id, event.kind, event.corrects])).toEqual([
      ['declared:A', 'control-change', undefined],
      ['corrected:A:3', 'correction', 'declared:A'],
    ]);
  });

  it('gives a recount its own event, and a declaration after the recount a new id', async () => {
    const publisher = await open();
    published(await publisher.publish(night([declared('A', 'Adur', 'lab', { lab: 11, con: 9 })])));
    published(await publisher.publish(night([{ ...awaiting('A', 'Adur'), status: 'recount' }])));
    published(await publisher.publish(night([declared('A', 'Adur', 'con', { lab: 9, con: 11 })])));
    const ids = onDisk().events!.map((event) => event.id);
    expect(ids).toEqual(['declared:A', 'recount:A:2', 'declared:A:3']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the events of earlier revisions, identical, in every later revision', async () => {
    const publisher = await open();
    const states = [
      [awaiting('A', 'Adur'), awaiting('B', 'Barnet'), awaiting('C', 'Crawley')],
      [declared('A', 'Adur', 'lab', { lab: 12, con: 8 }), awaiting('B', 'Barnet'), awaiting('C', 'Crawley')],
      [
        declared('A', 'Adur', 'lab', { lab: 12, con: 8 }),
        declared('B', 'Barnet', 'con', { lab: 5, con: 15 }),
        awaiting('C', 'Crawley'),
      ],
      [
        declared('A', 'Adur', 'lab', { lab: 12, con: 8 }),
        declared('B', 'Barnet', 'con', { lab: 5, con: 15 }),
        declared('C', 'Crawley', 'noc', { lab: 10, con: 10 }),
      ],
    ];
    let previous: unknown[] = [];
    for (const areas of states) {
      clock.now += 30_000;
      published(await publisher.publish(night(areas)));
      const events = onDisk().events!;
      expect(events.slice(0, previous.length)).toEqual(previous);
      previous = events;
    }
    expect(previous.map((event) => (event as { id: string }).id)).toEqual(['declared:A', 'declared:B', 'declared:C']);
  });

  it('refuses an invalid feed and leaves the published one alone', async () => {
    const publisher = await open();
    published(await publisher.publish(night([awaiting('A', 'Adur')])));
    const before = readFileSync(join(folder.dir, 'locals.json'), 'utf8');
    const result = await publisher.publish(night([declared('A', 'Adur', 'lib', { lab: 12, con: 8 })]));
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.issues).toContainEqual({
      path: 'areas[0].control.after',
      message: "unknown party 'lib'",
    });
    expect(readFileSync(join(folder.dir, 'locals.json'), 'utf8')).toBe(before);
    expect(publisher.revision).toBe(1);
  });

  it('refuses a feed for another election', async () => {
    const publisher = await open();
    const other = night([awaiting('A', 'Adur')]);
    const result = await publisher.publish({
      ...other,
      meta: { ...other.meta, election: { ...other.meta.election, id: 'other' } },
    });
    expect(result.kind).toBe('invalid');
    expect(existsSync(join(folder.dir, 'locals.json'))).toBe(false);
  });

  it('continues after a restart from the revision on disk, with the events it had', async () => {
    const first = await open();
    published(await first.publish(night([awaiting('A', 'Adur'), awaiting('B', 'Barnet')])));
    published(await first.publish(night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 }), awaiting('B', 'Barnet')])));
    const restarted = await open();
    expect(restarted.revision).toBe(2);
    // The same sources after the restart: nothing new to publish.
    expect(
      (await restarted.publish(night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 }), awaiting('B', 'Barnet')])))
        .kind,
    ).toBe('unchanged');
    const next = published(
      await restarted.publish(
        night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 }), declared('B', 'Barnet', 'con', { lab: 5, con: 15 })]),
      ),
    );
    expect(next.revision).toBe(3);
    expect(onDisk().events!.map((event) => event.id)).toEqual(['declared:A', 'declared:B']);
  });

  it('restores the history copy of the published revision when a kill came between the two writes', async () => {
    const publisher = await open();
    published(await publisher.publish(night([awaiting('A', 'Adur')])));
    published(await publisher.publish(night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 })])));
    const { rmSync } = await import('node:fs');
    rmSync(join(folder.dir, 'history/locals/2.json'));
    writeFileSync(join(folder.dir, '.locals.json.0123456789ab.tmp'), '{"format":"tally-fe');
    const { publisher: restarted, removedTemporary } = await Publisher.open(
      new FeedStore(folder.dir, 'locals'),
      options(),
    );
    expect(removedTemporary).toEqual(['.locals.json.0123456789ab.tmp']);
    expect(restarted.revision).toBe(2);
    expect(readFileSync(join(folder.dir, 'history/locals/2.json'), 'utf8')).toBe(
      readFileSync(join(folder.dir, 'locals.json'), 'utf8'),
    );
  });

  it('takes a feed written by someone else meanwhile (a rollback) as the one to compare with', async () => {
    const publisher = await open();
    published(await publisher.publish(night([awaiting('A', 'Adur')])));
    published(await publisher.publish(night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 })])));
    // A rollback to revision 1 by another process, as revision 3.
    const other = await open();
    const rolledBack = published(await other.publish(onDiskRevision(1), { events: 'input' }));
    expect(rolledBack.revision).toBe(3);
    // The night's publisher notices: the next result is revision 4, compared with the rollback.
    const next = published(await publisher.publish(night([declared('A', 'Adur', 'con', { lab: 8, con: 12 })])));
    expect(next.revision).toBe(4);
    expect(next.changes.declared).toEqual(['A']);
  });

  it('marks every feed as test data with the test option', async () => {
    const { publisher } = await Publisher.open(new FeedStore(folder.dir, 'locals'), { ...options(), test: true });
    published(await publisher.publish(night([awaiting('A', 'Adur')])));
    expect(onDisk().meta.test).toBe(true);
  });

  it('drops events about an area that left the feed instead of publishing an invalid feed', async () => {
    const publisher = await open();
    published(
      await publisher.publish(night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 }), awaiting('B', 'Barnet')])),
    );
    const result = published(await publisher.publish(night([awaiting('B', 'Barnet')])));
    expect(result.dropped.map((event) => event.id)).toEqual(['declared:A']);
    expect(onDisk().events).toEqual([]);
  });

  it('carries the source’s own events once each, beside the derived ones', async () => {
    const publisher = await open();
    const note = { id: 'pa-note-1', kind: 'note' as const, at: '2018-05-04T00:30:00Z', text: 'Counting is under way.' };
    published(await publisher.publish(night([awaiting('A', 'Adur')], { events: [note] })));
    expect((await publisher.publish(night([awaiting('A', 'Adur')], { events: [note] }))).kind).toBe('unchanged');
    published(await publisher.publish(night([declared('A', 'Adur', 'lab', { lab: 12, con: 8 })], { events: [note] })));
    expect(onDisk().events!.map((event) => event.id)).toEqual(['pa-note-1', 'declared:A']);
  });

  it('refuses an election id that cannot name a file', () => {
    expect(() => new FeedStore(folder.dir, '../etc/passwd')).toThrow(StoreError);
    expect(() => new FeedStore(folder.dir, 'locals 2026')).toThrow(/cannot name a file/);
  });
});

describe('contentKey and isoNow', () => {
  it('ignores revision and times, and sees everything else', () => {
    const a = parseFeed(JSON.stringify(night([awaiting('A', 'Adur')])));
    const b = night([awaiting('A', 'Adur')]);
    const c = parseFeed(
      JSON.stringify({
        ...b,
        meta: { ...b.meta, revision: 7, generatedAt: '2030-01-01T00:00:00Z', dataChangedAt: '2030-01-01T00:00:00Z' },
      }),
    );
    const d = parseFeed(JSON.stringify(night([awaiting('A', 'Adurr')])));
    if (!a.ok || !c.ok || !d.ok) throw new Error('invalid');
    expect(contentKey(a.feed)).toBe(contentKey(c.feed));
    expect(contentKey(a.feed)).not.toBe(contentKey(d.feed));
  });

  it('writes whole seconds', () => {
    expect(isoNow(Date.parse('2026-05-07T22:00:00.999Z'))).toBe('2026-05-07T22:00:00Z');
  });
});

function onDiskRevision(revision: number) {
  const result = parseFeed(readFileSync(join(folder.dir, `history/locals/${revision}.json`), 'utf8'));
  if (!result.ok) throw new Error('invalid');
  return result.feed;
}
