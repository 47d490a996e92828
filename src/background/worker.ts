import { createSyncRetry, SYNC_RETRY_ALARM, type SyncRetry } from '../storage/notes';
import { type Areas, createAreas, restrictStorageToExtension } from './areas';
import { type AutoLabel, createAutoLabel } from './autoLabel';
import { type BalanceWorker, createBalanceWorker } from './balance';
import { createDispatcher } from './dispatch';
import { syncDynamicScripts } from './dynamicScripts';
import type { WorkerEnv } from './env';
import { createHandlers } from './handlers';
import { createLabeler, type Labeler } from './labelTab';
import { classifyOnDemand } from './onDemand';
import { createReminders, type Reminders } from './reminders';
import { createStoredData, type StoredDataCache } from './storedData';
import { createTabStates, type TabStates } from './tabState';
import { createUsage, type Usage } from './usage';
import { openWelcome } from './welcome';

/** The worker's modules, built on one environment; what the handlers and the listeners call. */
export interface WorkerParts {
  areas: Areas;
  stored: StoredDataCache;
  tabStates: TabStates;
  reminders: Reminders;
  usage: Usage;
  labeler: Labeler;
  autoLabel: AutoLabel;
  /** Notes kept on this device by sync's write-rate limit go to sync later, by an alarm (storage/notes/retry.ts). */
  syncRetry: SyncRetry;
  balance: BalanceWorker;
  syncDynamicScripts(): Promise<void>;
  classifyOnDemand(tabId: number): Promise<boolean>;
}

function createWorkerParts(env: WorkerEnv): WorkerParts {
  const areas = createAreas(env);
  const stored = createStoredData(env.storage);
  const tabStates = createTabStates(env.storage.session);
  const reminders = createReminders({ session: env.storage.session, tabs: env.tabs, areas, stored, tabStates });
  // Balance and usage need each other (credits one way, today's totals the other), and the tooltips need the
  // labeler: each is reached through a function called only after all three exist.
  const balance = createBalanceWorker({
    env,
    tabStates,
    todayAll: () => usage.usageTodayAll(),
    budgetsChanged: () => labeler.refreshTooltips(),
  });
  const usage = createUsage({ env, areas, stored, afterStep: balance.afterStep });
  const labeler = createLabeler({
    action: env.action,
    areas,
    stored,
    tabStates,
    reminders,
    recordVerdict: usage.recordVerdict,
    budgetNote: balance.budgetNote,
    now: env.now,
  });
  return {
    areas,
    stored,
    tabStates,
    reminders,
    usage,
    balance,
    labeler,
    autoLabel: createAutoLabel({ session: env.storage.session, areas, stored, now: env.now }),
    syncRetry: createSyncRetry(env.alarms, areas.noteAreas),
    syncDynamicScripts: () => syncDynamicScripts({ scripting: env.scripting, permissions: env.permissions, areas }),
    classifyOnDemand: (tabId) => classifyOnDemand(env.scripting, tabId),
  };
}

/**
 * Starts the worker on `env`: every listener is added here, synchronously, so that a restarted worker receives
 * the event that woke it. Returns the parts and the message entry point (tests drive both).
 */
export function startWorker(env: WorkerEnv) {
  void restrictStorageToExtension(env.storage);
  const parts = createWorkerParts(env);
  const { tabStates, reminders, usage } = parts;
  const dispatch = createDispatcher({ id: env.runtime.id, pagesUrl: env.runtime.getURL('') }, createHandlers(parts));

  env.runtime.onMessage.addListener((raw, sender) => dispatch(raw, sender));

  env.tabs.onRemoved.addListener((tabId) => {
    void tabStates.forgetTab(tabId);
    void reminders.forgetReminder(tabId);
  });
  // A new document in the tab: until its content script reports, nothing there is known to be social.
  env.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void usage.recordVerdict(tabId, null, 'none');
  });
  usage.registerUsageListeners();
  env.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) void parts.syncRetry.run().catch(() => undefined);
  });

  // A site the popup asked to label automatically is kept here: the popup may be closed by then.
  env.permissions.onAdded.addListener((added) => {
    void parts.autoLabel
      .completeHostGrant(added.origins ?? [])
      .catch(() => undefined)
      .then(() => parts.syncDynamicScripts());
  });
  env.permissions.onRemoved.addListener(() => void parts.syncDynamicScripts());
  env.runtime.onInstalled.addListener((details) => {
    void parts.syncDynamicScripts();
    void usage.primeUsage();
    void openWelcome(details, env);
  });
  env.runtime.onStartup.addListener(() => {
    void parts.syncDynamicScripts();
    void usage.primeUsage();
    void parts.syncRetry.resume().catch(() => undefined);
  });
  return { ...parts, dispatch };
}
