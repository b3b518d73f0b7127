/**
 * The lines `tally publish` prints: one per publication on stdout, problems on stderr. Written
 * for a producer watching a terminal at 3 a.m.: time, revision, how far the night has got,
 * what changed, by name.
 */
import type { Feed, FeedEvent } from '../../feed/schema.js';
import { count, formatProblem } from '../context.js';
import type { Problem, RejectionStage } from './night.js';
import type { PublishResult } from './publisher.js';

/** "02:41:07", the machine's local time. */
export function clockTime(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}

/** "Redditch, Basildon and 3 more" */
function names(feed: Feed, ids: readonly string[], limit = 3): string {
  const byId = new Map(feed.areas.map((area) => [area.id, area.name]));
  const shown = ids.slice(0, limit).map((id) => byId.get(id) ?? id);
  return ids.length > limit ? `${shown.join(', ')} and ${ids.length - limit} more` : shown.join(', ');
}

/** What a publication changed, in words: "2 declared (Redditch, Basildon); 1 change of control; 1 correction (Hull East)". */
export function describeChanges(result: Extract<PublishResult, { kind: 'published' }>, first: boolean): string {
  const { changes, feed, added } = result;
  const parts: string[] = [];
  if (first) parts.push('first publication');
  if (changes.declared.length > 0) parts.push(`${changes.declared.length} declared (${names(feed, changes.declared)})`);
  const controlChanges = added.filter((event: FeedEvent) => event.kind === 'control-change').length;
  if (controlChanges > 0) parts.push(count(controlChanges, 'change of control', 'changes of control'));
  if (changes.corrected.length > 0)
    parts.push(`${count(changes.corrected.length, 'correction')} (${names(feed, changes.corrected)})`);
  if (changes.recounts.length > 0)
    parts.push(`${count(changes.recounts.length, 'recount')} (${names(feed, changes.recounts)})`);
  if (changes.statusChanged.length > 0)
    parts.push(`${changes.statusChanged.length} now ${describeStatuses(feed, changes.statusChanged)}`);
  // Areas that arrive declared are counted as declarations only.
  const declaredIds = new Set(changes.declared);
  const arrived = changes.added.filter((id) => !declaredIds.has(id));
  if (!first && arrived.length > 0) parts.push(`${count(arrived.length, 'area')} added (${names(feed, arrived)})`);
  if (changes.removed.length > 0) parts.push(`${count(changes.removed.length, 'area')} removed`);
  if (changes.summaryChanged) parts.push('state of parties updated');
  if (result.dropped.length > 0) parts.push(`${count(result.dropped.length, 'event')} dropped (area or party gone)`);
  const otherEvents = added.filter((event) => event.kind === 'note').length;
  if (otherEvents > 0) parts.push(count(otherEvents, 'note'));
  return parts.length > 0 ? parts.join('; ') : 'other details changed';
}

function describeStatuses(feed: Feed, ids: readonly string[]): string {
  const statuses = new Set(ids.map((id) => feed.areas.find((area) => area.id === id)?.status));
  return [...statuses].join(' or ');
}

/** "r13  02:41:07  312/650 declared  2 declared (Redditch, Basildon)  41 ms" */
export function publicationLine(
  result: Extract<PublishResult, { kind: 'published' }>,
  details: { ms: number; at: number; first: boolean },
): string {
  const declared = result.feed.areas.filter((area) => area.status === 'declared').length;
  const test = result.feed.meta.test ? '  TEST DATA' : '';
  return `r${result.revision}  ${clockTime(details.at)}  ${declared}/${result.feed.areas.length} declared  ${describeChanges(result, details.first)}  ${Math.round(details.ms)} ms${test}`;
}

const STAGES: Record<RejectionStage, string> = {
  read: 'the source could not be read',
  config: 'the election config has problems',
  convert: 'the source has problems',
  validate: 'the converted feed is not valid',
  write: 'the feed could not be written',
};

/** Lines for a rejection: what happened, what stays published, each problem. */
export function rejectionLines(
  problems: readonly Problem[],
  details: { stage: RejectionStage; revision: number | undefined; at: number },
): string[] {
  const stays = details.revision ? `revision ${details.revision} stays published` : 'nothing is published yet';
  const what =
    details.stage === 'config'
      ? 'the edited election config has problems; the last good config stays in use until it is fixed'
      : `not published: ${STAGES[details.stage]}; ${stays}`;
  return [`${clockTime(details.at)}  ${what}`, ...problems.map((problem) => `  ${formatProblem(problem)}`)];
}
