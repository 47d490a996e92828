import { describe, expect, it } from 'vitest';
import { applyBatch, type StoredTotals, WriteBatcher } from '../../src/usage/batcher';
import type { Credit, UsageTotals } from '../../src/usage/schema';
import {
  addCredits,
  addDays,
  csvField,
  dailySeries,
  pruneOlderThan,
  ratio,
  restoreTotals,
  siteTable,
  toCsv,
  todayForSite,
} from '../../src/usage/totals';

const SEC = 1000;
const MIN = 60 * SEC;

const c = (day: string, domain: string, label: Credit['label'], ms: number): Credit => ({ day, domain, label, ms });

function sample(): UsageTotals {
  return addCredits({}, [
    c('2024-03-01', 'youtube.com', 'media', 10 * MIN),
    c('2024-03-09', 'linkedin.com', 'networking', 20 * MIN),
    c('2024-03-10', 'youtube.com', 'media', 30 * MIN),
    c('2024-03-10', 'facebook.com', 'mixed', 5 * MIN),
    c('2024-03-10', 'facebook.com', 'networking', 15 * MIN),
    c('2024-03-10', 'linkedin.com', 'networking', 10 * MIN),
  ]);
}

describe('usage totals', () => {
  it('adds credits without changing the input, skipping malformed ones', () => {
    const before = sample();
    const frozen = JSON.stringify(before);
    const after = addCredits(before, [
      c('2024-03-10', 'youtube.com', 'media', 1 * MIN),
      c('2024-03-10', 'youtube.com', 'media', -5 * MIN),
      c('2024-03-10', 'youtube.com', 'media', Number.NaN),
      c('2024-3-10', 'youtube.com', 'media', MIN),
      c('2024-03-10', '__proto__', 'media', MIN),
      { day: '2024-03-10', domain: 'x.com', label: 'none' as never, ms: MIN },
    ]);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(after['2024-03-10']?.['youtube.com']).toEqual({ media: 31 * MIN, networking: 0, mixed: 0 });
    expect(Object.keys(after['2024-03-10'] ?? {})).not.toContain('x.com');
    expect(Object.getPrototypeOf(after['2024-03-10'])).toBe(Object.prototype);
  });

  it('does arithmetic on day keys across months and leap days', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('prunes days older than the retention, keeping today and later days', () => {
    const totals = addCredits(sample(), [c('2024-03-11', 'x.com', 'media', MIN)]);
    const pruned = pruneOlderThan(totals, 7, '2024-03-10');
    expect(Object.keys(pruned).sort()).toEqual(['2024-03-09', '2024-03-10', '2024-03-11']);
    expect(Object.keys(pruneOlderThan(totals, 10, '2024-03-10'))).toContain('2024-03-01');
    expect(Object.keys(pruneOlderThan(totals, 9, '2024-03-10'))).not.toContain('2024-03-01');
  });

  it('gives a daily series, oldest first, with empty days as zeros', () => {
    const series = dailySeries(sample(), 7, '2024-03-10');
    expect(series.map((d) => d.day)).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
      '2024-03-09',
      '2024-03-10',
    ]);
    expect(series[5]).toEqual({ day: '2024-03-09', media: 0, networking: 20 * MIN, mixed: 0 });
    expect(series[6]).toEqual({ day: '2024-03-10', media: 30 * MIN, networking: 25 * MIN, mixed: 5 * MIN });
    expect(dailySeries(sample(), 30, '2024-03-10')[0]?.day).toBe('2024-02-10');
  });

  it('gives a site table sorted by total', () => {
    const rows = siteTable(sample(), 7, '2024-03-10');
    expect(rows.map((r) => [r.domain, r.total])).toEqual([
      // A tie goes by name, so the order is stable.
      ['linkedin.com', 30 * MIN],
      ['youtube.com', 30 * MIN],
      ['facebook.com', 20 * MIN],
    ]);
    expect(rows[2]).toEqual({
      domain: 'facebook.com',
      media: 0,
      networking: 15 * MIN,
      mixed: 5 * MIN,
      total: 20 * MIN,
    });
    expect(siteTable(sample(), 30, '2024-03-10')[0]).toMatchObject({ domain: 'youtube.com', total: 40 * MIN });
  });

  it('compares media and networking time', () => {
    expect(ratio(sample(), 7, '2024-03-10')).toEqual({
      media: 30 * MIN,
      networking: 45 * MIN,
      mixed: 5 * MIN,
      ratio: 30 / 45,
      mediaShare: 30 / 75,
    });
    expect(ratio(sample(), 7, '2024-03-10', 'youtube.com')).toMatchObject({ ratio: null, mediaShare: 1 });
    expect(ratio({}, 7, '2024-03-10')).toMatchObject({ ratio: null, mediaShare: null });
  });

  it("gives today's time for a site", () => {
    expect(todayForSite(sample(), 'facebook.com', '2024-03-10')).toEqual({
      media: 0,
      networking: 15 * MIN,
      mixed: 5 * MIN,
      total: 20 * MIN,
    });
    expect(todayForSite(sample(), 'constructor', '2024-03-10').total).toBe(0);
    expect(todayForSite(sample(), 'youtube.com', '2024-03-11').total).toBe(0);
  });

  it('exports CSV with RFC 4180 quoting and no formula injection', () => {
    const totals = addCredits({}, [
      c('2024-03-10', 'plain.com', 'media', 1500),
      c('2024-03-10', 'a,"b"', 'networking', 2 * SEC),
      c('2024-03-10', '=HYPERLINK("x")', 'mixed', SEC),
      c('2024-03-10', '+1', 'media', SEC),
      c('2024-03-10', '-2', 'media', SEC),
      c('2024-03-10', '@SUM(A1)', 'media', SEC),
      c('2024-03-09', 'line\nbreak', 'media', SEC),
    ]);
    expect(toCsv(totals).split('\r\n')).toEqual([
      'day,domain,media_seconds,networking_seconds,mixed_seconds',
      '2024-03-09,"line\nbreak",1,0,0',
      `2024-03-10,"'+1",1,0,0`,
      `2024-03-10,"'-2",1,0,0`,
      `2024-03-10,"'=HYPERLINK(""x"")",0,0,1`,
      `2024-03-10,"'@SUM(A1)",1,0,0`,
      '2024-03-10,"a,""b""",0,2,0',
      '2024-03-10,plain.com,2,0,0',
      '',
    ]);
    expect(csvField('\tcmd')).toBe(`"'\tcmd"`);
    expect(toCsv({})).toBe('day,domain,media_seconds,networking_seconds,mixed_seconds\r\n');
  });

  it('restores only well-formed totals', () => {
    const restored = restoreTotals({
      '2024-03-10': {
        'ok.com': { media: 1, networking: 2, mixed: 3 },
        'bad.com': { media: -1, networking: 0, mixed: 0 },
      },
      'not-a-day': { 'ok.com': { media: 1, networking: 0, mixed: 0 } },
      '2024-03-11': 'nope',
    });
    expect(restored).toEqual({ '2024-03-10': { 'ok.com': { media: 1, networking: 2, mixed: 3 } } });
    expect(restoreTotals(null)).toEqual({});
  });
});

