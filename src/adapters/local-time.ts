/**
 * Wall-clock times in source data ("13/12/2019 02:30", UK local time) to instants. The offset
 * of the time zone is computed with `Intl`, so Greenwich Mean Time in December and British
 * Summer Time in May both come out right, as do historical rule changes.
 */

export interface WallClockTime {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds the zone's clock is ahead of UTC at `instant` (BST: 3,600,000). */
export function timeZoneOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ms since the epoch) a wall clock in `timeZone` showed `time`. For the hour that
 * happens twice when clocks go back, the first (summer time) reading is taken; a time skipped
 * when clocks go forward is read with the offset from before the change (01:30 becomes 02:30
 * BST). Neither happens in election-night data, but neither may fail silently elsewhere.
 */
export function zonedTimeToInstant(time: WallClockTime, timeZone: string): number {
  const { year, month, day, hour, minute, second = 0 } = time;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new RangeError(`${year}-${month}-${day} ${hour}:${minute}:${second} is not a valid date and time`);
  }
  // Try the offsets in force a day either side: one of them is right unless the time is in a gap.
  const offsets = [
    ...new Set([timeZoneOffset(wall - 86_400_000, timeZone), timeZoneOffset(wall + 86_400_000, timeZone)]),
  ].sort((a, b) => b - a);
  for (const offset of offsets) {
    const instant = wall - offset;
    if (timeZoneOffset(instant, timeZone) === offset) return instant;
  }
  return wall - offsets[offsets.length - 1]!;
}

const UK_DATE_TIME = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/**
 * "13/12/2019 02:30" (day/month/year, 24-hour clock, UK local time) to an ISO timestamp in UTC,
 * "2019-12-13T02:30:00Z". Throws a `RangeError` for text in any other form.
 */
export function ukLocalTimeToIso(text: string, timeZone = 'Europe/London'): string {
  const match = UK_DATE_TIME.exec(text);
  if (!match) throw new RangeError(`${JSON.stringify(text)} is not a date and time as DD/MM/YYYY HH:MM`);
  const [, day, month, year, hour, minute, second] = match;
  const instant = zonedTimeToInstant(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second ?? 0),
    },
    timeZone,
  );
  return isoSeconds(instant);
}

/** An instant as an ISO timestamp without milliseconds: "2019-12-13T02:30:00Z". */
export function isoSeconds(instant: number): string {
  const iso = new Date(instant).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
