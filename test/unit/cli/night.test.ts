/** One look of the night's process: read, convert, publish, and every way it can refuse. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../../src/adapters/index.js';
import type { FeedInput } from '../../../src/feed/schema.js';
import { Night, type NightReport, type Problem } from '../../../src/cli/publish/night.js';
import { Publisher } from '../../../src/cli/publish/publisher.js';
import {
  SourceReadError,
  type SourceCheck,
  type SourceText,
  type WatchableSource,
} from '../../../src/cli/publish/sources.js';
import { FeedStore } from '../../../src/cli/publish/store.js';
import { rawFeed } from '../support/feed.js';
import { temporaryFolder } from './support.js';

/** A source whose checks a test scripts. */
class ScriptedSource implements WatchableSource {
  readonly location = 'results.csv';
  next: SourceCheck = { state: 'unchanged' };
  async check(): Promise<SourceCheck> {
    const check = this.next;
    this.next = { state: 'unchanged' };
    return check;
  }
}
const changed = (text: string): SourceCheck => ({
  state: 'changed',
  files: [{ name: 'results.csv', text }],
  description: 'results.csv',
});

/**
 * A stand-in adapter: "A:declared,B:awaiting" → a feed with those areas; the config's label for
 * Labour names the party; "broken" throws a SourceError naming a line.
 */
function adapter(files: readonly SourceText[], label: string): { feed: FeedInput; warnings: Problem[] } {
  const text = files[0]!.text;
  if (text === 'broken')
    throw new SourceError({ source: files[0]!.name, at: 'line 3', message: '"12a" is not a number' });
  const areas = text.split(',').map((entry) => {
    const [id, status] = entry.split(':') as [string, 'declared' | 'awaiting'];
    return status === 'declared'
      ? { id, name: `Area ${id}`, status, control: { after: 'lab' } }
      : { id, name: `Area ${id}`, status };
  });
  const feed = rawFeed(areas);
  return {
    feed: { ...feed, parties: feed.parties.map((party) => (party.id === 'lab' ? { ...party, name: label } : party)) },
    warnings: [],
  };
}

let folder: ReturnType<typeof temporaryFolder>;
let source: ScriptedSource;
let label: string;
let configState: 'unchanged' | 'changed' | Problem[];
let events: string[];
let night: Night;

beforeEach(async () => {
  folder = temporaryFolder('tally-night-');
  source = new ScriptedSource();
  label = 'Labour';
  configState = 'unchanged';
  events = [];
  const { publisher } = await Publisher.open(new FeedStore(folder.dir, 'test'), {
    now: () => Date.parse('2026-05-08T01:00:00Z'),
  });
  const report: NightReport = {
    published: (result) => events.push(`published r${result.revision}`),
    unchanged: ({ revision }) => events.push(`unchanged r${revision}`),
    rejected: (problems, details) =>
      events.push(
        `rejected at ${details.stage}: ${problems.map((problem) => `${problem.source}${problem.at ? ` ${problem.at}` : ''}: ${problem.message}`).join('; ')} (r${details.revision ?? '-'} stays)`,
      ),
    warnings: (problems) => events.push(`warnings: ${problems.length}`),
  };
  night = new Night({
    source,
    convert: (files) => adapter(files, label),
    problemsOf: (error) => (error instanceof SourceError ? error.problems : undefined),
    refreshConfig: async () => {
      const state = configState;
      configState = 'unchanged';
      return state;
    },
    publisher,
    now: () => Date.parse('2026-05-08T01:00:00Z'),
    report,
  });
});
afterEach(() => folder.cleanup());

const publishedLabour = () =>
  (
    JSON.parse(readFileSync(join(folder.dir, 'test.json'), 'utf8')) as { parties: { id: string; name: string }[] }
  ).parties.find((party) => party.id === 'lab')!.name;

describe('Night.look', () => {
  it('publishes a changed source, and nothing for an unchanged one', async () => {
    source.next = changed('A:declared,B:awaiting');
    expect(await night.look()).toBe('done');
    source.next = changed('A:declared,B:awaiting');
    await night.look();
    expect(await night.look()).toBe('done');
    expect(events).toEqual(['published r1', 'unchanged r1']);
  });

  it('asks to look again when the source was still being written', async () => {
    source.next = { state: 'unsettled' };
    expect(await night.look()).toBe('again');
    expect(existsSync(join(folder.dir, 'test.json'))).toBe(false);
  });

  it('reports a source it cannot read or convert, with the file and line, and keeps the last good feed', async () => {
    source.next = changed('A:declared');
    await night.look();
    const good = readFileSync(join(folder.dir, 'test.json'), 'utf8');
    source.next = {
      state: 'unreadable',
      error: new SourceReadError('results.csv', 'permission denied', 'Give the user read access.'),
    };
    await night.look();
    source.next = changed('broken');
    await night.look();
    expect(events).toEqual([
      'published r1',
      'rejected at read: results.csv: permission denied (r1 stays)',
      'rejected at convert: results.csv line 3: "12a" is not a number (r1 stays)',
    ]);
    expect(readFileSync(join(folder.dir, 'test.json'), 'utf8')).toBe(good);
  });

  it('rebuilds from the last sources when only the config changed', async () => {
    source.next = changed('A:declared');
    await night.look();
    label = 'Labour Party';
    configState = 'changed';
    await night.look();
    expect(events).toEqual(['published r1', 'published r2']);
    expect(publishedLabour()).toBe('Labour Party');
  });

  it('keeps publishing with the last good config while an edit of it has mistakes', async () => {
    source.next = changed('A:awaiting');
    await night.look();
    configState = [{ source: 'night.json', at: 'parties[0].colour', message: 'must be a colour as #rgb or #rrggbb' }];
    source.next = changed('A:declared');
    await night.look();
    expect(events).toEqual([
      'published r1',
      'rejected at config: night.json parties[0].colour: must be a colour as #rgb or #rrggbb (r1 stays)',
      'published r2',
    ]);
  });

  it('reports a converted feed that does not validate, by JSON path', async () => {
    source.next = changed('A:declared,A:awaiting');
    await night.look();
    expect(events).toEqual(["rejected at validate: the converted feed areas[1].id: duplicate area id 'A' (r- stays)"]);
  });
});
