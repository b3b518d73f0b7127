/**
 * Numbers, changes, shares and times through `Intl`, cached per locale. Changes carry an
 * explicit sign and a real minus sign (U+2212): "+75", "−41".
 */
import { translate } from './messages.js';

export const MINUS = '\u2212';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A locale Intl accepts; unknown tags fall back to en-GB rather than throwing. */
export function safeLocale(locale: string | undefined): string {
  if (!locale) return 'en-GB';
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(safeLocale(locale), options));
}

/** 1692 → "1,692". */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
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
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value / 100);
}

/** 1.23 → "+1.2pp" (the unit from the message table). */
export function formatPoints(value: number, locale: string, fractionDigits = 1): string {
  return translate(locale, 'change.points', { value: formatChange(value, locale, fractionDigits) });
}

/** A change as words, for screen readers and as a non-colour cue: "up 75", "down 41", "no change". */
export function describeChange(value: number, locale: string, format: (n: number) => string = (n) => formatNumber(n, locale)): string {
  if (value > 0) return translate(locale, 'change.up', { value: format(value) });
  if (value < 0) return translate(locale, 'change.down', { value: format(-value) });
  return translate(locale, 'change.none');
}

/** An ISO timestamp as a clock time, "02:41", in the reader's time zone unless one is given. */
export function formatTime(iso: string | number, locale: string, timeZone?: string): string {
  const key = `t|${locale}|${timeZone ?? ''}`;
  const format = cached(key, () => {
    try {
      return new Intl.DateTimeFormat(safeLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone });
    } catch {
      return new Intl.DateTimeFormat(safeLocale(locale), { hour: '2-digit', minute: '2-digit' });
    }
  });
  return format.format(typeof iso === 'number' ? iso : Date.parse(iso));
}

/** Date and time in full, for titles and tooltips: "Friday 4 May 2018, 02:41". */
export function formatDateTime(iso: string | number, locale: string, timeZone?: string): string {
  const key = `dt|${locale}|${timeZone ?? ''}`;
  const format = cached(key, () => {
    const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };
    try {
      return new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone });
    } catch {
      return new Intl.DateTimeFormat(safeLocale(locale), options);
    }
  });
  return format.format(typeof iso === 'number' ? iso : Date.parse(iso));
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 min ago", "just now" (under 10 s), "in 2 min" for clocks slightly ahead. */
export function formatRelativeTime(iso: string | number, now: number, locale: string): string {
  const then = typeof iso === 'number' ? iso : Date.parse(iso);
  const elapsed = then - now;
  const format = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(safeLocale(locale), { numeric: 'auto', style: 'short' }));
  if (Math.abs(elapsed) < 10_000) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size || unit === 'second') return format.format(Math.trunc(elapsed / size), unit);
  }
  return format.format(0, 'second');
}
