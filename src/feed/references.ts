/**
 * Checks that need the whole feed in view: ids are unique, every reference names a declared
 * party or area, and the arithmetic holds (seats won never exceed seats up, and so on).
 * The shape has already been validated by the schema. `checkedBefore(index)`: that area passed
 * every check in the previous feed, whose parties were the same; only its id is checked again.
 */
import { NO_OVERALL_CONTROL, type Area, type Feed } from './schema.js';
import type { FeedIssue } from './validate.js';

export function checkReferences(feed: Feed, checkedBefore?: (areaIndex: number) => boolean): FeedIssue[] {
  const issues: FeedIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });

  const partyIds = new Set<string>();
  feed.parties.forEach((party, index) => {
    if (party.id === NO_OVERALL_CONTROL) {
      report(`parties[${index}].id`, `"${NO_OVERALL_CONTROL}" is reserved for no overall control`);
    } else if (partyIds.has(party.id)) {
      report(`parties[${index}].id`, `duplicate party id '${party.id}'`);
    }
    partyIds.add(party.id);
  });

  // Paths are written only for a problem found (`path` is called then): a valid feed of
  // thousands of areas would otherwise build tens of thousands of strings for nothing.
  const party = (id: string | undefined, path: () => string) => {
    if (id !== undefined && !partyIds.has(id)) report(path(), `unknown party '${id}'`);
  };
  const control = (id: string | undefined, path: () => string) => {
    if (id !== undefined && id !== NO_OVERALL_CONTROL && !partyIds.has(id)) report(path(), `unknown party '${id}'`);
  };

  const areaIds = new Set<string>();
  /** Areas that name a parent, checked once every id is known (a parent may come later). */
  const children: number[] = [];
  feed.areas.forEach((area, index) => {
    const at = `areas[${index}]`;
    if (areaIds.has(area.id)) report(`${at}.id`, `duplicate area id '${area.id}'`);
    areaIds.add(area.id);
    if (area.parent !== undefined) children.push(index);
    // An area passed these checks before, against the same parties: nothing in them has changed.
    if (checkedBefore?.(index)) return;
    const areaControl = area.control;
    if (areaControl) {
      control(areaControl.before, () => `${at}.control.before`);
      control(areaControl.after, () => `${at}.control.after`);
      const largest = areaControl.largestParty;
      if (Array.isArray(largest)) largest.forEach((id, i) => party(id, () => `${at}.control.largestParty[${i}]`));
      else party(largest, () => `${at}.control.largestParty`);
    }
    party(area.winner, () => `${at}.winner`);
    const results = area.results;
    if (results) {
      const seen = new Set<string>();
      for (let i = 0; i < results.length; i++) {
        const result = results[i]!;
        party(result.party, () => `${at}.results[${i}].party`);
        if (seen.has(result.party)) report(`${at}.results[${i}].party`, `party '${result.party}' appears twice`);
        seen.add(result.party);
        if (result.uncontested !== undefined && result.seats !== undefined && result.uncontested > result.seats) {
          report(
            `${at}.results[${i}].uncontested`,
            `${result.uncontested} uncontested seats but only ${result.seats} won`,
          );
        }
      }
    }
    const candidates = area.candidates;
    if (candidates) {
      const seenIds = new Set<string>();
      for (let i = 0; i < candidates.length; i++) {
        const candidate = candidates[i]!;
        party(candidate.party, () => `${at}.candidates[${i}].party`);
        if (candidate.id !== undefined) {
          if (seenIds.has(candidate.id))
            report(`${at}.candidates[${i}].id`, `candidate '${candidate.id}' appears twice`);
          seenIds.add(candidate.id);
        }
      }
    }
    area.transfers?.forEach((transfer, i) => {
      party(transfer.from, () => `${at}.transfers[${i}].from`);
      party(transfer.to, () => `${at}.transfers[${i}].to`);
    });
    area.ties?.forEach((tie, i) => {
      tie.parties.forEach((id, j) => party(id, () => `${at}.ties[${i}].parties[${j}]`));
      party(tie.winner, () => `${at}.ties[${i}].winner`);
      if (!tie.parties.includes(tie.winner))
        report(`${at}.ties[${i}].winner`, `'${tie.winner}' is not one of the tied parties`);
    });
    checkArithmetic(area, at, report);
  });

  if (children.length > 0) {
    const parentOf = new Map<string, string | undefined>();
    for (const area of feed.areas) parentOf.set(area.id, area.parent);
    for (const index of children) checkParent(feed.areas[index]!, `areas[${index}].parent`, parentOf, report);
  }

  const election = feed.meta.election;
  if (election.majority !== undefined && election.seats !== undefined && election.majority > election.seats) {
    report('meta.election.majority', `${election.majority} is more than the ${election.seats} seats`);
  }

  const summary = feed.summary;
  if (summary) {
    const seenRows = new Set<string>();
    summary.parties.forEach((row, i) => {
      control(row.party, () => `summary.parties[${i}].party`);
      if (seenRows.has(row.party)) report(`summary.parties[${i}].party`, `party '${row.party}' appears twice`);
      seenRows.add(row.party);
    });
    if (summary.declared !== undefined && summary.total !== undefined && summary.declared > summary.total) {
      report('summary.declared', `${summary.declared} declared is more than the ${summary.total} in total`);
    }
    // The same sums as for an area: councils controlled (the "noc" row included) cannot
    // outnumber the councils the totals cover, and shares cannot pass 100% beyond rounding.
    const councils = sum(summary.parties.map((row) => row.councils));
    if (summary.total !== undefined && councils > summary.total) {
      report('summary.parties', `${councils} councils counted is more than the ${summary.total} in total`);
    }
    const share = sum(summary.parties.map((row) => row.share));
    if (share > 100.5) report('summary.parties', `vote shares add up to ${share.toFixed(1)}%, more than 100%`);
  }

  const eventIds = new Set<string>();
  feed.events?.forEach((event, i) => {
    const at = `events[${i}]`;
    if (eventIds.has(event.id)) report(`${at}.id`, `duplicate event id '${event.id}'`);
    eventIds.add(event.id);
    if (event.area !== undefined && !areaIds.has(event.area)) report(`${at}.area`, `unknown area '${event.area}'`);
    party(event.party, () => `${at}.party`);
    control(event.from, () => `${at}.from`);
    control(event.to, () => `${at}.to`);
    if (event.kind === 'note' && event.text === undefined && event.texts === undefined)
      report(`${at}.text`, 'a note needs its text');
    if (
      (event.kind === 'declaration' || event.kind === 'control-change' || event.kind === 'recount') &&
      event.area === undefined &&
      event.text === undefined
    ) {
      report(`${at}.area`, `a ${event.kind} event needs an area or its own text`);
    }
  });

  return issues;
}

