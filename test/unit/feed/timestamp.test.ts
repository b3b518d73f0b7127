/**
 * The schema's timestamp rule and the parser agree exactly (issue 22): what validates can be
 * parsed and shown, and what cannot be parsed does not validate. Both directions are tested,
 * on hand-picked boundaries and on generated date-times, against an independent oracle (the
 * calendar, through Date.UTC) and against the engine's own Date.parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimestamp, parseTimestamp, timeValue, TIMESTAMP_PATTERN } from '../../../src/feed/timestamp.js';
import { validateFeed } from '../../../src/feed/validate.js';
import { council, rawFeed } from '../support/feed.js';

/** What the schema says about `dataChangedAt`, declaredAt and an event's `at`. */
function schemaAccepts(text: string): boolean {
  const feed = rawFeed([council('A', 'con', 'con', { declaredAt: text })], {
    dataChangedAt: text,
    events: [{ id: 'e1', kind: 'note', at: text, text: 'A note' }],
  });
  const result = validateFeed(feed);
  if (result.ok) return true;
  const paths = result.errors.map((issue) => issue.path).sort();
  // Refused, and only for its times (every one of them).
  expect(paths).toEqual(['areas[0].declaredAt', 'events[0].at', 'meta.dataChangedAt', 'meta.generatedAt']);
  return false;
}

const ACCEPTED: [string, number][] = [
  ['2018-05-04T04:30:00Z', Date.UTC(2018, 4, 4, 4, 30)],
  ['2018-05-04T05:30:00+01:00', Date.UTC(2018, 4, 4, 4, 30)],
  ['2018-05-04T04:30:00-00:00', Date.UTC(2018, 4, 4, 4, 30)],
  ['2018-05-03T23:30:00-05:00', Date.UTC(2018, 4, 4, 4, 30)],
  ['2018-05-04T04:30:00.5Z', Date.UTC(2018, 4, 4, 4, 30, 0, 500)],
  ['2018-05-04T04:30:00.123456789Z', Date.UTC(2018, 4, 4, 4, 30, 0, 123)],
  ['2018-05-04t04:30:00z', Date.UTC(2018, 4, 4, 4, 30)],
  ['2018-05-04T23:59:59+23:59', Date.UTC(2018, 4, 4, 0, 0, 59)],
  ['2020-02-29T00:00:00Z', Date.UTC(2020, 1, 29)],
  ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ['2018-04-30T00:00:00Z', Date.UTC(2018, 3, 30)],
  ['2018-12-31T23:59:59Z', Date.UTC(2018, 11, 31, 23, 59, 59)],
  ['0001-01-01T00:00:00Z', -62135596800000],
  ['9999-12-31T23:59:59Z', 253402300799000],
];

/** Every way a real feed got a time wrong that we know of, and the boundaries of each field. */
const REFUSED = [
  // From the attack report: Date.parse gives NaN for these, and valibot's isoTimestamp took them.
  '2018-05-04T04:30:00+01',
  '2018-05-04T04:30:00 +01:00',
  '2018-05-04T04:30:00-00',
  // Other offsets without their colon or minutes, and offsets out of range.
  '2018-05-04T04:30:00+0100',
  '2018-05-04T04:30:00+1',
  '2018-05-04T04:30:00+24:00',
  '2018-05-04T04:30:00+01:60',
  // No time zone at all (local time: a different instant for every reader).
  '2018-05-04T04:30:00',
  '2018-05-04T04:30:00.000',
  // A space for the T, no seconds, no time, times out of range.
  '2018-05-04 04:30:00Z',
  '2018-05-04T04:30Z',
  '2018-05-04',
  '2018-05-04T24:00:00Z',
  '2018-05-04T04:60:00Z',
  '2018-05-04T04:30:60Z',
  '2018-05-04T4:30:00Z',
  '2018-05-04T04:30:00.Z',
  '2018-05-04T04:30:00.1234567890Z',
  // Dates that do not exist (Date.parse in Chromium rolls them into the next month).
  '2018-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2018-02-30T00:00:00Z',
  '2018-04-31T00:00:00Z',
  '2018-13-01T00:00:00Z',
  '2018-00-10T00:00:00Z',
  '2018-05-00T00:00:00Z',
  '2018-05-32T00:00:00Z',
  // Other shapes Date.parse may or may not take.
  '+002018-05-04T04:30:00Z',
  '18-05-04T04:30:00Z',
  '2018-5-4T04:30:00Z',
  'Fri, 04 May 2018 04:30:00 GMT',
  '1525408200000',
  ' 2018-05-04T04:30:00Z',
  '2018-05-04T04:30:00Z ',
  '2018-05-04T04:30:00Z\n',
  '２０１８-05-04T04:30:00Z',
  '',
];

