import { deleteBackup } from '../storage/backups';
import { deleteNote, saveNote, setSyncEnabled } from '../storage/notes';
import { loadData, removeCustomSite, saveCustomSite, updateSettings, updateSitePrefs } from '../storage/store';
import { applyImport, parseImport, readCurrent, refusalSummary } from '../storage/transfer';
import type { Handlers } from './dispatch';
import type { WorkerParts } from './worker';

/**
 * What the content script and extension pages (popup, options) may ask of the worker, one small function
 * each, typed by the protocol (shared/messages.ts). Every write to notes and settings comes through here,
 * after dispatch.ts has checked the message and that its sender may send it. A handler refuses by throwing:
 * the sender gets `{ ok: false, error }` with the error's message.
 */
export function createHandlers(worker: WorkerParts): Handlers {
  const { areas, stored, labeler, reminders, tabStates, usage, syncRetry } = worker;
  const { local: localArea, noteAreas } = areas;
  const { invalidateStoredData } = stored;
  const { labelTab, relabelSite } = labeler;
  const { hideReminders, reminderFor } = reminders;
  return {
    'page-features': async (m, tabId) => {
      const state = await labelTab(tabId, m.features, m.activity);
      const reminder = await reminderFor(tabId, state.domain, state.url);
      // A note's reminder first: one thing in the page at a time.
      if (!reminder && state.prefs.labeling) {
        await worker.balance.onArrival(tabId, state.domain, state.verdict.label !== 'none');
      }
      return reminder ? { reminder } : {};
    },
    'get-tab-state': (m) => tabStates.loadTabState(m.tabId),
    'classify-tab': (m) => worker.classifyOnDemand(m.tabId),
    'get-usage-today': (m) => usage.usageToday(m.domain),
    'nudge-action': async (m, tabId) => {
      await worker.balance.onAction(tabId, m.action, m.choice);
      return null;
    },
    'get-balance': (m) => worker.balance.status(m.domain),
    'set-intentions-on': async (m) => {
      await worker.balance.setIntentionsOn(m.domain, m.on);
      return null;
    },
    'set-budgets': async (m) => {
      await worker.balance.setBudgets(m.budgets);
      return null;
    },

    'set-site-prefs': async (m) => {
      const prefs = await updateSitePrefs(localArea, m.domain, m.change);
      invalidateStoredData();
      await relabelSite(m.domain);
      return prefs;
    },

    'save-note': async (m) => {
      const areas = await noteAreas();
      // An emptied note with no reminder is no note: keep storage free of blanks.
      const result =
        m.text.trim() === '' && !m.reminder
          ? { deleted: await deleteNote(areas, m.domain, m.path) }
          : await saveNote(areas, { domain: m.domain, path: m.path, text: m.text, reminder: m.reminder });
      // Kept on this device by sync's write rate: an alarm moves it to sync later, as the notice promises.
      if ('notice' in result) await syncRetry.schedule(result.notice);
      if (!m.reminder) await hideReminders(m.domain);
      await relabelSite(m.domain);
      return result;
    },

    'delete-note': async (m) => {
      const deleted = await deleteNote(await noteAreas(), m.domain, m.path);
      await hideReminders(m.domain);
      await relabelSite(m.domain);
      return deleted;
    },

    'set-settings': async (m) => {
      const sync = m.change.sync === undefined ? undefined : await setSyncEnabled(await noteAreas(), m.change.sync);
      if (sync) await syncRetry.schedule(sync.notice);
      if (m.change.retentionDays !== undefined) {
        await updateSettings(localArea, { retentionDays: m.change.retentionDays });
        invalidateStoredData();
        // The options page said how many days of records a lower retention deletes: they go now.
        await usage.pruneUsage();
      }
      const settings = (await loadData(localArea)).data.settings;
      return sync ? { settings, sync } : { settings };
    },

    'save-custom-site': async (m) => {
      const sites = await saveCustomSite(localArea, m.site);
      invalidateStoredData();
      await worker.syncDynamicScripts();
      return sites;
    },

    'expect-host-grant': async (m) => {
      await worker.autoLabel.expectHostGrant(m.host, m.site);
      return null;
    },

    'remove-custom-site': async (m) => {
      const removed = await removeCustomSite(localArea, m.domain);
      invalidateStoredData();
      await worker.syncDynamicScripts();
      return removed;
    },

    'apply-import': async (m) => {
      // The page showed the plan; the worker reads the file again and never trusts a plan from a page.
      const areas = await noteAreas();
      const parsed = parseImport(m.text, await readCurrent(areas), { policy: areas.policy });
      // The page words the refusal itself, from its own check of the same file (options/DataSection.tsx).
      if (!parsed.ok) throw new Error(`import refused: ${refusalSummary(parsed.refusal)}`);
      const applied = await applyImport(areas, parsed.plan, { writeUsage: usage.importUsage });
      await syncRetry.schedule(applied.notice);
      invalidateStoredData();
      await worker.syncDynamicScripts();
      return applied;
    },

    'delete-usage': async () => {
      await usage.deleteUsage();
      return null;
    },
    'delete-backup': async (m) => {
      await deleteBackup(localArea, m.key);
      return null;
    },
  };
}
