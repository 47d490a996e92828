import type { Label } from '../core/types';
import type { UsageEvent } from '../usage/accounting';
import { createUsageRecorder } from '../usage/recorder';
import type { Credit, SiteUsage, UsageTotals } from '../usage/schema';
import type { Areas } from './areas';
import type { WorkerEnv } from './env';
import type { StoredDataCache } from './storedData';

/** The worker's usage recorder (usage/recorder.ts) on the browser's storage, and the listeners that feed it. */
export const USAGE_ALARM = 'usage-tick';

export interface Usage {
  /** Applies one event now; `forceFlush` when the moment calls for writing the totals (a tab closed). */
  recordUsage(event: UsageEvent, forceFlush?: boolean): Promise<void>;
  recordVerdict(tabId: number, domain: string | null, label: Label): Promise<void>;
  /** Today's time on a site, including what has not been written to the totals yet. */
  usageToday(domain: string): Promise<SiteUsage & { total: number }>;
  /** Today's time on every site, the same way (for the budgets). */
  usageTodayAll(): Promise<Record<string, SiteUsage>>;
  /** After the retention was lowered: the records it no longer keeps go now, as the options page said. */
  pruneUsage(): Promise<void>;
  importUsage(totals: UsageTotals): Promise<void>;
  /** On a fresh session (browser start, install), tell the reducer where things stand. */
  primeUsage(): Promise<void>;
  /** "Delete all usage data": the totals and whatever was waiting to be written. */
  deleteUsage(): Promise<void>;
  /** The browser events that move time between labels; at the worker's start, synchronously. */
  registerUsageListeners(): void;
}

interface Deps {
  /** After each step: its credits, and whether it was the minute's tick (balance.ts). */
  afterStep?(credits: Credit[], tick: boolean): Promise<void>;
  env: Pick<WorkerEnv, 'storage' | 'alarms' | 'idle' | 'tabs' | 'windows' | 'now'>;
  areas: Pick<Areas, 'local' | 'managedPolicy'>;
  stored: Pick<StoredDataCache, 'storedData'>;
}

export function createUsage({ env, areas, stored, afterStep }: Deps): Usage {
  const recorder = createUsageRecorder({
    local: areas.local,
    session: env.storage.session,
    retentionDays: async () => (await stored.storedData()).settings.retentionDays,
    usageDisabled: async () => (await areas.managedPolicy()).disableUsage,
    now: env.now,
  });
  const recordUsage = async (event: UsageEvent, forceFlush = false) => {
    const credits = await recorder.record(event, forceFlush);
    await afterStep?.(credits, event.type === 'tick');
  };

  return {
    recordUsage,
    recordVerdict: (tabId, domain, label) => recordUsage({ type: 'verdict', tabId, domain, label }),
    usageToday: (domain) => recorder.today(domain),
    usageTodayAll: () => recorder.todayAll(),
    pruneUsage: () => recorder.prune(),
    importUsage: (totals) => recorder.importTotals(totals),
    deleteUsage: () => recorder.deleteAll(),

    async primeUsage() {
      const fresh = await recorder.isFresh();
      await env.alarms.create(USAGE_ALARM, { periodInMinutes: 1 });
      env.idle.setDetectionInterval(60);
      if (!fresh) return recordUsage({ type: 'tick' });
      const { windows } = env;
      const [focused, idle, [active]] = await Promise.all([
        // Firefox for Android has no windows API: its one window is in front whenever the browser is.
        windows ? windows.getLastFocused().catch(() => null) : { focused: true },
        env.idle.queryState(60),
        env.tabs.query({ active: true, lastFocusedWindow: true }),
      ]);
      await recordUsage({ type: 'window-focus', focused: Boolean(focused?.focused) });
      await recordUsage({ type: 'idle', state: idle });
      if (active?.id !== undefined) await recordUsage({ type: 'tab-activated', tabId: active.id });
    },

    registerUsageListeners() {
      const { windows, tabs } = env;
      env.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === USAGE_ALARM) void recordUsage({ type: 'tick' });
      });
      tabs.onActivated.addListener(({ tabId, windowId }) => {
        if (!windows) {
          void recordUsage({ type: 'tab-activated', tabId });
          return;
        }
        void windows
          .getLastFocused()
          .then((win) => (win.id === windowId ? recordUsage({ type: 'tab-activated', tabId }) : undefined))
          .catch(() => {});
      });
      windows?.onFocusChanged.addListener((windowId) => {
        const focused = windowId !== windows.WINDOW_ID_NONE;
        void recordUsage({ type: 'window-focus', focused }).then(async () => {
          if (!focused) return;
          const [active] = await tabs.query({ active: true, windowId });
          if (active?.id !== undefined) await recordUsage({ type: 'tab-activated', tabId: active.id });
        });
      });
      env.idle.onStateChanged.addListener((state) => void recordUsage({ type: 'idle', state }));
      tabs.onUpdated.addListener((tabId, change) => {
        if (change.audible !== undefined) void recordUsage({ type: 'media', tabId, playing: change.audible });
      });
      tabs.onRemoved.addListener((tabId) => void recordUsage({ type: 'tab-removed', tabId }, true));
    },
  };
}