describe('write batcher', () => {
  /** The worker's loop: credits every few seconds, a write when the batcher says so. */
  function simulate(forceEveryMs: number | null) {
    const batcher = new WriteBatcher();
    let stored: StoredTotals = { totals: {}, lastBatchId: null };
    const writes: number[] = [];
    let credited = 0;
    for (let now = 0; now <= 10 * 60 * SEC; now += SEC) {
      if (now % (5 * SEC) === 0) {
        batcher.add([c('2024-03-10', 'x.com', 'media', 5 * SEC)]);
        credited += 5 * SEC;
      }
      const force = forceEveryMs !== null && now % forceEveryMs === 0;
      if (batcher.shouldFlush(now, force)) {
        const batch = batcher.take(now);
        if (batch) {
          stored = applyBatch(stored, batch);
          batcher.ack(batch.id);
          writes.push(now);
        }
      }
    }
    const batch = batcher.take(Number.MAX_SAFE_INTEGER);
    if (batch) stored = applyBatch(stored, batch);
    return { writes, stored, credited };
  }

  function maxPerMinute(writes: number[]): number {
    return Math.max(...writes.map((t) => writes.filter((u) => u >= t && u < t + 60 * SEC).length));
  }

  it('writes at most once a minute on its own', () => {
    const { writes, stored, credited } = simulate(null);
    expect(maxPerMinute(writes)).toBe(1);
    expect(writes.length).toBeGreaterThanOrEqual(10);
    expect(stored.totals['2024-03-10']?.['x.com']?.media).toBe(credited);
  });

  it('writes only a few times a minute when asked to flush constantly', () => {
    const { writes, stored, credited } = simulate(SEC);
    expect(maxPerMinute(writes)).toBeLessThanOrEqual(4);
    expect(stored.totals['2024-03-10']?.['x.com']?.media).toBe(credited);
  });

  it('has nothing to write without credits', () => {
    const batcher = new WriteBatcher();
    expect(batcher.shouldFlush(0, true)).toBe(false);
    expect(batcher.take(0)).toBeNull();
  });

  it('retries an unacknowledged batch after a restart and applies it once', () => {
    const batcher = new WriteBatcher();
    batcher.add([c('2024-03-10', 'x.com', 'media', MIN)]);
    let stored: StoredTotals = { totals: {}, lastBatchId: null };
    const batch = batcher.take(1000);
    // The snapshot in storage.session was saved after take() ...
    const session = JSON.parse(JSON.stringify(batcher.snapshot()));
    if (!batch) throw new Error('expected a batch');
    stored = applyBatch(stored, batch);
    // ... and the worker stopped before ack().
    const revived = new WriteBatcher(session);
    revived.add([c('2024-03-10', 'x.com', 'media', MIN)]);
    expect(revived.shouldFlush(1000 + 60 * SEC)).toBe(true);
    const retry = revived.take(1000 + 60 * SEC);
    expect(retry?.id).toBe(batch.id);
    if (!retry) throw new Error('expected a retry');
    const again = applyBatch(stored, retry);
    expect(again.applied).toBe(false);
    revived.ack(retry.id);
    const next = revived.take(1000 + 61 * SEC);
    if (!next) throw new Error('expected the pending credits');
    stored = applyBatch(again, next);
    expect(stored.totals['2024-03-10']?.['x.com']?.media).toBe(2 * MIN);
  });

  it('does not mistake a new session for an old batch', () => {
    let stored: StoredTotals = { totals: {}, lastBatchId: null };
    for (const start of [1000, 5000]) {
      // storage.session is empty after a browser restart: a fresh batcher.
      const batcher = new WriteBatcher();
      batcher.add([c('2024-03-10', 'x.com', 'media', MIN)]);
      const batch = batcher.take(start);
      if (!batch) throw new Error('expected a batch');
      stored = applyBatch(stored, batch);
    }
    expect(stored.totals['2024-03-10']?.['x.com']?.media).toBe(2 * MIN);
  });

  it('restores from a damaged snapshot without losing valid credits', () => {
    const batcher = new WriteBatcher({
      pending: [c('2024-03-10', 'x.com', 'media', MIN), { bogus: true }],
      inFlight: 'nope',
      nextSeq: -3,
      lastFlushAt: 'yesterday',
    });
    expect(batcher.snapshot()).toEqual({
      pending: [c('2024-03-10', 'x.com', 'media', MIN)],
      inFlight: null,
      nextSeq: 1,
      lastFlushAt: null,
    });
  });
});
