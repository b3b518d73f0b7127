/**
 * One canonicalising fallback for every language tag (issue 22, point 4), and what the
 * formatters and messages make of the tags real pages carry.
 */
import { describe, expect, it } from 'vitest';
import { canonicalLocale } from '../../../src/i18n/language-tag.js';
import { formatDateTime, formatNumber, safeLocale } from '../../../src/i18n/format.js';
import { translate } from '../../../src/i18n/messages.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

describe('canonicalLocale', () => {
  it('makes the tags pages write into tags Intl reads', () => {
    const cases: [unknown, string][] = [
      ['en-GB', 'en-GB'],
      ['en_GB', 'en-GB'],
      ['EN_gb', 'en-GB'],
      ['en-gb', 'en-GB'],
      [' cy ', 'cy'],
      ['cy_GB', 'cy-GB'],
      ['zh_hant_tw', 'zh-Hant-TW'],
      ['ar-XB', 'ar-XB'],
      ['de-DE-u-co-phonebk', 'de-DE-u-co-phonebk'],
      ['tostring', 'tostring'],
    ];
    for (const [tag, expected] of cases) expect(canonicalLocale(tag), String(tag)).toBe(expected);
  });

  it('gives en-GB for anything that is not a language tag', () => {
    for (const tag of [
      '',
      '   ',
      'constructor',
      '__proto__',
      'prototype',
      'hasOwnProperty',
      'en--GB',
      'en-',
      '-en',
      'e',
      '123',
      'en GB',
      'en.GB',
      '<script>',
      'x'.repeat(300),
      undefined,
      null,
      42,
      {},
      ['cy'],
    ]) {
      expect(canonicalLocale(tag), JSON.stringify(tag)).toBe('en-GB');
    }
  });

  it('every tag it gives is one toLocaleUpperCase, Intl and the message tables accept', () => {
    for (const tag of ['en_GB', 'cy_GB', 'constructor', '__proto__', 'toString', 'tostring', 'xx-YY', 'en--GB']) {
      const locale = canonicalLocale(tag);
      expect(() => 'a'.toLocaleUpperCase(locale), tag).not.toThrow();
      expect(() => new Intl.NumberFormat(locale).format(1), tag).not.toThrow();
      expect(() => new Intl.PluralRules(locale).select(1), tag).not.toThrow();
    }
  });
});

describe('formatting with the tags real pages carry', () => {
  it('formats in the language meant, and in British English for anything else', () => {
    expect(safeLocale('en_GB')).toBe('en-GB');
    expect(safeLocale('constructor')).toBe('en-GB');
    expect(safeLocale('xx-YY')).toBe('en-GB');
    expect(formatNumber(1234, 'en_GB')).toBe('1,234');
    expect(formatNumber(1234, 'de_DE')).toBe('1.234');
    expect(formatDateTime('2018-05-04T04:30:00Z', 'constructor', 'UTC')).toBe(
      formatDateTime('2018-05-04T04:30:00Z', 'en-GB', 'UTC'),
    );
  });

  it('looks messages up for the canonical tag, falling back to English, never to what Object carries', () => {
    expect(translate(canonicalLocale('cy_GB'), 'feed.test')).toBe(translate('cy', 'feed.test'));
    for (const tag of ['constructor', '__proto__', 'toString', 'valueOf'])
      expect(translate(canonicalLocale(tag), 'feed.test'), tag).toBe('TEST DATA');
  });
});
