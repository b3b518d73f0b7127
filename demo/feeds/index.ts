/**
 * The demo's election nights: each a final feed and a replay of the night, for the demo server
 * and for tests. Reads demo/data synchronously.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feed, Summary } from '../../src/feed/schema.js';
import { replayFeed, timelineBounds } from '../../src/adapters/replay.js';
import {
  finalSummary2018,
  localElections2018Feed,
  paSnapshots2018,
  REPLAY_NOTE_2018,
  simulatedDeclarationTimes,
} from './uk-local-2018.js';
import { declarationTimes2019, generalElection2019Feed, REPLAY_NOTE_2019 } from './uk-general-2019.js';

export interface DemoNight {
  id: 'uk-local-2018' | 'uk-general-2019';
  title: string;
  final: Feed;
  /** A little before the first declaration (ms since the epoch). */
  start: number;
  /** The last declaration. */
  end: number;
  /** The feed as it stood at `time` (ms since the epoch); before `start` nothing is declared, after `end` everything is. */
  at(time: number): Feed;
  /** When each area declares in the replay (area id → ms since the epoch). */
  timeline: ReadonlyMap<string, number>;
}

/** How long before the first declaration a replay starts. */
export const LEAD_IN_MS = 30 * 60_000;

/** demo/data, next to this folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

interface NightParts {
  id: DemoNight['id'];
  final: Feed;
  timeline: Map<string, number>;
  snapshots?: readonly Summary[];
  titleSuffix: string;
  note: string;
}

function night(parts: NightParts): DemoNight {
  const bounds = timelineBounds(parts.timeline);
  if (!bounds) throw new Error(`${parts.id}: no declaration times`);
  const start = bounds.first - LEAD_IN_MS;
  const options = {
    timeline: parts.timeline,
    start,
    titleSuffix: parts.titleSuffix,
    note: parts.note,
    ...(parts.snapshots ? { snapshots: parts.snapshots } : {}),
  };
  return {
    id: parts.id,
    title: parts.final.meta.election.title,
    final: parts.final,
    start,
    end: bounds.last,
    timeline: parts.timeline,
    at: (time: number) => replayFeed(parts.final, time, options),
  };
}

/** Both demo nights, from `dataDir` (default: demo/data). */
export function loadDemoNights(dataDir: string = DEFAULT_DATA_DIR): DemoNight[] {
  const text = (path: string) => readFileSync(join(dataDir, path), 'utf8');

  const national: unknown = JSON.parse(text('uk-local-2018/national.json'));
  const councilsCsv = text('uk-local-2018/councils.csv');
  const local = localElections2018Feed({
    councilsCsv,
    compositionCsv: text('uk-local-2018/composition-2018-09.csv'),
    national,
  });

  const general = generalElection2019Feed(text('uk-general-2019/HoC-GE2019-results-by-constituency.csv'));

  return [
    night({
      id: 'uk-local-2018',
      final: local,
      timeline: simulatedDeclarationTimes(councilsCsv, national),
      // PA's snapshots during the night, then the final totals once all 150 are in.
      snapshots: [...paSnapshots2018(national), finalSummary2018(national)],
      titleSuffix: ' (replay; declaration order simulated)',
      note: REPLAY_NOTE_2018,
    }),
    night({
      id: 'uk-general-2019',
      final: general,
      timeline: declarationTimes2019(general),
      titleSuffix: ' (replay)',
      note: REPLAY_NOTE_2019,
    }),
  ];
}
