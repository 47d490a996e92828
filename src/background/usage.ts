import browser from 'webextension-polyfill';
import type { Label } from '../core/types';
import type { StorageAreaLike } from '../storage/keys';
import type { UsageEvent } from '../usage/accounting';
import { createUsageRecorder } from '../usage/recorder';
import type { SiteUsage, UsageTotals } from '../usage/schema';
import { localArea, managedPolicy } from './areas';
import { storedData } from './storedData';

/** The worker's usage recorder (usage/recorder.ts) on the browser's storage, and the listeners that feed it. */
export const USAGE_ALARM = 'usage-tick';

const recorder = createUsageRecorder({
  local: localArea,
  session: browser.storage.session as unknown as StorageAreaLike,
  retentionDays: async () => (await storedData()).settings.retentionDays,
  usageDisabled: async () => (await managedPolicy()).disableUsage,
  now: () => Date.now(),
});

export function recordUsage(event: UsageEvent, forceFlush = false): Promise<void> {
  return recorder.record(event, forceFlush);
}

export function recordVerdict(tabId: number, domain: string | null, label: Label): Promise<void> {
  return recordUsage({ type: 'verdict', tabId, domain, label });
}

/** Today's time on a site, including what has not been written to the totals yet. */
export function usageToday(domain: string): Promise<SiteUsage & { total: number }> {
  return recorder.today(domain);
}

/** After the retention was lowered: the records it no longer keeps go now, as the options page said. */
export function pruneUsage(): Promise<void> {
  return recorder.prune();
}

export function importUsage(totals: UsageTotals): Promise<void> {
  return recorder.importTotals(totals);
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
  const fresh = await recorder.isFresh();
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
  return recorder.deleteAll();
}
