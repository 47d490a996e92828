import { backupItem, backupKeyFor } from '../storage/backups';
import { item, KEYS, readItem, type StorageAreaLike } from '../storage/keys';
import { reason } from '../storage/problems';
import { localDayOf, reduceUsage, restoreAccountingState, type UsageEvent } from './accounting';
import { applyBatch, WriteBatcher } from './batcher';
import type { AccountingState, Credit, SiteUsage, UsageTotals } from './schema';
import { emptyUsage, overlayTotals, pruneOlderThan, salvageTotals, todayForSite } from './totals';

/**
 * Feeds events to the pure accounting reducer and persists everything it needs between events: the
 * accounting state and unwritten credits in storage.session (one `set` per event), the totals in
 * storage.local (at most a few writes a minute). A stopped worker resumes from there: no timers in memory.
 * The browser APIs come in through `UsageEnv`, so that tests run it against in-memory areas.
 */
export interface UsageEnv {
  local: StorageAreaLike;
  session: StorageAreaLike;
  /** The validated retention setting. */
  retentionDays(): Promise<number>;
  /** The administrator's `disableUsage`: nothing is recorded while it is set. */
  usageDisabled(): Promise<boolean>;
  now(): number;
  /** Defaults to the machine's time zone (`localDayOf`). */
  dayOf?: (epochMs: number) => string;
}

interface UsageRecorder {
  /**
   * Applies one event; `forceFlush` when the moment calls for writing the totals (a tab closed). Answers the
   * credits the event closed, for what reacts to time as it is counted (balance/runner.ts).
   */
  record(event: UsageEvent, forceFlush?: boolean): Promise<Credit[]>;
  /** Today's time on a site, including what has not been written to the totals yet. */
  today(domain: string): Promise<SiteUsage & { total: number }>;
  /** Today's time on every site, including what has not been written yet (for the budgets). */
  todayAll(): Promise<Record<string, SiteUsage>>;
  /** Whether storage.session holds no accounting state yet (browser start, install). */
  isFresh(): Promise<boolean>;
  /** Deletes the records older than the retention now (after it was lowered). */
  prune(): Promise<void>;
  /** Sets imported records over the stored totals. */
  importTotals(totals: UsageTotals): Promise<void>;
  /** "Delete all usage data": the totals and whatever was waiting to be written. */
  deleteAll(): Promise<void>;
}

