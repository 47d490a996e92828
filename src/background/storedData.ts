import browser from 'webextension-polyfill';
import { DATA_KEYS } from '../storage/keys';
import type { StoredData } from '../storage/schema';
import { loadData } from '../storage/store';
import { localArea } from './areas';

/**
 * The validated settings, site preferences and custom sites, read once and kept until storage says they
 * changed: every page report needs them, and reading and validating them each time costs milliseconds.
 * A restarted worker simply reads them again.
 */
let cache: Promise<StoredData> | null = null;

/** The worker's own writes call this at once: storage's change event comes later than the next read may. */
export function invalidateStoredData(): void {
  cache = null;
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && DATA_KEYS.some((key) => key in changes)) invalidateStoredData();
});

export function storedData(): Promise<StoredData> {
  cache ??= loadData(localArea).then(
    (result) => result.data,
    (error: unknown) => {
      cache = null;
      throw error;
    },
  );
  return cache;
}