describe('parseTimestamp and the schema agree', () => {
  it('accepts and parses RFC 3339 date-times exactly', () => {
    for (const [text, expected] of ACCEPTED) {
      expect(parseTimestamp(text), text).toBe(expected);
      expect(schemaAccepts(text), text).toBe(true);
    }
  });

  it('refuses, in the schema and the parser alike, every form it cannot read the same everywhere', () => {
    for (const text of REFUSED) {
      expect(parseTimestamp(text), JSON.stringify(text)).toBe(undefined);
      expect(isTimestamp(text), JSON.stringify(text)).toBe(false);
      expect(schemaAccepts(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('takes nothing but strings', () => {
    for (const value of [undefined, null, 0, 1525408200000, {}, ['2018-05-04T04:30:00Z']])
      expect(parseTimestamp(value)).toBe(undefined);
  });

  it('on generated date-times: valid exactly when the calendar has that day and time, and then parsed as the engine parses it', () => {
    const twoDigits = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1, max: 9999 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 61 }),
          second: fc.integer({ min: 0, max: 61 }),
          fraction: fc.option(fc.stringMatching(/^\d{1,10}$/), { nil: undefined }),
          zone: fc.oneof(
            fc.constant('Z'),
            fc.record({
              sign: fc.constantFrom('+', '-'),
              hours: fc.integer({ min: 0, max: 25 }),
              minutes: fc.integer({ min: 0, max: 61 }),
            }),
          ),
        }),
        ({ year, month, day, hour, minute, second, fraction, zone }) => {
          const offset =
            typeof zone === 'string' ? zone : `${zone.sign}${twoDigits(zone.hours)}:${twoDigits(zone.minutes)}`;
          const text = `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(second)}${fraction !== undefined ? `.${fraction}` : ''}${offset}`;
          // The oracle: the calendar itself (a date that rolls over is not a real one).
          const calendar = new Date(0);
          calendar.setUTCFullYear(year, month - 1, day);
          const realDate =
            month >= 1 && month <= 12 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
          const zoneOk = typeof zone === 'string' || (zone.hours <= 23 && zone.minutes <= 59);
          const valid =
            realDate &&
            hour <= 23 &&
            minute <= 59 &&
            second <= 59 &&
            (fraction === undefined || fraction.length <= 9) &&
            zoneOk;
          const parsed = parseTimestamp(text);
          expect(TIMESTAMP_PATTERN.test(text), text).toBe(valid);
          expect(parsed !== undefined, text).toBe(valid);
          // What validates is what Chromium's and Node's Date.parse read, to the millisecond.
          if (valid && year >= 100) expect(parsed, text).toBe(Date.parse(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('the schema takes what the parser takes, on the same generated strings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACCEPTED.map(([text]) => text), ...REFUSED),
        fc.nat(30),
        fc.constantFrom('', '0', ':', 'Z', '+', ' ', 'T'),
        (base, at, insert) => {
          const text = base.slice(0, at) + insert + base.slice(at + 1);
          expect(schemaAccepts(text), text).toBe(parseTimestamp(text) !== undefined);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('timeValue', () => {
  it('gives formatters a time they can format, or nothing', () => {
    expect(timeValue('2018-05-04T04:30:00Z')).toBe(Date.UTC(2018, 4, 4, 4, 30));
    expect(timeValue(0)).toBe(0);
    expect(timeValue(-8.64e15)).toBe(-8.64e15);
    for (const value of [Number.NaN, Infinity, -Infinity, 8.64e15 + 1, '2018-05-04T04:30:00+01', 'yesterday'])
      expect(timeValue(value), String(value)).toBe(undefined);
  });
});
