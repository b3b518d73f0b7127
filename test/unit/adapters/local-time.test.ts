import { describe, expect, it } from 'vitest';
import { isoSeconds, timeZoneOffset, ukLocalTimeToIso, zonedTimeToInstant } from '../../../src/adapters/local-time.js';

describe('ukLocalTimeToIso', () => {
  it('reads December times as GMT (UTC+0)', () => {
    expect(ukLocalTimeToIso('13/12/2019 02:30')).toBe('2019-12-13T02:30:00Z');
    expect(ukLocalTimeToIso('12/12/2019 23:27')).toBe('2019-12-12T23:27:00Z');
  });

  it('reads summer election times as BST (UTC+1)', () => {
    // 2017 general election night and 2018 local elections.
    expect(ukLocalTimeToIso('09/06/2017 01:30')).toBe('2017-06-09T00:30:00Z');
    expect(ukLocalTimeToIso('04/05/2018 00:25')).toBe('2018-05-03T23:25:00Z');
  });

  it('accepts seconds, single-digit parts and surrounding spaces', () => {
    expect(ukLocalTimeToIso(' 4/5/2018 2:30:15 ')).toBe('2018-05-04T01:30:15Z');
  });

  it('switches offset exactly when the clocks change', () => {
    // Clocks went forward at 01:00 GMT on 25 March 2018 and back at 01:00 GMT on 28 October 2018.
    expect(ukLocalTimeToIso('25/03/2018 00:59')).toBe('2018-03-25T00:59:00Z');
    expect(ukLocalTimeToIso('25/03/2018 02:00')).toBe('2018-03-25T01:00:00Z');
    expect(ukLocalTimeToIso('28/10/2018 00:30')).toBe('2018-10-27T23:30:00Z');
    expect(ukLocalTimeToIso('28/10/2018 02:00')).toBe('2018-10-28T02:00:00Z');
  });

  it('takes the first (summer time) reading of the repeated hour, and reads a skipped time with the old offset', () => {
    expect(ukLocalTimeToIso('28/10/2018 01:30')).toBe('2018-10-28T00:30:00Z');
    expect(ukLocalTimeToIso('25/03/2018 01:30')).toBe('2018-03-25T01:30:00Z');
  });

  it('refuses other formats and impossible dates', () => {
    for (const text of ['2019-12-13 02:30', '13/12/2019', '13/12/19 02:30', 'soon']) {
      expect(() => ukLocalTimeToIso(text), text).toThrow(RangeError);
    }
    expect(() => ukLocalTimeToIso('31/02/2019 02:30')).toThrow(/not a valid date/);
    expect(() => ukLocalTimeToIso('13/12/2019 24:30')).toThrow(/not a valid date/);
  });
});

describe('zonedTimeToInstant', () => {
  it('works for other zones too', () => {
    const instant = zonedTimeToInstant({ year: 2020, month: 11, day: 3, hour: 20, minute: 0 }, 'America/New_York');
    expect(isoSeconds(instant)).toBe('2020-11-04T01:00:00Z');
  });
});

describe('timeZoneOffset', () => {
  it('is one hour in British summer time and zero in winter', () => {
    expect(timeZoneOffset(Date.UTC(2018, 4, 4, 12), 'Europe/London')).toBe(3_600_000);
    expect(timeZoneOffset(Date.UTC(2019, 11, 13, 2), 'Europe/London')).toBe(0);
  });
});

describe('isoSeconds', () => {
  it('drops zero milliseconds and keeps others', () => {
    expect(isoSeconds(Date.UTC(2019, 11, 13, 2, 30))).toBe('2019-12-13T02:30:00Z');
    expect(isoSeconds(Date.UTC(2019, 11, 13, 2, 30, 0, 5))).toBe('2019-12-13T02:30:00.005Z');
  });
});
