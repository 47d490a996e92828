import browser, { type Runtime } from 'webextension-polyfill';
import { parseMessage } from '../shared/messages';
import { updateSitePrefs } from '../storage/store';
import { syncAllSitesScript } from './allSites';
import { labelTab, relabelSite } from './labelTab';
import { classifyOnDemand } from './onDemand';
import { localArea } from './settingsStore';
import { forgetTab, loadTabState } from './tabState';
import { primeUsage, recordVerdict, registerUsageListeners, usageToday } from './usage';

/** Feature reports count only from this extension's own content script, in a tab's top frame, for that page. */
function trustedTabSender(sender: Runtime.MessageSender, reportedUrl: string): number | null {
  if (sender.id !== browser.runtime.id) return null;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0 || !sender.url) return null;
  try {
    // history.replaceState can change the path but never the origin: a report for another site is forged.
    if (new URL(reportedUrl).origin !== new URL(sender.url).origin) return null;
  } catch {
    return null;
  }
  return tabId;
}

/** Extension pages (popup, options) may read state and change settings; content scripts may not. */
function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

// Listeners are registered synchronously at the top level so that a restarted worker receives the event that woke it.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseMessage(raw);
  if (!message) return undefined;
  if (message.type === 'page-features') {
    const tabId = trustedTabSender(sender, message.features.url);
    if (tabId === null) return undefined;
    return labelTab(tabId, message.features, message.activity).then(() => ({ ok: true }));
  }
  if (!isExtensionPage(sender)) return undefined;
  switch (message.type) {
    case 'get-tab-state':
      return loadTabState(message.tabId);
    case 'get-usage-today':
      return usageToday(message.domain);
    case 'classify-tab':
      return classifyOnDemand(message.tabId);
    case 'set-site-prefs':
      return updateSitePrefs(localArea, message.domain, message.change).then(async (prefs) => {
        await relabelSite(message.domain);
        return prefs;
      });
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});
// A new document in the tab: until its content script reports, nothing there is known to be social.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void recordVerdict(tabId, null, 'none');
});
registerUsageListeners();

browser.permissions.onAdded.addListener(() => void syncAllSitesScript());
browser.permissions.onRemoved.addListener(() => void syncAllSitesScript());
browser.runtime.onInstalled.addListener(() => {
  void syncAllSitesScript();
  void primeUsage();
});
browser.runtime.onStartup.addListener(() => {
  void syncAllSitesScript();
  void primeUsage();
});
