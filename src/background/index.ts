import browser, { type Runtime } from 'webextension-polyfill';
import { type FeaturesReply, type PageMessage, parseMessage } from '../shared/messages';
import { syncDynamicScripts } from './dynamicScripts';
import { pageHandlers } from './handlers';
import { labelTab } from './labelTab';
import { forgetReminder, reminderFor } from './reminders';
import { forgetTab } from './tabState';
import { primeUsage, recordVerdict, registerUsageListeners } from './usage';

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

function handlePage(message: PageMessage): Promise<unknown> {
  const handler = pageHandlers[message.type] as (m: PageMessage) => Promise<unknown>;
  return handler(message);
}

// Listeners are registered synchronously at the top level so that a restarted worker receives the event that woke it.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseMessage(raw);
  if (!message) return undefined;
  if (message.type === 'page-features') {
    const tabId = trustedTabSender(sender, message.features.url);
    if (tabId === null) return undefined;
    return labelTab(tabId, message.features, message.activity).then(async (state): Promise<FeaturesReply> => {
      const reminder = await reminderFor(tabId, state.domain, state.url);
      return reminder ? { ok: true, reminder } : { ok: true };
    });
  }
  if (!isExtensionPage(sender)) return undefined;
  return handlePage(message);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetReminder(tabId);
});
// A new document in the tab: until its content script reports, nothing there is known to be social.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void recordVerdict(tabId, null, 'none');
});
registerUsageListeners();

browser.permissions.onAdded.addListener(() => void syncDynamicScripts());
browser.permissions.onRemoved.addListener(() => void syncDynamicScripts());
browser.runtime.onInstalled.addListener(() => {
  void syncDynamicScripts();
  void primeUsage();
});
browser.runtime.onStartup.addListener(() => {
  void syncDynamicScripts();
  void primeUsage();
});
