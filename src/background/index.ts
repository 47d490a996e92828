import browser, { type Runtime } from 'webextension-polyfill';
import { restrictStorageToExtension } from './areas';
import { completeHostGrant } from './autoLabel';
import { createDispatcher } from './dispatch';
import { syncDynamicScripts } from './dynamicScripts';
import { handlers } from './handlers';
import { forgetReminder } from './reminders';
import { forgetTab } from './tabState';
import { primeUsage, recordVerdict, registerUsageListeners } from './usage';
import { openWelcome } from './welcome';

void restrictStorageToExtension();

const dispatch = createDispatcher({ id: browser.runtime.id, pagesUrl: browser.runtime.getURL('') }, handlers);

// Listeners are registered synchronously at the top level so that a restarted worker receives the event that woke it.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => dispatch(raw, sender));

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetReminder(tabId);
});
// A new document in the tab: until its content script reports, nothing there is known to be social.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void recordVerdict(tabId, null, 'none');
});
registerUsageListeners();

// A site the popup asked to label automatically is kept here: the popup may be closed by then.
browser.permissions.onAdded.addListener((added) => {
  void completeHostGrant(added.origins ?? [])
    .catch(() => undefined)
    .then(() => syncDynamicScripts());
});
browser.permissions.onRemoved.addListener(() => void syncDynamicScripts());
browser.runtime.onInstalled.addListener((details) => {
  void syncDynamicScripts();
  void primeUsage();
  void openWelcome(details, browser);
});
browser.runtime.onStartup.addListener(() => {
  void syncDynamicScripts();
  void primeUsage();
});
