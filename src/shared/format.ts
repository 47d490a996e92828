import { formatLocale, t } from './i18n';

/**
 * Value-to-text helpers shared by the popup and the options page, so that one figure reads the same wherever
 * it shows: durations, dates and day keys, and errors. Numbers, units, lists, dates and relative times go through
 * `Intl` in the catalogue's language: the catalogues hold no "$COUNT$ min" of their own.
 */

export const MS_PER_MINUTE = 60_000;

const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>();

/** One formatter per locale and kind, made on first use (the locale is the catalogue's: see i18n.ts). */
function cachedFormatter<F extends Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>(
  kind: string,
  make: (locale: string) => F,
): F {
  const locale = formatLocale();
  const id = `${locale}|${kind}`;
  let found = formatters.get(id) as F | undefined;
  if (!found) {
    found = make(locale);
    formatters.set(id, found);
  }
  return found;
}

/** "45 min", "2 hr": a quantity of one unit, in the catalogue's language (CLDR's units and plurals). */
export function formatUnit(value: number, unit: 'minute' | 'hour'): string {
  return cachedFormatter(
    `unit-${unit}`,
    (locale) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }),
  ).format(value);
}

/** Whole minutes, as the tables and the words show them. */
function wholeMinutes(ms: number): number {
  return Math.round(ms / MS_PER_MINUTE);
}

/** "under 1 min", "45 min", "2 hr", "3 hr 10 min": the dashboard's totals, which run to hours over a month. */
export function formatDuration(ms: number): string {
  const total = wholeMinutes(ms);
  if (total === 0 && ms > 0) return t('durationUnder', [formatUnit(1, 'minute')]);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return formatUnit(rest, 'minute');
  if (rest === 0) return formatUnit(hours, 'hour');
  // A list of units ("3 hr 10 min", "3 h y 10 min"): Intl.DurationFormat is not in every supported browser.
  const units = cachedFormatter('units', (locale) => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }));
  return units.format([formatUnit(hours, 'hour'), formatUnit(rest, 'minute')]);
}

/** "under 1 min", "75 min": the popup's time today on one site, in minutes only. */
export function formatMinutes(ms: number): string {
  const m = wholeMinutes(ms);
  return m < 1 && ms > 0 ? t('durationUnder', [formatUnit(1, 'minute')]) : formatUnit(m, 'minute');
}

/** "a, b and c" in the catalogue's language. */
export function formatList(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
  return cachedFormatter(`list-${type}`, (locale) => new Intl.ListFormat(locale, { type, style: 'long' })).format(
    items,
  );
}

/** "12%", "٪١٢": a share or a change as a whole percent, in the catalogue's language. */
export function formatPercent(fraction: number): string {
  return cachedFormatter(
    'percent',
    (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(fraction);
}

/** A date and time in the catalogue's language ("31 Jan 2025, 14:05"). */
export function formatTime(at: number): string {
  try {
    return new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  } catch {
    return new Date(at).toISOString();
  }
}

const relativeFormat = () =>
  cachedFormatter('relative', (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * How long ago, within the last week ("now", "5 minutes ago", "yesterday"); the date and time beyond that, or
 * for a time in the future (a clock that moved).
 */
export function formatWhen(at: number, now: number): string {
  let amount = (now - at) / 1000;
  if (amount < 0) return formatTime(at);
  for (const [unit, size] of RELATIVE_STEPS) {
    if (amount < size) return relativeFormat().format(-Math.floor(amount), unit);
    amount /= size;
  }
  return formatTime(at);
}

/** "today", "yesterday": a calendar day counted back from today. */
export function formatDaysAgo(days: number): string {
  return relativeFormat().format(-days, 'day');
}

/** Dates from day keys. Day keys are calendar days, so they are formatted in UTC and no time zone moves them. */
export class DayFormat {
  private readonly weekday: Intl.DateTimeFormat;
  private readonly short: Intl.DateTimeFormat;
  private readonly numeric: Intl.DateTimeFormat;
  private readonly long: Intl.DateTimeFormat;

  constructor(locale: string) {
    const make = (options: Intl.DateTimeFormatOptions) => {
      try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      } catch {
        return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
      }
    };
    this.weekday = make({ weekday: 'short' });
    this.short = make({ day: 'numeric', month: 'short' });
    this.numeric = make({ day: 'numeric', month: 'numeric' });
    this.long = make({ weekday: 'long', day: 'numeric', month: 'long' });
  }

  private static date(day: string): Date {
    return new Date(`${day}T00:00:00Z`);
  }

  /** "Mon" */
  weekdayOf(day: string): string {
    return this.weekday.format(DayFormat.date(day));
  }
  /** "3 Mar" / "3. März" */
  shortOf(day: string): string {
    return this.short.format(DayFormat.date(day));
  }
  /** "03/03" / "3.3.", where there is little room */
  numericOf(day: string): string {
    return this.numeric.format(DayFormat.date(day));
  }
  /** "Monday, 3 March" */
  longOf(day: string): string {
    return this.long.format(DayFormat.date(day));
  }
}

/** An error's own message (what a refusal or a browser failure says), for a sentence that names it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
