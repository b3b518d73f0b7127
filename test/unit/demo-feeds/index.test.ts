import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadDemoNights, type DemoNight } from '../../../demo/feeds/index.js';
import { feedChanges } from '../../../src/feed/changes.js';
import { progress } from '../../../src/derive/progress.js';
import { stateOfParties } from '../../../src/derive/state-of-parties.js';
import { validateFeed } from '../../../src/feed/validate.js';

const nights = loadDemoNights();
const night = (id: DemoNight['id']) => nights.find((candidate) => candidate.id === id)!;
const declaredIds = (feed: DemoNight['final']) =>
  feed.areas
    .filter((area) => area.status === 'declared')
    .map((area) => area.id)
    .sort();

describe('loadDemoNights', () => {
  it('loads both nights, from the default or an explicit data directory', () => {
    expect(nights.map((n) => n.id)).toEqual(['uk-local-2018', 'uk-general-2019']);
    const explicit = loadDemoNights(fileURLToPath(new URL('../../../demo/data/', import.meta.url)));
    expect(explicit.map((n) => n.final)).toEqual(nights.map((n) => n.final));
  });

  it('starts 30 minutes before the first declaration and ends at the last', () => {
    expect(new Date(night('uk-local-2018').start).toISOString()).toBe('2018-05-03T22:55:00.000Z');
    expect(new Date(night('uk-local-2018').end).toISOString()).toBe('2018-05-04T18:00:00.000Z');
    // GE2019: first Newcastle upon Tyne Central at 23:27, last St Ives at 14:52 the next day.
    expect(new Date(night('uk-general-2019').start).toISOString()).toBe('2019-12-12T22:57:00.000Z');
    expect(new Date(night('uk-general-2019').end).toISOString()).toBe('2019-12-13T14:52:00.000Z');
  });

  it('uses the real declaration times for 2019', () => {
    const general = night('uk-general-2019');
    expect(general.timeline.size).toBe(650);
    for (const area of general.final.areas) expect(general.timeline.get(area.id)).toBe(Date.parse(area.declaredAt!));
  });

  for (const id of ['uk-local-2018', 'uk-general-2019'] as const) {
    describe(id, () => {
      const n = night(id);
      const samples = Array.from({ length: 41 }, (_, i) =>
        Math.round(n.start - 3_600_000 + (i * (n.end - n.start + 7_200_000)) / 40),
      );
      const feeds = samples.map((time) => n.at(time));

      it('declares nothing at the start and, at the end, exactly what the final feed declares', () => {
        expect(progress(n.at(n.start)).declared).toBe(0);
        expect(declaredIds(n.at(n.end))).toEqual(declaredIds(n.final));
        expect(n.at(n.end).areas).toEqual(n.final.areas);
        expect(n.at(n.end - 1).areas.filter((area) => area.status === 'declared').length).toBeLessThan(
          n.final.areas.length,
        );
      });

      it('only ever adds declarations as time goes on, with rising revisions and valid feeds', () => {
        let previous = feeds[0]!;
        for (const feed of feeds.slice(1)) {
          expect(progress(feed).declared).toBeGreaterThanOrEqual(progress(previous).declared);
          expect(feed.meta.revision).toBeGreaterThanOrEqual(previous.meta.revision);
          const changes = feedChanges(previous, feed);
          expect(changes.corrected).toEqual([]);
          expect(changes.removed).toEqual([]);
          expect(changes.statusChanged).toEqual([]);
          if (!changes.empty) expect(feed.meta.revision).toBeGreaterThan(previous.meta.revision);
          previous = feed;
        }
        for (const feed of [feeds[0]!, feeds[20]!, feeds[40]!])
          expect(validateFeed(JSON.parse(JSON.stringify(feed))).ok).toBe(true);
      });

      it('stamps the replay times', () => {
        feeds.forEach((feed, i) => {
          expect(Date.parse(feed.meta.generatedAt)).toBe(samples[i]);
          expect(Date.parse(feed.meta.dataChangedAt)).toBeLessThanOrEqual(Date.parse(feed.meta.generatedAt));
        });
      });
    });
  }

  it('titles the 2018 replay as simulated and explains it in the note', () => {
    const feed = night('uk-local-2018').at(night('uk-local-2018').start);
    expect(feed.meta.election.title).toBe('English local elections 2018 (replay; declaration order simulated)');
    expect(feed.meta.note).toMatch(/simulated/);
    expect(night('uk-local-2018').title).toBe('English local elections 2018');
    expect(night('uk-general-2019').at(night('uk-general-2019').end).meta.election.title).toBe(
      'UK general election 2019 (replay)',
    );
  });

  it('shows the PA snapshots in the 2018 replay once their count is reached, then the final totals', () => {
    const local = night('uk-local-2018');
    const times = [...local.timeline.values()].sort((a, b) => a - b);
    const summaryAfter = (n: number) => local.at(times[n - 1]!).summary;
    expect(summaryAfter(93)).toBeUndefined();
    expect(summaryAfter(94)?.declared).toBe(94);
    expect(summaryAfter(129)?.declared).toBe(94);
    expect(summaryAfter(130)?.declared).toBe(130);
    expect(summaryAfter(149)?.declared).toBe(130);
    expect(summaryAfter(150)).toEqual(local.final.summary);
    // At 94, the councils declared so far match the publisher's own counts.
    const at94 = local.at(times[93]!);
    const derived = stateOfParties(at94, 'derived');
    const published = stateOfParties(at94);
    for (const party of ['con', 'lab', 'ld']) {
      expect(derived.parties.find((row) => row.party === party)?.councils, party).toBe(
        published.parties.find((row) => row.party === party)?.councils,
      );
    }
    expect(derived.noOverallControl?.councils).toBe(published.noOverallControl?.councils);
  });

  it('has no summary in the 2019 replay: totals are derived from the constituencies', () => {
    const general = night('uk-general-2019');
    expect(general.at(general.end).summary).toBeUndefined();
    expect(stateOfParties(general.at(general.end)).parties[0]).toMatchObject({ party: 'con', seats: 365 });
  });
});
