import browser from 'webextension-polyfill';
import type { Label } from '../core/types';
import {
  type AccountingState,
  localDayOf,
  reduceUsage,
  restoreAccountingState,
  type UsageEvent,
} from '../usage/accounting';
import {
  applyBatch,
  pruneOlderThan,
  restoreTotals,
  type SiteUsage,
  todayForSite,
  type UsageTotals,
  WriteBatcher,
} from '../usage/totals';

/**
 * Feeds browser events to the pure accounting reducer and persists everything it needs between events:
 * the accounting state and unwritten credits in storage.session (one `set` per event), the totals in
 * storage.local (at most a few writes a minute). A stopped worker resumes from there: no timers in memory.
 */
const SESSION_KEYS = { state: 'usage:state', batch: 'usage:batch' } as const;
export const TOTALS_KEYS = { totals: 'usageTotals', lastBatch: 'usageLastBatch' } as const;
export const USAGE_ALARM = 'usage-tick';
const DEFAULT_RETENTION_DAYS = 90;

let queue: Promise<unknown> = Promise.resolve();

/** Events are applied one at a time: each reads and writes the same stored state. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => {});
  return next;
}

async function loadSession(): Promise<{ state: AccountingState; batcher: WriteBatcher; fresh: boolean }> {
  const stored = await browser.storage.session.get([SESSION_KEYS.state, SESSION_KEYS.batch]);
  return {
    state: restoreAccountingState(stored[SESSION_KEYS.state]),
    batcher: new WriteBatcher(stored[SESSION_KEYS.batch]),
    fresh: stored[SESSION_KEYS.state] === undefined,
  };
}

async function retentionDays(): Promise<number> {
  const { settings } = await browser.storage.local.get('settings');
  const days = (settings as { retentionDays?: unknown } | undefined)?.retentionDays;
  return typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS;
}

async function flush(batcher: WriteBatcher, now: number): Promise<void> {
  const batch = batcher.take(now);
  if (!batch) return;
  const stored = await browser.storage.local.get([TOTALS_KEYS.totals, TOTALS_KEYS.lastBatch]);
  const lastBatchId = stored[TOTALS_KEYS.lastBatch];
  const applied = applyBatch(
    {
      totals: restoreTotals(stored[TOTALS_KEYS.totals]),
      lastBatchId: typeof lastBatchId === 'string' ? lastBatchId : null,
    },
    batch,
  );
  const totals = pruneOlderThan(applied.totals, await retentionDays(), localDayOf(now));
  await browser.storage.local.set({ [TOTALS_KEYS.totals]: totals, [TOTALS_KEYS.lastBatch]: applied.lastBatchId });
  batcher.ack(batch.id);
}

/** Applies one event now; `forceFlush` when the moment calls for writing the totals (a tab closed). */
export function recordUsage(event: UsageEvent, forceFlush = false): Promise<void> {
  return serialized(async () => {
    const now = Date.now();
    const { state, batcher } = await loadSession();
    const step = reduceUsage(state, event, now, { dayOf: localDayOf });
    batcher.add(step.credits);
    if (batcher.shouldFlush(now, forceFlush)) await flush(batcher, now);
    await browser.storage.session.set({ [SESSION_KEYS.state]: step.state, [SESSION_KEYS.batch]: batcher.snapshot() });
  });
}

export function recordVerdict(tabId: number, domain: string | null, label: Label): Promise<void> {
  return recordUsage({ type: 'verdict', tabId, domain, label });
}

/** Today's time on a site, including what has not been written to the totals yet. */
export function usageToday(domain: string): Promise<SiteUsage & { total: number }> {
  return serialized(async () => {
    const now = Date.now();
    const { state, batcher } = await loadSession();
    const step = reduceUsage(state, { type: 'tick' }, now, { dayOf: localDayOf });
    batcher.add(step.credits);
    if (batcher.shouldFlush(now, true)) await flush(batcher, now);
    await browser.storage.session.set({ [SESSION_KEYS.state]: step.state, [SESSION_KEYS.batch]: batcher.snapshot() });
    const stored = await browser.storage.local.get(TOTALS_KEYS.totals);
    const totals: UsageTotals = restoreTotals(stored[TOTALS_KEYS.totals]);
    const today = localDayOf(now);
    const written = todayForSite(totals, domain, today);
    // Credits still waiting for the next write count too: the popup shows time up to now.
    for (const credit of batcher.snapshot().pending) {
      if (credit.domain === domain && credit.day === today) {
        written[credit.label] += credit.ms;
        written.total += credit.ms;
      }
    }
    return written;
  });
}

/**
 * The windows API, or undefined where the browser has none: Firefox for Android (MDN browser-compat-data,
 * webextensions.api.windows: firefox_android false). A listener added to a missing namespace would throw and
 * stop every registration after it.
 */
function windowsApi(): typeof browser.windows | undefined {
  return (browser as { windows?: typeof browser.windows }).windows;
}

/** On a fresh session (browser start, install), tell the reducer where things stand. */
export async function primeUsage(): Promise<void> {
  const { fresh } = await loadSession();
  await browser.alarms.create(USAGE_ALARM, { periodInMinutes: 1 });
  browser.idle.setDetectionInterval(60);
  if (!fresh) return recordUsage({ type: 'tick' });
  const windows = windowsApi();
  const [focused, idle, [active]] = await Promise.all([
    // Firefox for Android has no windows API: its one window is in front whenever the browser is.
    windows ? windows.getLastFocused().catch(() => null) : { focused: true },
    browser.idle.queryState(60),
    browser.tabs.query({ active: true, lastFocusedWindow: true }),
  ]);
  await recordUsage({ type: 'window-focus', focused: Boolean(focused?.focused) });
  await recordUsage({ type: 'idle', state: idle });
  if (active?.id !== undefined) await recordUsage({ type: 'tab-activated', tabId: active.id });
}

export function registerUsageListeners(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === USAGE_ALARM) void recordUsage({ type: 'tick' });
  });
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    const windows = windowsApi();
    if (!windows) {
      void recordUsage({ type: 'tab-activated', tabId });
      return;
    }
    void windows
      .getLastFocused()
      .then((win) => (win.id === windowId ? recordUsage({ type: 'tab-activated', tabId }) : undefined))
      .catch(() => {});
  });
  windowsApi()?.onFocusChanged.addListener((windowId) => {
    const focused = windowId !== browser.windows.WINDOW_ID_NONE;
    void recordUsage({ type: 'window-focus', focused }).then(async () => {
      if (!focused) return;
      const [active] = await browser.tabs.query({ active: true, windowId });
      if (active?.id !== undefined) await recordUsage({ type: 'tab-activated', tabId: active.id });
    });
  });
  browser.idle.onStateChanged.addListener((state) => void recordUsage({ type: 'idle', state }));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.audible !== undefined) void recordUsage({ type: 'media', tabId, playing: change.audible });
  });
  browser.tabs.onRemoved.addListener((tabId) => void recordUsage({ type: 'tab-removed', tabId }, true));
}

/** "Delete all usage data": the totals and whatever was waiting to be written. */
export function deleteUsage(): Promise<void> {
  return serialized(async () => {
    const { state } = await loadSession();
    await browser.storage.local.remove([TOTALS_KEYS.totals, TOTALS_KEYS.lastBatch]);
    await browser.storage.session.set({
      [SESSION_KEYS.state]: state,
      [SESSION_KEYS.batch]: new WriteBatcher().snapshot(),
    });
  });
}
