import type { Runtime } from 'webextension-polyfill';

/** What the sender checks need to know about this extension (browser.runtime in the worker, a fake in tests). */
export interface SenderEnv {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('')`: the origin of the extension's own pages, with a trailing slash. */
  pagesUrl: string;
}

/** Feature reports count only from this extension's own content script, in a tab's top frame, for that page. */
export function trustedTabSender(env: SenderEnv, sender: Runtime.MessageSender, reportedUrl: string): number | null {
  if (sender.id !== env.id) return null;
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

/**
 * Extension pages (popup, options) may read state and change settings; content scripts may not. An extension
 * page open in a tab has `sender.tab` too, so the page's own URL is what tells it from a content script.
 */
export function isExtensionPage(env: SenderEnv, sender: Runtime.MessageSender): boolean {
  return sender.id === env.id && (sender.url ?? '').startsWith(env.pagesUrl);
}
