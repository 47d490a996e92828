import browser from 'webextension-polyfill';
import type { BalanceStatus } from '../background/balance';
import type { Lean } from '../core/types';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { hostOrigin } from '../shared/origins';
import { BALANCE_PAGE } from '../shared/pages';
import { createSend, MessageRefused } from '../shared/send';
import { FAMILIES, parseValue, type StorageAreaLike, tabStateKey } from '../storage/keys';
import { getNote } from '../storage/notes';
import type { Note, SitePrefs } from '../storage/schema';
import type { TodayUsage } from '../ui/UsageBar';

export interface NoteDraft {
  domain: string;
  path: string | null;
  text: string;
  reminder: boolean;
}

/** A site to label automatically: the one host whose permission is asked, kept as a custom site of its domain. */
export interface AutoLabelSite {
  host: string;
  domain: string;
  name: string;
  lean: Lean;
}

/** Everything the popup asks of the browser, behind one interface so component tests can pass a fake. */
export interface PopupApi {
  activeTab(): Promise<{ id: number; url?: string } | null>;
  getState(tabId: number): Promise<TabState | null>;
  classify(tabId: number): Promise<boolean>;
  setPrefs(domain: string, change: Partial<SitePrefs>): Promise<SitePrefs>;
  openOptions(): void;
  /** Opens the Balance page in a tab of its own. */
  openBalance(): void;
  /** Notes are read straight from storage; every write goes through the worker. */
  getNote(domain: string, path: string | null): Promise<Note | null>;
  saveNote(draft: NoteDraft): Promise<void>;
  /** Today's time on the site, up to now. */
  usageToday(domain: string): Promise<TodayUsage | null>;
  /** Whether the content script may already run on this host by a permission of its own. */
  hasHostAccess(host: string): Promise<boolean>;
  /** Asks for the host's permission, then keeps the site; false when the person declined. */
  labelAutomatically(site: AutoLabelSite): Promise<boolean>;
  /** The site's intention today, whether intentions are on for it, and the spent budgets (balance.ts). */
  balance?(domain: string): Promise<BalanceStatus>;
  setIntentionsOn?(domain: string, on: boolean): Promise<void>;
  /** Calls back whenever the stored state of the tab changes; returns the unsubscribe function. */
  onStateChange(tabId: number, callback: (state: TabState | null) => void): () => void;
}

const send = createSend((message) => browser.runtime.sendMessage(message));

export const browserApi: PopupApi = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
  },
  async getState(tabId) {
    return send({ type: 'get-tab-state', tabId });
  },
  async classify(tabId) {
    return send({ type: 'classify-tab', tabId });
  },
  async setPrefs(domain, change) {
    return send({ type: 'set-site-prefs', domain, change });
  },
  async getNote(domain, path) {
    const areas = {
      local: browser.storage.local as unknown as StorageAreaLike,
      sync: browser.storage.sync as unknown as StorageAreaLike,
    };
    return getNote(areas, domain, path);
  },
  async saveNote(draft) {
    await send({ type: 'save-note', ...draft }).catch((error: unknown) => {
      // The worker's reasons are for developers; the person typing gets the sentence in their language.
      throw error instanceof MessageRefused ? new Error(t('noteRejected')) : error;
    });
  },
  balance(domain) {
    return send({ type: 'get-balance', domain });
  },
  async setIntentionsOn(domain, on) {
    await send({ type: 'set-intentions-on', domain, on });
  },
  async usageToday(domain) {
    return send({ type: 'get-usage-today', domain });
  },
  hasHostAccess(host) {
    return browser.permissions.contains({ origins: [hostOrigin(host)] });
  },
  async labelAutomatically(site) {
    const custom = { domain: site.domain, name: site.name, lean: site.lean };
    // Chrome closes this popup as its permission prompt opens: the worker is told first and keeps the site
    // when the permission arrives (background/autoLabel.ts). Not awaited, so that the request still comes
    // straight from the click: the browser asks the person only from a user gesture.
    void send({ type: 'expect-host-grant', host: site.host, site: custom }).catch(() => undefined);
    const granted = await browser.permissions.request({ origins: [hostOrigin(site.host)] });
    if (!granted) return false;
    // Where the popup stays open (Firefox), it saves the site itself too; saving is keyed by domain.
    await send({ type: 'save-custom-site', site: custom });
    return true;
  },
  openOptions() {
    void browser.runtime.openOptionsPage();
    window.close();
  },
  openBalance() {
    void browser.tabs.create({ url: browser.runtime.getURL(BALANCE_PAGE) });
    window.close();
  },
  onStateChange(tabId, callback) {
    const key = tabStateKey(tabId);
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      // A damaged state reads as none: the popup then asks the worker, instead of rendering half a verdict.
      const read = parseValue(FAMILIES.tabState.schema, changes[key]?.newValue);
      callback(read.status === 'ok' ? read.value : null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
