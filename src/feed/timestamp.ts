/**
 * Timestamps in a feed: one rule for what the schema accepts and what the widgets parse, so a
 * time the feed was allowed to carry can always be shown.
 *
 * The rule is RFC 3339 (the profile of ISO 8601 that JSON Schema's `date-time` names): a real
 * calendar date, `T`, a time to the second with optional fractions, and `Z` or an offset as
 * `+hh:mm`/`-hh:mm` — "2018-05-04T04:30:00Z", "2018-05-04T05:30:00.250+01:00". Forms that
 * some parsers take and others do not (a space before the time or the offset, "+01",
 * "+0100", 24:00, February 30th) are refused, so no browser is left with a time it cannot read.
 *
 * The pattern below is the whole rule: the schema uses it as it is (and publishes it in the
 * JSON Schema), and `parseTimestamp` matches it first, then only does arithmetic. Pure.
 */

/** Days 01-28 always, 29 in February of leap years only, 30 and 31 in the months that have them. */
const DATE =
  '(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)';
const TIME = '[Tt](?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?';
const OFFSET = '(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

/** A feed timestamp: the schema's rule (see above). */
export const TIMESTAMP_PATTERN = new RegExp(`^${DATE}${TIME}${OFFSET}$`);

/** The fields of a string the pattern accepted (it already checked their ranges). */
const FIELDS = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** What the schema says about a timestamp it refuses. */
export const TIMESTAMP_MESSAGE =
  'must be a date and time with a time zone, as 2018-05-04T04:30:00Z or 2018-05-04T05:30:00+01:00';

/** Times parsed lately: the same few thousand come back with every feed (the ticker sorts by them). */
const parsed = new Map<string, number | undefined>();

/**
 * Milliseconds since the epoch for a timestamp the schema accepts; undefined for anything
 * else (never NaN). Fractions of a second beyond milliseconds are dropped.
 */
export function parseTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (parsed.has(text)) return parsed.get(text);
  const time = parseNow(text);
  if (parsed.size >= 20_000) parsed.clear();
  parsed.set(text, time);
  return time;
}

function parseNow(text: string): number | undefined {
  if (!TIMESTAMP_PATTERN.test(text)) return undefined;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes] = FIELDS.exec(text)!;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC takes years 0-99 as 1900-1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second), Number((fraction ?? '').padEnd(3, '0').slice(0, 3)));
  const offset =
    sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return date.getTime() - offset;
}

/** True for a timestamp the schema accepts. */
export function isTimestamp(text: unknown): text is string {
  return typeof text === 'string' && TIMESTAMP_PATTERN.test(text);
}

/** The largest distance from the epoch a JavaScript date may have (±100,000,000 days). */
const MAX_TIME = 8.64e15;

/**
 * A time for a formatter: a feed timestamp or milliseconds since the epoch. Undefined for
 * anything a `Date` cannot hold, so a formatter is never handed an invalid time (which throws
 * "Invalid time value").
 */
export function timeValue(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_TIME ? value : undefined;
  return parseTimestamp(value);
}
