import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/storage/backups';
import { createUsageRecorder, type UsageEnv } from '../../src/usage/recorder';
import { daysOlderThan } from '../../src/usage/totals';
import { fakeLocalArea } from '../helpers/fakeArea';

const MIN = 60_000;
const T0 = Date.UTC(2024, 2, 10, 12);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The recorder over in-memory areas, with a clock the test moves and a policy it can change. */
function setup(local = fakeLocalArea(), options: { disabled?: boolean; retentionDays?: number } = {}) {
  const session = fakeLocalArea();
  let clock = T0;
  const env: UsageEnv = {
    local,
    session,
    retentionDays: async () => options.retentionDays ?? 90,
    usageDisabled: async () => options.disabled ?? false,
    now: () => clock,
    dayOf,
  };
  const recorder = createUsageRecorder(env);
  /** Ten minutes on youtube.com as media, in the focused tab, then the tab closes (which writes). */
  const watch = async () => {
    await recorder.record({ type: 'tab-activated', tabId: 1 });
    await recorder.record({ type: 'verdict', tabId: 1, domain: 'youtube.com', label: 'media' });
    clock += 2 * MIN;
    for (let i = 0; i < 4; i++) {
      await recorder.record({ type: 'tick' });
      clock += 2 * MIN;
    }
    await recorder.record({ type: 'tab-removed', tabId: 1 }, true);
  };
  return { recorder, local, session, watch, advance: (ms: number) => (clock += ms) };
}

describe('usage recorder', () => {
  it('records time to the totals', async () => {
    const { recorder, local, watch } = setup();
    await watch();
    expect(local.snapshot().usageTotals).toEqual({
      '2024-03-10': { 'youtube.com': { media: 10 * MIN, networking: 0, mixed: 0 } },
    });
    expect((await recorder.today('youtube.com')).total).toBe(10 * MIN);
  });

  it("records nothing while the administrator's disableUsage policy is set, and the popup reads zero", async () => {
    const { recorder, local, session, watch } = setup(fakeLocalArea(), { disabled: true });
    await watch();
    expect(local.snapshot().usageTotals ?? {}).toEqual({});
    // Nothing is waiting to be written either: a policy lifted later does not bring the time back.
    expect((session.snapshot()['usage:batch'] as { pending: unknown[] }).pending).toEqual([]);
    expect(await recorder.today('youtube.com')).toEqual({ media: 0, networking: 0, mixed: 0, total: 0 });
  });

  it('backs corrupt totals up, with the reason, before it replaces them with what was valid in them', async () => {
    const corrupt = {
      '2024-03-09': { 'reddit.com': { media: 5 * MIN, networking: 1 * MIN, mixed: 0 }, 'x.com': { media: 'lots' } },
      'not a day': { 'y.com': { media: 1, networking: 1, mixed: 1 } },
    };
    const local = fakeLocalArea({ usageTotals: corrupt });
    const { watch } = setup(local);
    await watch();
    const [backup] = await listBackups(local);
    expect(backup).toMatchObject({ key: 'usageTotals', area: 'local', reason: { code: 'usageDamaged' } });
    expect(backup?.value).toEqual(corrupt);
    expect(local.snapshot().usageTotals).toEqual({
      '2024-03-09': { 'reddit.com': { media: 5 * MIN, networking: 1 * MIN, mixed: 0 } },
      '2024-03-10': { 'youtube.com': { media: 10 * MIN, networking: 0, mixed: 0 } },
    });
  });

  it.each([
    ['the popup asks for today', (r: ReturnType<typeof setup>['recorder']) => r.today('reddit.com')],
    ['the worker reads today for every site', (r: ReturnType<typeof setup>['recorder']) => r.todayAll()],
  ])('backs damaged totals up when they are first read, with nothing to write (%s)', async (_when, read) => {
    const corrupt = { '2024-03-10': { 'reddit.com': { media: 5 * MIN, networking: 0, mixed: 0 }, 'x.com': 7 } };
    const local = fakeLocalArea({ usageTotals: corrupt });
    const { recorder } = setup(local);
    await read(recorder);
    const backups = await listBackups(local);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ key: 'usageTotals', reason: { code: 'usageDamaged' }, value: corrupt });
    expect(local.snapshot().usageTotals).toEqual({
      '2024-03-10': { 'reddit.com': corrupt['2024-03-10']['reddit.com'] },
    });
    // Read again: the totals are sound now, and no second copy is made.
    await read(recorder);
    expect(await listBackups(local)).toHaveLength(1);
  });

  it('valid totals are replaced without a backup', async () => {
    const { local, watch } = setup();
    await watch();
    await watch();
    expect(await listBackups(local)).toEqual([]);
  });

  it('prunes at once after the retention is lowered, as many days as daysOlderThan said', async () => {
    const totals = {
      '2024-01-01': { 'a.com': { media: 1, networking: 0, mixed: 0 } },
      '2024-02-01': { 'a.com': { media: 1, networking: 0, mixed: 0 } },
      '2024-03-09': { 'a.com': { media: 1, networking: 0, mixed: 0 } },
    };
    const options = { retentionDays: 90 };
    const { recorder, local } = setup(fakeLocalArea({ usageTotals: totals }), options);
    expect(daysOlderThan(totals, 30, '2024-03-10')).toEqual({ days: 2, newest: '2024-02-01' });
    options.retentionDays = 30;
    await recorder.prune();
    expect(Object.keys(local.snapshot().usageTotals as object)).toEqual(['2024-03-09']);
  });

  it('sets imported records over the stored totals, in turn with its own writes', async () => {
    const { recorder, local, watch } = setup();
    await watch();
    await recorder.importTotals({
      '2024-03-10': { 'linkedin.com': { media: 0, networking: 3 * MIN, mixed: 0 } },
      '2024-03-01': { 'youtube.com': { media: 1 * MIN, networking: 0, mixed: 0 } },
    });
    expect(local.snapshot().usageTotals).toEqual({
      '2024-03-01': { 'youtube.com': { media: 1 * MIN, networking: 0, mixed: 0 } },
      '2024-03-10': {
        'youtube.com': { media: 10 * MIN, networking: 0, mixed: 0 },
        'linkedin.com': { media: 0, networking: 3 * MIN, mixed: 0 },
      },
    });
  });

  it('a damaged accounting state in storage.session starts afresh instead of failing every event', async () => {
    const { recorder, session, local, watch } = setup();
    await session.set({ 'usage:state': { version: 1, tabs: 'broken' }, 'usage:batch': { pending: 'x' } });
    await watch();
    expect(local.snapshot().usageTotals).toEqual({
      '2024-03-10': { 'youtube.com': { media: 10 * MIN, networking: 0, mixed: 0 } },
    });
    expect(await recorder.isFresh()).toBe(false);
  });
});
