import { describe, expect, it } from 'vitest';
import {
  describeChange,
  formatChange,
  formatNumber,
  formatPoints,
  formatRelativeTime,
  formatShare,
  formatTime,
  MINUS,
} from '../../../src/i18n/format.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

describe('formatChange', () => {
  it('uses an explicit plus and a real minus sign', () => {
    expect(formatChange(75, 'en-GB')).toBe('+75');
    expect(formatChange(-41, 'en-GB')).toBe(`${MINUS}41`);
    expect(formatChange(-41, 'en-GB')).toBe('\u221241');
    expect(formatChange(0, 'en-GB')).toBe('0');
    expect(formatChange(-1234, 'en-GB')).toBe('\u22121,234');
  });
});

describe('number formats', () => {
  it('groups thousands per locale', () => {
    expect(formatNumber(1692, 'en-GB')).toBe('1,692');
    expect(formatNumber(1692, 'cy')).toBe('1,692');
  });
  it('formats shares and percentage points', () => {
    expect(formatShare(43.71, 'en-GB')).toBe('43.7%');
    expect(formatPoints(1.23, 'en-GB')).toBe('+1.2pp');
    expect(formatPoints(-0.5, 'en-GB')).toBe('\u22120.5pp');
  });
  it('falls back to en-GB for a malformed locale instead of throwing', () => {
    expect(formatNumber(1000, 'not a locale!')).toBe('1,000');
  });
});

describe('describeChange', () => {
  it('says the direction in words', () => {
    expect(describeChange(75, 'en-GB')).toBe('up 75');
    expect(describeChange(-41, 'en-GB')).toBe('down 41');
    expect(describeChange(0, 'en-GB')).toBe('no change');
    expect(describeChange(-41, 'cy')).toBe('i lawr 41');
  });
});

describe('times', () => {
  it('formats a clock time in a given time zone', () => {
    expect(formatTime('2018-05-04T01:41:00Z', 'en-GB', 'Europe/London')).toBe('02:41');
    expect(formatTime('2019-12-13T02:30:00Z', 'en-GB', 'UTC')).toBe('02:30');
  });
  it('gives relative times', () => {
    const now = Date.parse('2018-05-04T02:00:00Z');
    expect(formatRelativeTime('2018-05-04T01:57:00Z', now, 'en-GB')).toBe('3 min ago');
    expect(formatRelativeTime('2018-05-04T01:59:55Z', now, 'en-GB')).toBe('just now');
    expect(formatRelativeTime('2018-05-04T02:01:00Z', now, 'en-GB')).toBe('just now');
    expect(formatRelativeTime('2018-05-04T00:00:00Z', now, 'en-GB')).toBe('2 hr ago');
  });
});

describe('languages Intl does not speak', () => {
  it('uses the message tables for relative times and numbers for dates', async () => {
    const { addMessages } = await import('../../../src/i18n/messages.js');
    const { intlSpeaks, formatDateTime } = await import('../../../src/i18n/format.js');
    addMessages('zy', { 'time.minutesAgo': { other: '{number} zy-min' } });
    expect(intlSpeaks('zy')).toBe(false);
    expect(intlSpeaks('en-GB')).toBe(true);
    const now = Date.parse('2018-05-04T02:00:00Z');
    expect(formatRelativeTime('2018-05-04T01:57:00Z', now, 'zy')).toBe('3 zy-min');
    expect(formatDateTime('2018-05-04T01:41:00Z', 'zy', 'UTC')).toBe('04/05/2018, 01:41');
  });
});