function checkArithmetic(area: Area, at: string, report: (path: string, message: string) => void) {
  const total = area.seats?.total;
  const up = area.seats?.up;
  const majority = area.seats?.majority;
  if (total !== undefined && up !== undefined && up > total) {
    report(`${at}.seats.up`, `${up} seats up is more than the ${total} seats in total`);
  }
  if (total !== undefined && majority !== undefined && majority > total) {
    report(`${at}.seats.majority`, `a majority of ${majority} is more than the ${total} seats in total`);
  }
  const results = area.results ?? [];
  let won = 0;
  let held = 0;
  for (const result of results) {
    won += result.seats ?? 0;
    held += result.seatsHeld ?? 0;
  }
  const limit = up ?? total;
  if (limit !== undefined && won > limit) {
    report(`${at}.results`, `${won} seats won is more than the ${limit} seats ${up !== undefined ? 'up' : 'in total'}`);
  }
  if (total !== undefined && held > total) {
    report(`${at}.results`, `${held} seats held is more than the ${total} seats in total`);
  }
  // In a ward electing several, each elector has as many votes as there are seats up.
  const perElector = Math.max(1, up ?? 1);
  const electorate = area.electorate;
  const checkVotes = (path: string, list: readonly { votes?: number | undefined; share?: number | undefined }[]) => {
    let votes = 0;
    let share = 0;
    for (const item of list) {
      votes += item.votes ?? 0;
      share += item.share ?? 0;
    }
    if (electorate !== undefined && votes > electorate * perElector) {
      report(
        path,
        `${votes} votes is more than the electorate of ${electorate}${perElector > 1 ? ` with ${perElector} votes each` : ''}`,
      );
    }
    // Shares are rounded by publishers; allow a little over 100 for rounding.
    if (share > 100.5) report(path, `vote shares add up to ${share.toFixed(1)}%, more than 100%`);
  };
  checkVotes(`${at}.results`, results);
  if (electorate !== undefined && area.rejected !== undefined && area.rejected > electorate) {
    report(`${at}.rejected`, `${area.rejected} rejected ballots is more than the electorate of ${electorate}`);
  }
  const candidates = area.candidates;
  if (!candidates) return;
  checkVotes(`${at}.candidates`, candidates);
  const elected = candidates.filter((candidate) => candidate.elected === true).length;
  if (limit !== undefined && elected > limit) {
    report(
      `${at}.candidates`,
      `${elected} elected but only ${limit} seat${limit === 1 ? '' : 's'} ${up !== undefined ? 'up' : 'in total'}`,
    );
  }
}

/** An area's parent is another area of the feed, and following parents never comes back to it. */
function checkParent(
  area: Area,
  at: string,
  parentOf: ReadonlyMap<string, string | undefined>,
  report: (path: string, message: string) => void,
) {
  const parent = area.parent!;
  if (parent === area.id) return report(at, 'an area cannot be its own parent');
  if (!parentOf.has(parent)) return report(at, `unknown area '${parent}'`);
  // Up the chain (usually one step: ward, council). A chain longer than the feed has areas
  // goes round a cycle that does not pass through this area: its members report it.
  let next = parentOf.get(parent);
  for (let steps = 0; next !== undefined && steps < parentOf.size; steps++) {
    if (next === area.id) return report(at, `'${parent}' leads back to '${area.id}': parents must not form a cycle`);
    next = parentOf.get(next);
  }
}

function sum(values: readonly (number | undefined)[]): number {
  let total = 0;
  for (const value of values) if (value !== undefined) total += value;
  return total;
}
