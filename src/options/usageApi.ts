import browser from 'webextension-polyfill';
import { formatLocale } from '../shared/i18n';
import { createSend } from '../shared/send';
import { KEYS } from '../storage/keys';
import { salvageSettings } from '../storage/store';
import { localDayOf } from '../usage/accounting';
import type { UsageTotals } from '../usage/schema';
import { restoreTotals } from '../usage/totals';
import { downloadText } from './download';

/** The storage.local keys the dashboard reads (written by the worker and the settings section). */
const TOTALS_KEY = KEYS.usageTotals.key;
const SETTINGS_KEY = KEYS.settings.key;

export interface UsageChange {
  /** New totals, present when `usageTotals` changed (empty after deletion). */
  totals?: UsageTotals;
  /** New retention, present when the settings changed. */
  retentionDays?: number;
}

/** Everything the usage dashboard asks of the browser, behind one interface so tests can pass a fake. */
export interface UsageApi {
  /** The local calendar day now, `YYYY-MM-DD`, as the worker names days. */
  today(): string;
  /** The locale for dates and numbers (Intl): the catalogue's language, in the browser's variant of it. */
  locale(): string;
  readTotals(): Promise<UsageTotals>;
  /** How many days usage is kept for. */
  readRetentionDays(): Promise<number>;
  /** Calls back when the totals or the settings change in storage.local; returns the unsubscribe function. */
  subscribe(callback: (change: UsageChange) => void): () => void;
  /** Asks the worker to delete all usage data (totals and what is waiting to be written). */
  deleteAll(): Promise<void>;
  /** Saves a text file through the browser's download mechanism. */
  download(fileName: string, text: string, mimeType: string): void;
}

/** The settings are validated as the store validates them: a damaged value reads as its valid fields. */
function retentionOf(settings: unknown): number {
  return salvageSettings(settings).value.retentionDays;
}

const send = createSend((message) => browser.runtime.sendMessage(message));

export const browserUsageApi: UsageApi = {
  today: () => localDayOf(Date.now()),
  locale: formatLocale,
  async readTotals() {
    const stored = await browser.storage.local.get(TOTALS_KEY);
    return restoreTotals(stored[TOTALS_KEY]);
  },
  async readRetentionDays() {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return retentionOf(stored[SETTINGS_KEY]);
  },
  subscribe(callback) {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area !== 'local') return;
      const change: UsageChange = {};
      if (TOTALS_KEY in changes) change.totals = restoreTotals(changes[TOTALS_KEY]?.newValue);
      if (SETTINGS_KEY in changes) change.retentionDays = retentionOf(changes[SETTINGS_KEY]?.newValue);
      if (change.totals !== undefined || change.retentionDays !== undefined) callback(change);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  async deleteAll() {
    await send({ type: 'delete-usage' });
  },
  download(fileName, text, mimeType) {
    downloadText(document, fileName, text, mimeType);
  },
};
