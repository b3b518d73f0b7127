/**
 * A plain hint for each validation problem: what to do about it, in a sentence. The validator
 * says where and what ("areas[12].control.after: unknown party 'lib'"); the CLI adds how to
 * fix it ("add it to parties[] or fix the id").
 */
import type { FeedIssue } from '../feed/validate.js';

interface HintRule {
  readonly test: RegExp;
  readonly hint: (match: RegExpExecArray, issue: FeedIssue) => string;
}

const RULES: readonly HintRule[] = [
  {
    test: /^received HTML/,
    hint: () => 'The address returned a web page, not the feed: check the URL (a login page or an error page?).',
  },
  {
    test: /^not valid JSON/,
    hint: () =>
      'The file is not JSON: was it written completely? A feed is published whole (tally publish writes it atomically).',
  },
  { test: /^unknown party '([^']*)'/, hint: () => 'add it to parties[] or fix the id' },
  { test: /^unknown area '([^']*)'/, hint: () => 'add it to areas[] or fix the id' },
  {
    test: /^duplicate party id '([^']*)'/,
    hint: () => 'each party is listed once in parties[]: remove the copy or give it its own id',
  },
  { test: /^duplicate area id '([^']*)'/, hint: () => 'area ids are unique: two areas share this one (a copied row?)' },
  { test: /^duplicate event id/, hint: () => 'event ids are unique and stable: give each event its own' },
  {
    test: /^party '([^']*)' appears twice/,
    hint: () => "one result per party per area: add the two rows' figures together",
  },
  {
    test: /is reserved for no overall control/,
    hint: () => 'use "noc" only in control and summary rows, never as a party id',
  },
  {
    test: /^is required$/,
    hint: (_m, issue) => `add ${lastKey(issue.path)}: see the ${section(issue.path)} section of docs/feed.md`,
  },
  {
    test: /^must be "tally-feed\/1"/,
    hint: () => 'is this a Tally feed? Make one from your source with `tally convert`',
  },
  {
    test: /seats up is more than the .* seats in total/,
    hint: () => 'seats.up cannot be more than seats.total: check both',
  },
  {
    test: /majority of .* is more than/,
    hint: () => 'seats.majority is the seats needed for a majority: at most seats.total',
  },
  {
    test: /seats won is more than/,
    hint: () => 'the parties won more seats than were up: check the seats per party and seats.up',
  },
  {
    test: /seats held is more than/,
    hint: () => 'whole-council seats held add up to more than the council has: check seatsHeld and seats.total',
  },
  { test: /votes is more than the electorate/, hint: () => 'check the votes per party and the electorate' },
  {
    test: /vote shares add up to/,
    hint: () => 'shares are per cent of the votes cast: a row counted twice, or votes given as shares?',
  },
  {
    test: /councils counted is more than/,
    hint: () => 'summary.total is the number of councils the totals cover: check it and the councils per party',
  },
  { test: /declared is more than/, hint: () => 'summary.declared cannot exceed summary.total' },
  { test: /is not one of the tied parties/, hint: () => 'the winner of a tie is one of the parties in ties[].parties' },
  { test: /uncontested seats but only/, hint: () => 'uncontested seats are counted within seats won' },
  {
    test: /^must be an ISO 8601 timestamp/,
    hint: () => 'write times like 2026-05-07T23:41:07Z or 2026-05-08T00:41:07+01:00',
  },
  { test: /^must be a date as YYYY-MM-DD/, hint: () => 'write dates like 2026-05-07' },
  { test: /^must be 1-32 lower-case letters/, hint: () => 'party ids become CSS names: e.g. "lab", "green", "snp"' },
  { test: /^must be 1-64 letters, digits/, hint: () => 'use the area\'s GSS or ONS code, e.g. "E08000019"' },
  { test: /^must be one of (.*)$/, hint: (m) => `use one of ${m[1]}` },
  { test: /^must be a whole number/, hint: () => 'seats and votes are whole numbers' },
  { test: /^must not be negative/, hint: () => 'counts cannot be negative: use seatsChange or shareChange for falls' },
  {
    test: /^must be at most (\S+)/,
    hint: (m) =>
      `the largest value allowed is ${m[1]}: is the unit right (a share given as a fraction of 1, votes pasted twice)?`,
  },
  { test: /^must be a number/, hint: () => 'write a number without quotes, thousands separators or a % sign' },
  { test: /^must not be blank/, hint: () => 'give it some text, or leave the field out' },
  { test: /needs its text/, hint: () => 'give the note a text (or texts per language)' },
  {
    test: /needs an area or its own text/,
    hint: () => 'name the area the event is about, or give the sentence to show',
  },
  { test: /^Invalid type: Expected (\S+)/, hint: (m) => `write a ${m[1]} here` },
];

function lastKey(path: string): string {
  const key = /([A-Za-z]+)(?:\[\d+\])?$/.exec(path)?.[1];
  return key ? `"${key}"` : 'the field';
}

/** The docs/feed.md section a path belongs to: `areas[]`, `meta`, ... */
function section(path: string): string {
  const top = /^[A-Za-z]+/.exec(path)?.[0];
  if (!top) return 'top level';
  return ['areas', 'parties', 'events'].includes(top) ? `\`${top}[]\`` : `\`${top}\``;
}

/** The hint for one issue: a specific one when the problem is known, else where the docs describe the field. */
export function hintFor(issue: FeedIssue): string {
  for (const rule of RULES) {
    const match = rule.test.exec(issue.message);
    if (match) return rule.hint(match, issue);
  }
  return issue.path ? `see the ${section(issue.path)} section of docs/feed.md` : 'see docs/feed.md for the format';
}
