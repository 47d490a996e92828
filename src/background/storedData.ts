import { DATA_KEYS } from '../storage/keys';
import type { StoredData } from '../storage/schema';
import { loadData } from '../storage/store';
import type { StorageEnv } from './env';

/**
 * The validated settings, site preferences and custom sites, read once and kept until storage says they
 * changed: every page report needs them, and reading and validating them each time costs milliseconds.
 * A restarted worker simply reads them again.
 */
export interface StoredDataCache {
  storedData(): Promise<StoredData>;
  /** The worker's own writes call this at once: storage's change event comes later than the next read may. */
  invalidateStoredData(): void;
}

export function createStoredData(storage: Pick<StorageEnv, 'local' | 'onChanged'>): StoredDataCache {
  let cache: Promise<StoredData> | null = null;
  const invalidateStoredData = () => {
    cache = null;
  };

  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && DATA_KEYS.some((key) => key in changes)) invalidateStoredData();
  });

  return {
    invalidateStoredData,
    storedData() {
      cache ??= loadData(storage.local).then(
        (result) => result.data,
        (error: unknown) => {
          cache = null;
          throw error;
        },
      );
      return cache;
    },
  };
}
