import { describe, expect, it } from 'vitest';
import '../../../src/components/ticker/messages.js';
import {
  AnnouncementBatcher,
  AnnouncementLedger,
  pageAnnouncementLedger,
  summariseAnnouncement,
} from '../../../src/components/ticker/announcer.js';
import { messageKeys, translate, translator, type MessageKey } from '../../../src/i18n/messages.js';
import { FakeClock } from '../support/fake-clock.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

function batcher(options: { gather?: number; minInterval?: number } = {}) {
  const clock = new FakeClock();
  const start = clock.now();
  const heard: { at: number; batch: readonly string[] }[] = [];
  const queue = new AnnouncementBatcher<string>(
    (batch) => heard.push({ at: clock.now() - start, batch }),
    options,
    clock,
  );
  return { clock, heard, queue };
}

describe('AnnouncementBatcher', () => {
  it('gathers a burst into one announcement', async () => {
    const { clock, heard, queue } = batcher({ gather: 1000, minInterval: 10_000 });
    queue.add(['a']);
    await clock.advance(300);
    queue.add(['b', 'c']);
    await clock.advance(300);
    queue.add(['d', 'e']);
    expect(heard).toEqual([]);
    await clock.advance(400);
    expect(heard).toEqual([{ at: 1000, batch: ['a', 'b', 'c', 'd', 'e'] }]);
    expect(queue.waiting).toBe(0);
  });

  it('spaces announcements at least minInterval apart', async () => {
    const { clock, heard, queue } = batcher({ gather: 1000, minInterval: 10_000 });
    queue.add(['a']);
    await clock.advance(1000); // announced at 1 s
    queue.add(['b']);
    await clock.advance(2000); // 3 s: too soon
    queue.add(['c']);
    await clock.advance(7000); // 10 s: still too soon
    expect(heard.map((h) => h.batch)).toEqual([['a']]);
    await clock.advance(1000); // 11 s = 1 s + 10 s
    expect(heard).toEqual([
      { at: 1000, batch: ['a'] },
      { at: 11_000, batch: ['b', 'c'] },
    ]);
    // A quiet spell later, the next burst only waits for the gathering time.
    await clock.advance(60_000); // 71 s
    queue.add(['d']);
    await clock.advance(1000);
    expect(heard[2]).toEqual({ at: 72_000, batch: ['d'] });
  });

  it('ignores empty additions and forgets everything on clear', async () => {
    const { clock, heard, queue } = batcher({ gather: 1000 });
    queue.add([]);
    expect(clock.pending).toBe(0);
    queue.add(['a', 'b']);
    expect(queue.waiting).toBe(2);
    queue.clear();
    expect(clock.pending).toBe(0);
    await clock.advance(20_000);
    expect(heard).toEqual([]);
  });
});

describe('summariseAnnouncement', () => {
  const en = translator('en-GB');
  const cy = translator('cy');
  const five = [
    'Conservatives gain Redditch from Labour',
    'Labour hold Sunderland',
    'Recount in Belsize ward.',
    'Conservatives lose Trafford to no overall control',
    'Labour hold Halton',
  ];

  it('counts a burst it was given only the first sentences of', () => {
    expect(summariseAnnouncement(five.slice(0, 3), en, 'en-GB', 3, 10_000)).toBe(
      '10,000 new results: Conservatives gain Redditch from Labour; Labour hold Sunderland; Recount in Belsize ward; and 9,997 more.',
    );
  });

  it('reads one result as a sentence', () => {
    expect(summariseAnnouncement(['Labour hold Sunderland'], en, 'en-GB')).toBe('New result: Labour hold Sunderland.');
    expect(summariseAnnouncement(['Labour hold Sunderland'], cy, 'cy')).toBe(
      'Canlyniad newydd: Labour hold Sunderland.',
    );
  });

  it('counts a burst and lists the first few', () => {
    expect(summariseAnnouncement(five, en, 'en-GB')).toBe(
      '5 new results: Conservatives gain Redditch from Labour; Labour hold Sunderland; Recount in Belsize ward; and 2 more.',
    );
    expect(summariseAnnouncement(five.slice(0, 2), en, 'en-GB')).toBe(
      '2 new results: Conservatives gain Redditch from Labour; Labour hold Sunderland.',
    );
    expect(summariseAnnouncement(five.slice(0, 4), en, 'en-GB', 3)).toBe(
      '4 new results: Conservatives gain Redditch from Labour; Labour hold Sunderland; Recount in Belsize ward; and 1 more.',
    );
    expect(summariseAnnouncement(five, cy, 'cy', 1)).toBe(
      '5 canlyniad newydd: Conservatives gain Redditch from Labour; a 4 arall.',
    );
  });

  it('formats large counts and says nothing for nothing', () => {
    const many = Array.from({ length: 1200 }, (_, i) => `Result ${i}`);
    expect(summariseAnnouncement(many, en, 'en-GB', 1)).toBe('1,200 new results: Result 0; and 1,199 more.');
    expect(summariseAnnouncement([], en, 'en-GB')).toBe('');
    expect(summariseAnnouncement(['  '], en, 'en-GB')).toBe('');
  });
});

describe('ticker messages', () => {
  it('has a Welsh message for every ticker key', () => {
    const keys = messageKeys().filter((key) => key.startsWith('ticker.')) as MessageKey[];
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      const welsh = translate('cy', key, {
        count: 2,
        number: '2',
        party: 'P',
        noc: 'N',
        id: 'x',
        kind: 'k',
        kinds: 'ks',
        sentence: 's',
        list: 'l',
        time: 't',
      });
      const english = translate('en-GB', key, {
        count: 2,
        number: '2',
        party: 'P',
        noc: 'N',
        id: 'x',
        kind: 'k',
        kinds: 'ks',
        sentence: 's',
        list: 'l',
        time: 't',
      });
      if (key === 'ticker.badge.noc') continue; // only a placeholder in both languages
      expect(welsh, key).not.toBe(english);
    }
  });
});

describe('AnnouncementLedger', () => {
  it('lets only the first ticker announce an item; others get what is left', () => {
    let now = 0;
    const ledger = new AnnouncementLedger({ now: () => now }, 30_000);
    const strip = {};
    const list = {};
    expect(ledger.claim(['a', 'b', 'c'], strip)).toEqual(['a', 'b', 'c']);
    expect(ledger.claim(['b', 'c'], list)).toEqual([]);
    expect(ledger.claim(['c', 'd', 'd'], list)).toEqual(['d']);
    now = 30_001;
    expect(ledger.claim(['a'], list)).toEqual(['a']);
  });

  it('forgets the claims of a ticker that left the page', () => {
    const ledger = new AnnouncementLedger({ now: () => 0 });
    const gone = {};
    ledger.claim(['a', 'b'], gone);
    ledger.claim(['c'], {});
    ledger.release(gone);
    expect(ledger.claim(['a', 'b', 'c'], {})).toEqual(['a', 'b']);
  });

  it('is one ledger per page', () => {
    expect(pageAnnouncementLedger()).toBe(pageAnnouncementLedger());
  });
});
