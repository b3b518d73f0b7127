/**
 * Numbers, changes, shares and times through `Intl`, cached per locale. Changes carry an
 * explicit sign and a real minus sign (U+2212): "+75", "−41".
 */
import { translate } from './messages.js';
import { timeValue } from '../feed/timestamp.js';
import { canonicalLocale } from './language-tag.js';

export const MINUS = '\u2212';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A locale Intl has data for: the canonical tag (language-tag.ts), else en-GB rather than throwing. */
export function safeLocale(locale: string | undefined): string {
  const tag = canonicalLocale(locale);
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 ? tag : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/** The text with its first letter in upper case, as the language writes it ("after 130 of 150" → "After …"). */
export function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(safeLocale(locale)) + text.slice(1);
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(safeLocale(locale), options));
}

/** 1692 → "1,692"; with `fractionDigits`, exactly that many decimals: 43.71 → "43.7". */
export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  return numberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

/** 75 → "+75", -41 → "−41", 0 → "0". */
export function formatChange(value: number, locale: string, fractionDigits = 0): string {
  const text = numberFormat(locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
  return text.replace(/[-\u2212]/, MINUS);
}

/** 43.71 → "43.7%". */
export function formatShare(value: number, locale: string, fractionDigits = 1): string {
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value / 100);
}

/** 1.23 → "+1.2pp" (the unit from the message table). */
export function formatPoints(value: number, locale: string, fractionDigits = 1): string {
  return translate(locale, 'change.points', { value: formatChange(value, locale, fractionDigits) });
}

/** A change as words, for screen readers and as a non-colour cue: "up 75", "down 41", "no change". */
export function describeChange(
  value: number,
  locale: string,
  format: (n: number) => string = (n) => formatNumber(n, locale),
): string {
  if (value > 0) return translate(locale, 'change.up', { value: format(value) });
  if (value < 0) return translate(locale, 'change.down', { value: format(-value) });
  return translate(locale, 'change.none');
}

/**
 * An ISO timestamp as a clock time, "02:41", in the reader's time zone unless one is given.
 * Like every formatter here, it takes a feed timestamp (timestamp.ts) or milliseconds, and
 * gives '' rather than throw for a time no `Date` can hold (validated feeds never carry one).
 */
export function formatTime(iso: string | number, locale: string, timeZone?: string): string {
  const time = timeValue(iso);
  if (time === undefined) return '';
  const clock: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  return dateTimeFormat(locale, timeZone, clock, clock, 't').format(time);
}

const speaks = new Map<string, boolean>();

/**
 * Whether `Intl` has dates and relative times in this language. Some browsers' ICU data leaves
 * languages out (Chromium's has no Welsh): there, relative times come from the message tables
 * and dates are written with numbers only, rather than show English words on a Welsh page.
 */
export function intlSpeaks(locale: string): boolean {
  let answer = speaks.get(locale);
  if (answer === undefined) {
    try {
      answer =
        Intl.RelativeTimeFormat.supportedLocalesOf([locale]).length > 0 &&
        Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
    } catch {
      answer = false;
    }
    speaks.set(locale, answer);
  }
  return answer;
}

function dateTimeFormat(
  tag: string,
  timeZone: string | undefined,
  words: Intl.DateTimeFormatOptions,
  numbers: Intl.DateTimeFormatOptions,
  kind: string,
): Intl.DateTimeFormat {
  const locale = canonicalLocale(tag);
  const inWords = intlSpeaks(locale);
  return cached(`${kind}|${locale}|${timeZone ?? ''}`, () => {
    const tag = inWords ? safeLocale(locale) : 'en-GB';
    const options = inWords ? words : numbers;
    try {
      return new Intl.DateTimeFormat(tag, { ...options, timeZone });
    } catch {
      return new Intl.DateTimeFormat(tag, options);
    }
  });
}

/** Date and time in full, for titles and tooltips: "Friday 4 May 2018, 02:41" (or "04/05/2018, 02:41"). */
export function formatDateTime(iso: string | number, locale: string, timeZone?: string): string {
  const time = timeValue(iso);
  if (time === undefined) return '';
  const format = dateTimeFormat(
    locale,
    timeZone,
    { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
    { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
    'dt',
  );
  return format.format(time);
}

/** Day and time without the year: "4 May, 02:41" (or "4/5, 02:41"). */
export function formatDayTime(iso: string | number, locale: string, timeZone?: string): string {
  const time = timeValue(iso);
  if (time === undefined) return '';
  const format = dateTimeFormat(
    locale,
    timeZone,
    { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
    { day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' },
    'day',
  );
  return format.format(time);
}

/**
 * Get `Intl` ready for `locale` ahead of need. The first number and date formats made on a page
 * load the browser's locale data, about 20 ms together, and the first render would pay for it
 * after the feed arrived; a widget waiting for its feed calls this while the page is idle.
 */
export function prepareFormats(locale: string): void {
  formatNumber(0, locale);
  formatTime(0, locale);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit & ('day' | 'hour' | 'minute' | 'second'), number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * "3 min ago"; "just now" under 10 s. A clock a little ahead of the reader's gives "just now",
 * not "in 1 min". Words from `Intl` where it speaks the language, else from the message tables.
 */
export function formatRelativeTime(iso: string | number, now: number, tag: string): string {
  const locale = canonicalLocale(tag);
  const then = timeValue(iso);
  if (then === undefined || !Number.isFinite(now)) return '';
  const elapsed = Math.max(0, now - then);
  if (elapsed < 10_000) return translate(locale, 'time.justNow');
  const [unit, size] = UNITS.find(([, length]) => elapsed >= length) ?? UNITS[UNITS.length - 1]!;
  const count = Math.trunc(elapsed / size);
  if (intlSpeaks(locale)) {
    return cached(
      `r|${locale}`,
      () => new Intl.RelativeTimeFormat(safeLocale(locale), { numeric: 'auto', style: 'short' }),
    ).format(-count, unit);
  }
  return translate(locale, `time.${unit}sAgo`, { count, number: formatNumber(count, locale) });
}
