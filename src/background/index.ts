import browser, { type Runtime } from 'webextension-polyfill';
import { parseMessage } from '../shared/messages';
import { labelTab } from './labelTab';
import { forgetTab, loadTabState } from './tabState';

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

function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !sender.tab && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

// Listeners are registered synchronously at the top level so that a restarted worker receives the event that woke it.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseMessage(raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'page-features': {
      const tabId = trustedTabSender(sender, message.features.url);
      if (tabId === null) return undefined;
      return labelTab(tabId, message.features).then(() => ({ ok: true }));
    }
    case 'get-tab-state':
      if (!isExtensionPage(sender)) return undefined;
      return loadTabState(message.tabId);
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});
