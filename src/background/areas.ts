import type { StorageAreaLike } from '../storage/keys';
import { EMPTY_POLICY, type ManagedPolicy, readManaged } from '../storage/managed';
import type { NoteAreas } from '../storage/notes';
import type { StorageEnv, WorkerEnv } from './env';

/**
 * Notes and settings are for the extension's own pages and worker: content scripts run inside every social
 * site and must not read or write them (they never need to; everything a page needs comes in the worker's
 * reply). Chrome lets an extension say so per area (`StorageArea.setAccessLevel`, Chrome 102; it keeps the
 * level in the extension's preferences, so setting it at every start is cheap). `storage.session` is limited
 * to trusted contexts already by default. Firefox offers `setAccessLevel` for `storage.session` only, so there
 * the content script's world can still reach `storage.local` (Mozilla bug 1724754); README, Privacy.
 */
export async function restrictStorageToExtension(storage: Pick<StorageEnv, 'restrictable'>): Promise<void> {
  for (const area of [storage.restrictable.local, storage.restrictable.sync]) {
    await area?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {
      // An area this browser cannot restrict stays as it was: nothing else depends on the level.
    });
  }
}

/**
 * The first read of `storage.managed` can take seconds in Chromium when no policy is set, and labeling must
 * not wait for it: the policy is read once per worker life, kept, refreshed when an administrator pushes a
 * change, and an unread policy counts as empty for at most this long.
 */
export const POLICY_WAIT_MS = 300;
const EMPTY: ManagedPolicy = { ...EMPTY_POLICY, customSites: [] };

/** The worker's handles on persistent storage, typed as the storage modules expect them. */
export interface Areas {
  local: StorageAreaLike;
  managedPolicy(): Promise<ManagedPolicy>;
  noteAreas(): Promise<NoteAreas>;
}

export function createAreas(env: Pick<WorkerEnv, 'storage' | 'setTimeout'>): Areas {
  const { storage } = env;
  let pending: Promise<ManagedPolicy> | null = null;
  let known: ManagedPolicy | null = null;
  let waitedOnce = false;

  const readPolicy = (): Promise<ManagedPolicy> => {
    const read = readManaged(storage.managed).then((result) => {
      known = result.policy;
      return result.policy;
    });
    pending = read;
    return read;
  };

  storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void readPolicy();
  });

  const managedPolicy = async (): Promise<ManagedPolicy> => {
    if (known) return known;
    const read = pending ?? readPolicy();
    // A read that is already overdue is not waited for again: the next labels use the empty policy at once.
    if (waitedOnce) return EMPTY;
    const timeout = new Promise<ManagedPolicy>((resolve) =>
      env.setTimeout(() => {
        waitedOnce = true;
        resolve(EMPTY);
      }, POLICY_WAIT_MS),
    );
    return Promise.race([read, timeout]);
  };

  return {
    local: storage.local,
    managedPolicy,
    async noteAreas() {
      return { local: storage.local, sync: storage.sync, policy: await managedPolicy() };
    },
  };
}
