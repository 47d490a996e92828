import browser from 'webextension-polyfill';
import type { TabState } from '../shared/messages';
import { BALANCE_PAGE, siteHash } from '../shared/pages';
import { createSend } from '../shared/send';
import { FAMILIES, KEYS } from '../storage/keys';
import type { TodayUsage } from '../ui/UsageBar';
import { localDayOf } from '../usage/accounting';
import type { SiteUsage } from '../usage/schema';
import { restoreTotals } from '../usage/totals';

/** Everything the side panel (Chrome) or sidebar (Firefox) asks of the browser; tests pass a fake. */
export interface PanelApi {
  /** The tab in front in the panel's own window. */
  currentTab(): Promise<{ id: number; url?: string } | null>;
  getState(tabId: number): Promise<TabState | null>;
  /** Today's time on the site, including what the worker has not written yet. */
  usageToday(domain: string): Promise<TodayUsage>;
  /** Today's time per site as last written (the worker writes at least once a minute while time is counted). */
  readToday(): Promise<Record<string, SiteUsage>>;
  /**
   * Calls back whenever what the panel shows may have changed: another tab came to the front, the tab in
   * front loaded or moved, a verdict changed, the totals were written. Events only, no polling.
   */
  subscribe(callback: () => void): () => void;
  /** The Balance page in a tab of its own, at a site's view when one is named. */
  openBalance(domain?: string): void;
}

const send = createSend((message) => browser.runtime.sendMessage(message));
const TOTALS_KEY = KEYS.usageTotals.key;

export const browserPanelApi: PanelApi = {
  async currentTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
  },
  getState: (tabId) => send({ type: 'get-tab-state', tabId }),
  usageToday: (domain) => send({ type: 'get-usage-today', domain }),
  async readToday() {
    const stored = await browser.storage.local.get(TOTALS_KEY);
    return restoreTotals(stored[TOTALS_KEY])[localDayOf(Date.now())] ?? {};
  },
  subscribe(callback) {
    // The totals, not the worker's session state: the worker steps its accounting (and writes that state)
    // whenever it is asked for today's time, so following that state would answer every answer with a
    // question. The totals are written at least once a minute while time is counted.
    const onStorage = (changes: Record<string, browser.Storage.StorageChange>) => {
      const keys = Object.keys(changes);
      if (keys.some((key) => key === TOTALS_KEY || key.startsWith(FAMILIES.tabState.prefix))) callback();
    };
    const onActivated = () => callback();
    const onUpdated = (_id: number, change: browser.Tabs.OnUpdatedChangeInfoType, tab: browser.Tabs.Tab) => {
      if (tab.active && (change.status === 'complete' || change.url !== undefined)) callback();
    };
    browser.storage.onChanged.addListener(onStorage);
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  },
  openBalance(domain) {
    const url = browser.runtime.getURL(BALANCE_PAGE) + (domain ? siteHash(domain) : '');
    void browser.tabs.create({ url });
  },
};
