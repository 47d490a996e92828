import { t } from './i18n';

/**
 * Value-to-text helpers shared by the popup and the options page, so that one figure reads the same wherever
 * it shows: durations, dates and day keys, and errors.
 */

export const MS_PER_MINUTE = 60_000;

/** Whole minutes, as the tables and the words show them. */
function wholeMinutes(ms: number): number {
  return Math.round(ms / MS_PER_MINUTE);
}

/** "< 1 min", "45 min", "2 h", "3 h 10 min": the dashboard's totals, which run to hours over a month. */
export function formatDuration(ms: number): string {
  const total = wholeMinutes(ms);
  if (total === 0) return ms > 0 ? t('usage_lessThanMinute') : t('usage_minutes', ['0']);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t('usage_minutes', [String(rest)]);
  if (rest === 0) return t('usage_hours', [String(hours)]);
  return t('usage_hoursMinutes', [String(hours), String(rest)]);
}

/** "less than a minute", "75 minutes": the popup's time today on one site, in minutes only. */
export function formatMinutes(ms: number): string {
  const m = wholeMinutes(ms);
  return m < 1 && ms > 0 ? t('lessThanAMinute') : t('minutes', [String(m)]);
}

/** A date and time in the page's language. */
export function formatTime(at: number): string {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  } catch {
    return new Date(at).toISOString();
  }
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
