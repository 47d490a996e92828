import { hostOrigin } from '../shared/origins';
import { item, KEYS, readItem, type StorageAreaLike } from '../storage/keys';
import type { CustomSite } from '../storage/schema';
import { saveCustomSite } from '../storage/store';
import type { Areas } from './areas';
import type { StoredDataCache } from './storedData';

/**
 * "Label <site> automatically" across the permission prompt. The popup asks for one host's permission from the
 * person's click, but Chrome closes the popup as the prompt opens, so nothing after the request runs there.
 * The popup says beforehand which site it is about to ask for (kept in storage.session: the worker may be
 * stopped meanwhile), and the worker keeps that site with the custom sites when the host's permission arrives.
 * A refusal adds nothing and leaves nothing behind but this note, which the next request replaces.
 */
const KEY = KEYS.pendingGrant.key;
/** A prompt left open longer than this is not the one the note was about. */
export const FRESH_MS = 10 * 60_000;

export interface AutoLabel {
  expectHostGrant(host: string, site: CustomSite): Promise<void>;
  /** Keeps the expected site when `origins` (just granted) include its host; true when it did. */
  completeHostGrant(origins: readonly string[]): Promise<boolean>;
}

interface Deps {
  session: StorageAreaLike;
  areas: Pick<Areas, 'local'>;
  stored: Pick<StoredDataCache, 'invalidateStoredData'>;
  now(): number;
}

export function createAutoLabel({ session, areas, stored, now }: Deps): AutoLabel {
  return {
    async expectHostGrant(host, site) {
      await session.set(item(KEYS.pendingGrant, { host, site, at: now() }));
    },

    async completeHostGrant(origins) {
      const read = readItem(KEYS.pendingGrant, await session.get(KEY));
      if (read.status !== 'ok') return false;
      const { host, site, at } = read.value;
      if (now() - at > FRESH_MS) {
        await session.remove(KEY);
        return false;
      }
      if (!origins.includes(hostOrigin(host))) return false;
      await session.remove(KEY);
      await saveCustomSite(areas.local, site);
      stored.invalidateStoredData();
      return true;
    },
  };
}