export function createUsageRecorder(env: UsageEnv): UsageRecorder {
  const dayOf = env.dayOf ?? localDayOf;
  let queue: Promise<unknown> = Promise.resolve();

  /** Events are applied one at a time: each reads and writes the same stored state. */
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  }

  async function loadSession(): Promise<{ state: AccountingState; batcher: WriteBatcher; fresh: boolean }> {
    const stored = await env.session.get([KEYS.usageState.key, KEYS.usageBatch.key]);
    return {
      state: restoreAccountingState(stored[KEYS.usageState.key]),
      batcher: new WriteBatcher(stored[KEYS.usageBatch.key]),
      fresh: readItem(KEYS.usageState, stored).status === 'absent',
    };
  }

  async function saveSession(state: AccountingState, batcher: WriteBatcher): Promise<void> {
    await env.session.set({ ...item(KEYS.usageState, state), ...item(KEYS.usageBatch, batcher.snapshot()) });
  }

  /**
   * The stored totals and the last batch id. Totals with damaged entries are read as what is valid in them,
   * and the stored value goes to a backup in the same `set` that replaces it (`backup` is then non-empty).
   */
  async function loadTotals(now: number) {
    const stored = await env.local.get([KEYS.usageTotals.key, KEYS.usageLastBatch.key]);
    const raw = stored[KEYS.usageTotals.key];
    const { totals, damaged } = salvageTotals(raw);
    const last = readItem(KEYS.usageLastBatch, stored);
    const backup = damaged
      ? backupItem(backupKeyFor(KEYS.usageTotals.key, now), reason('usageDamaged'), raw)
      : ({} as Record<string, unknown>);
    return { totals, lastBatchId: last.status === 'ok' ? last.value : null, backup };
  }

  /**
   * The totals for a reader (the popup's today, the badge's tooltip): damaged totals are set aside and replaced
   * by their valid part at once, so that the options page lists the backup when the damage is first seen, not
   * only when the next minute of use is written.
   */
  async function readTotals(now: number): Promise<UsageTotals> {
    const stored = await loadTotals(now);
    if (Object.keys(stored.backup).length > 0) await writeTotals(stored.totals, stored.lastBatchId, stored.backup);
    return stored.totals;
  }

  async function writeTotals(totals: UsageTotals, lastBatchId: string | null, backup: Record<string, unknown>) {
    await env.local.set({
      ...backup,
      ...item(KEYS.usageTotals, totals),
      ...item(KEYS.usageLastBatch, lastBatchId),
    });
  }

  async function flush(batcher: WriteBatcher, now: number): Promise<void> {
    const batch = batcher.take(now);
    if (!batch) return;
    const stored = await loadTotals(now);
    const applied = applyBatch(stored, batch);
    const totals = pruneOlderThan(applied.totals, await env.retentionDays(), dayOf(now));
    await writeTotals(totals, applied.lastBatchId, stored.backup);
    batcher.ack(batch.id);
  }

  /** One step of the reducer; credits are kept only while the administrator allows usage records. */
  async function step(event: UsageEvent, force: boolean): Promise<{ batcher: WriteBatcher; credits: Credit[] }> {
    const now = env.now();
    const { state, batcher } = await loadSession();
    const next = reduceUsage(state, event, now, { dayOf });
    const credits = (await env.usageDisabled()) ? [] : next.credits;
    batcher.add(credits);
    if (batcher.shouldFlush(now, force)) await flush(batcher, now);
    await saveSession(next.state, batcher);
    return { batcher, credits };
  }

  return {
    record: (event, forceFlush = false) => serialized(async () => (await step(event, forceFlush)).credits),

    today: (domain) =>
      serialized(async () => {
        const { batcher } = await step({ type: 'tick' }, true);
        if (await env.usageDisabled()) return { ...emptyUsage(), total: 0 };
        const now = env.now();
        const today = dayOf(now);
        const written = todayForSite(await readTotals(now), domain, today);
        // Credits still waiting for the next write count too: the popup shows time up to now.
        for (const credit of batcher.snapshot().pending) {
          if (credit.domain === domain && credit.day === today) {
            written[credit.label] += credit.ms;
            written.total += credit.ms;
          }
        }
        return written;
      }),

    todayAll: () =>
      serialized(async () => {
        // No tick here: the worker asks right after the minute's tick, whose credits are pending or written.
        if (await env.usageDisabled()) return {};
        const now = env.now();
        const today = dayOf(now);
        const { batcher } = await loadSession();
        const out: Record<string, SiteUsage> = {};
        for (const [domain, usage] of Object.entries((await readTotals(now))[today] ?? {})) {
          out[domain] = { ...usage };
        }
        for (const credit of batcher.snapshot().pending) {
          if (credit.day !== today) continue;
          const site = out[credit.domain] ?? emptyUsage();
          site[credit.label] += credit.ms;
          out[credit.domain] = site;
        }
        return out;
      }),

    isFresh: async () => (await loadSession()).fresh,

    prune: () =>
      serialized(async () => {
        const now = env.now();
        const stored = await loadTotals(now);
        const totals = pruneOlderThan(stored.totals, await env.retentionDays(), dayOf(now));
        if (JSON.stringify(totals) !== JSON.stringify(stored.totals) || Object.keys(stored.backup).length > 0) {
          await writeTotals(totals, stored.lastBatchId, stored.backup);
        }
      }),

    importTotals: (incoming) =>
      serialized(async () => {
        const now = env.now();
        const stored = await loadTotals(now);
        const totals = pruneOlderThan(overlayTotals(stored.totals, incoming), await env.retentionDays(), dayOf(now));
        await writeTotals(totals, stored.lastBatchId, stored.backup);
      }),

    deleteAll: () =>
      serialized(async () => {
        const { state } = await loadSession();
        await env.local.remove([KEYS.usageTotals.key, KEYS.usageLastBatch.key]);
        await saveSession(state, new WriteBatcher());
      }),
  };
}
