import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDayOf } from '../../src/usage/accounting';
import { firstRecordedDay, periodSummary } from '../../src/usage/periods';
import type { SiteUsage, UsageTotals } from '../../src/usage/schema';
import { addDays } from '../../src/usage/totals';

/**
 * The Balance page's arithmetic: a period of 1, 7 or 30 days ending today and the one before it, the daily
 * average over the days the extension was counting, the change between the averages, media against
 * networking. "Today" comes from the clock as the worker names days (localDayOf), so the tests set the clock
 * and the time zone and check where the days break.
 */

const MIN = 60_000;
const TODAY = '2025-03-14';

function usage(media: number, networking: number, mixed = 0): SiteUsage {
  return { media: media * MIN, networking: networking * MIN, mixed: mixed * MIN };
}

/** `days` days back from `last`, each day `perDay(back)` for one site. */
function daysOf(last: string, days: number, perDay: (back: number) => Record<string, SiteUsage>): UsageTotals {
  const totals: UsageTotals = {};
  for (let back = 0; back < days; back++) totals[addDays(last, -back)] = perDay(back);
  return totals;
}

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  vi.useRealTimers();
  process.env.TZ = ORIGINAL_TZ;
});

describe('period summary', () => {
  it('sums the 7 days ending today, averages them and compares with the 7 before', () => {
    // 14 days: 20 min media + 10 networking each of the last 7, 10 + 5 each of the 7 before.
    const totals = daysOf(TODAY, 14, (back) => ({ 'x.com': back < 7 ? usage(20, 10) : usage(10, 5) }));
    const week = periodSummary(totals, 7, TODAY);
    expect(week).toMatchObject({
      days: 7,
      from: '2025-03-08',
      to: TODAY,
      media: 140 * MIN,
      networking: 70 * MIN,
      mixed: 0,
      total: 210 * MIN,
      countedDays: 7,
      dailyAverage: 30 * MIN,
      change: 1,
    });
    expect(week.previous).toMatchObject({ from: '2025-03-01', to: '2025-03-07', total: 105 * MIN, countedDays: 7 });
    expect(week.balance.ratio).toBe(2);
    expect(week.balance.mediaShare).toBeCloseTo(2 / 3);
  });

  it('today against yesterday, for all sites or one', () => {
    const totals: UsageTotals = {
      [TODAY]: { 'a.com': usage(30, 0), 'b.com': usage(0, 10, 5) },
      [addDays(TODAY, -1)]: { 'a.com': usage(15, 0), 'b.com': usage(0, 20) },
      [addDays(TODAY, -2)]: { 'a.com': usage(500, 0) },
    };
    const all = periodSummary(totals, 1, TODAY);
    expect(all).toMatchObject({ total: 45 * MIN, dailyAverage: 45 * MIN, countedDays: 1 });
    expect(all.previous.total).toBe(35 * MIN);
    expect(all.change).toBeCloseTo(45 / 35 - 1);
    const b = periodSummary(totals, 1, TODAY, 'b.com');
    expect(b).toMatchObject({ media: 0, networking: 10 * MIN, mixed: 5 * MIN, total: 15 * MIN });
    expect(b.change).toBeCloseTo(15 / 20 - 1);
    expect(b.balance).toMatchObject({ ratio: 0, mediaShare: 0 });
    expect(periodSummary(totals, 1, TODAY, 'c.com')).toMatchObject({ total: 0, change: null });
  });

  it('averages over the days since the first record, and compares averages when the period before was partly counted', () => {
    // Installed 10 days ago: the week before this one was counted on 3 of its days.
    const totals = daysOf(TODAY, 10, () => ({ 'x.com': usage(21, 0) }));
    expect(firstRecordedDay(totals)).toBe(addDays(TODAY, -9));
    const week = periodSummary(totals, 7, TODAY);
    expect(week.previous).toMatchObject({ countedDays: 3, total: 63 * MIN, dailyAverage: 21 * MIN });
    // The same 21 minutes a day: no change, although the week before holds less than half the time.
    expect(week.change).toBe(0);
    const month = periodSummary(totals, 30, TODAY);
    expect(month).toMatchObject({ countedDays: 10, total: 210 * MIN, dailyAverage: 21 * MIN });
    // Nothing was recorded before the 30 days: nothing to compare with.
    expect(month.previous.countedDays).toBe(0);
    expect(month.change).toBeNull();
  });

  it('gives no change when the period before was counted but empty, and none at all without records', () => {
    const totals: UsageTotals = {
      '2025-01-01': { 'x.com': usage(5, 0) },
      [TODAY]: { 'x.com': usage(5, 0) },
    };
    expect(periodSummary(totals, 7, TODAY)).toMatchObject({ countedDays: 7, change: null });
    expect(periodSummary({}, 30, TODAY)).toMatchObject({ total: 0, countedDays: 0, dailyAverage: 0, change: null });
    expect(periodSummary({}, 30, TODAY).balance).toMatchObject({ ratio: null, mediaShare: null });
  });

  it('counts time credited to a day after today (a move west) in no period', () => {
    const totals: UsageTotals = { [addDays(TODAY, 1)]: { 'x.com': usage(60, 0) }, [TODAY]: { 'x.com': usage(10, 0) } };
    expect(periodSummary(totals, 7, TODAY).total).toBe(10 * MIN);
  });
});

describe('period summary on the clock', () => {
  const totals: UsageTotals = {
    '2025-03-13': { 'x.com': usage(40, 0) },
    '2025-03-14': { 'x.com': usage(0, 20) },
  };

  it('moves to the next day at local midnight, not before', () => {
    process.env.TZ = 'Europe/Berlin';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-14T22:59:59Z')); // 23:59:59 in Berlin
    let today = localDayOf(Date.now());
    expect(today).toBe('2025-03-14');
    expect(periodSummary(totals, 1, today)).toMatchObject({ total: 20 * MIN, change: -0.5 });
    vi.setSystemTime(new Date('2025-03-14T23:00:00Z')); // midnight in Berlin
    today = localDayOf(Date.now());
    expect(today).toBe('2025-03-15');
    const fresh = periodSummary(totals, 1, today);
    // A new day starts at nothing, compared with the whole of yesterday.
    expect(fresh).toMatchObject({ total: 0, change: -1 });
    expect(fresh.previous.total).toBe(20 * MIN);
    expect(periodSummary(totals, 7, today)).toMatchObject({ from: '2025-03-09', total: 60 * MIN });
  });

  it('names the same instant by each time zone’s own day', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-14T23:30:00Z'));
    process.env.TZ = 'America/Los_Angeles';
    expect(periodSummary(totals, 1, localDayOf(Date.now())).total).toBe(20 * MIN);
    process.env.TZ = 'Asia/Tokyo';
    expect(periodSummary(totals, 1, localDayOf(Date.now())).total).toBe(0);
    process.env.TZ = 'UTC';
    expect(localDayOf(Date.now())).toBe('2025-03-14');
  });

  it('keeps whole days across a daylight saving change', () => {
    // Berlin moved its clocks forward on 30 March 2025: that day has 23 hours, and is still one day.
    process.env.TZ = 'Europe/Berlin';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-04-02T10:00:00Z'));
    const today = localDayOf(Date.now());
    const around = daysOf(today, 7, () => ({ 'x.com': usage(10, 0) }));
    expect(Object.keys(around)).toContain('2025-03-30');
    expect(periodSummary(around, 7, today)).toMatchObject({ from: '2025-03-27', countedDays: 7, total: 70 * MIN });
  });
});
