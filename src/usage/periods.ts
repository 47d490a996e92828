import type { SiteUsage, UsageTotals } from './schema';
import { addDays, type Balance, ratio } from './totals';

/**
 * The Balance page's figures for a period (today, the last 7 or the last 30 days) and the period just before
 * it: time in all, the daily average, the change between the two, media against networking. Pure: `today`
 * is passed in, as the worker names days (`localDayOf`), so a test can stand on any day in any time zone.
 */

export const PERIODS = [1, 7, 30] as const;
export type PeriodDays = (typeof PERIODS)[number];

interface PeriodFigures extends SiteUsage {
  /** First and last day of the period, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** media + networking + mixed, in ms. */
  total: number;
  /**
   * Days of the period the extension was counting: from the first day anything was recorded, at most the
   * period's length. A person who installed it three days ago has a three-day average, not a seven-day one.
   */
  countedDays: number;
  /** total / countedDays; 0 when no day was counted. */
  dailyAverage: number;
}

export interface PeriodSummary extends PeriodFigures {
  days: PeriodDays;
  balance: Balance;
  previous: PeriodFigures;
  /**
   * The daily average against the previous period's, as a fraction (0.25 is a quarter more); null when the
   * previous period has nothing to compare with (nothing recorded then, or no time at all).
   */
  change: number | null;
}

/** The first day anything was recorded, or null when nothing was. Day keys sort as dates. */
export function firstRecordedDay(totals: UsageTotals): string | null {
  let first: string | null = null;
  for (const day of Object.keys(totals)) if (first === null || day < first) first = day;
  return first;
}

/** Whole days from `from` to `to`, both counted (0 when `to` is before `from`). */
function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000) + 1);
}

function figures(
  totals: UsageTotals,
  days: number,
  last: string,
  first: string | null,
  domain?: string,
): PeriodFigures {
  const from = addDays(last, -(days - 1));
  const { media, networking, mixed } = ratio(totals, days, last, domain);
  const total = media + networking + mixed;
  const countedDays = first === null ? 0 : Math.min(days, daysBetween(first > from ? first : from, last));
  return {
    from,
    to: last,
    media,
    networking,
    mixed,
    total,
    countedDays,
    dailyAverage: countedDays > 0 ? total / countedDays : 0,
  };
}

/**
 * The period of `days` days ending with `today` and the one before it, for all sites or one. The change is
 * between daily averages, so that a previous period only partly counted (the extension installed during it)
 * is compared fairly; today is compared with yesterday as far as today has gone.
 */
export function periodSummary(totals: UsageTotals, days: PeriodDays, today: string, domain?: string): PeriodSummary {
  const first = firstRecordedDay(totals);
  const current = figures(totals, days, today, first, domain);
  const previous = figures(totals, days, addDays(today, -days), first, domain);
  const change =
    previous.countedDays > 0 && previous.dailyAverage > 0
      ? (current.dailyAverage - previous.dailyAverage) / previous.dailyAverage
      : null;
  return { ...current, days, balance: ratio(totals, days, today, domain), previous, change };
}
