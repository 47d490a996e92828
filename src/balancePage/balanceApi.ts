import browser from 'webextension-polyfill';
import { readIntentions } from '../balance/runner';
import type { Intentions } from '../balance/schema';
import { downloadText } from '../options/download';
import { formatLocale } from '../shared/i18n';
import { createSend } from '../shared/send';
import { KEYS, type StorageAreaLike } from '../storage/keys';
import { listNotes, NOTE_PREFIX } from '../storage/notes';
import type { Note } from '../storage/schema';
import { salvageSettings } from '../storage/store';
import { localDayOf } from '../usage/accounting';
import type { UsageTotals } from '../usage/schema';
import { restoreTotals } from '../usage/totals';

/** The storage.local keys the Balance page reads (written by the worker and the options page). */
const TOTALS_KEY = KEYS.usageTotals.key;
const SETTINGS_KEY = KEYS.settings.key;
const INTENTIONS_KEY = KEYS.intentions.key;

export interface UsageChange {
  /** New totals, present when `usageTotals` changed (empty after deletion). */
  totals?: UsageTotals;
  /** New retention, present when the settings changed. */
  retentionDays?: number;
  /** A note changed in either area (or sync was turned on or off): read them again. */
  notes?: true;
  /** The intentions changed: read them again. */
  intentions?: true;
}

/** Everything the Balance page asks of the browser, behind one interface so tests can pass a fake. */
export interface UsageApi {
  /** The local calendar day now, `YYYY-MM-DD`, as the worker names days. */
  today(): string;
  /** The locale for dates and numbers (Intl): the catalogue's language, in the browser's variant of it. */
  locale(): string;
  readTotals(): Promise<UsageTotals>;
  /** How many days usage is kept for. */
  readRetentionDays(): Promise<number>;
  /** Every note, validated (storage/notes), site notes and page notes. */
  readNotes(): Promise<Note[]>;
  readIntentions(): Promise<Intentions>;
  /** Calls back when what the page shows changes in storage; returns the unsubscribe function. */
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
const local = () => browser.storage.local as unknown as StorageAreaLike;

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
  async readNotes() {
    const sync = browser.storage.sync as unknown as StorageAreaLike | undefined;
    return (await listNotes({ local: local(), sync })).notes;
  },
  readIntentions: () => readIntentions(local()),
  subscribe(callback) {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area !== 'local' && area !== 'sync') return;
      const keys = Object.keys(changes);
      const change: UsageChange = {};
      if (keys.some((key) => key.startsWith(NOTE_PREFIX))) change.notes = true;
      if (area === 'local') {
        if (TOTALS_KEY in changes) change.totals = restoreTotals(changes[TOTALS_KEY]?.newValue);
        if (SETTINGS_KEY in changes) {
          change.retentionDays = retentionOf(changes[SETTINGS_KEY]?.newValue);
          // Sync turned on or off decides where notes are read from.
          change.notes = true;
        }
        if (INTENTIONS_KEY in changes) change.intentions = true;
      }
      if (Object.keys(change).length > 0) callback(change);
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
