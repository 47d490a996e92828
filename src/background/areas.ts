import browser from 'webextension-polyfill';
import type { StorageAreaLike } from '../storage/keys';
import { EMPTY_POLICY, type ManagedPolicy, readManaged } from '../storage/managed';
import type { NoteAreas } from '../storage/notes';

/** The worker's handles on persistent storage, typed as the storage modules expect them. */
export const localArea = browser.storage.local as unknown as StorageAreaLike;

function syncArea(): StorageAreaLike | undefined {
  return (browser.storage as { sync?: unknown }).sync as StorageAreaLike | undefined;
}

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
interface RestrictableArea {
  setAccessLevel?(options: { accessLevel: AccessLevel }): Promise<void>;
}

/**
 * Notes and settings are for the extension's own pages and worker: content scripts run inside every social
 * site and must not read or write them (they never need to; everything a page needs comes in the worker's
 * reply). Chrome lets an extension say so per area (`StorageArea.setAccessLevel`, Chrome 102; it keeps the
 * level in the extension's preferences, so setting it at every start is cheap). `storage.session` is limited
 * to trusted contexts already by default. Firefox offers `setAccessLevel` for `storage.session` only, so there
 * the content script's world can still reach `storage.local` (Mozilla bug 1724754); README, Privacy.
 */
export async function restrictStorageToExtension(): Promise<void> {
  const storage = (globalThis as { chrome?: { storage?: Record<string, RestrictableArea | undefined> } }).chrome
    ?.storage;
  for (const name of ['local', 'sync']) {
    await storage?.[name]?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {
      // An area this browser cannot restrict stays as it was: nothing else depends on the level.
    });
  }
}

/**
 * The first read of `storage.managed` can take seconds in Chromium when no policy is set, and labeling must
 * not wait for it: the policy is read once per worker life, kept, refreshed when an administrator pushes a
 * change, and an unread policy counts as empty for at most this long.
 */
const POLICY_WAIT_MS = 300;
const EMPTY: ManagedPolicy = { ...EMPTY_POLICY, customSites: [] };
let pending: Promise<ManagedPolicy> | null = null;
let known: ManagedPolicy | null = null;
let waitedOnce = false;

function readPolicy(): Promise<ManagedPolicy> {
  const managed = (browser.storage as { managed?: unknown }).managed as Parameters<typeof readManaged>[0];
  const read = readManaged(managed).then((result) => {
    known = result.policy;
    return result.policy;
  });
  pending = read;
  return read;
}

browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void readPolicy();
});

export async function managedPolicy(): Promise<ManagedPolicy> {
  if (known) return known;
  const read = pending ?? readPolicy();
  // A read that is already overdue is not waited for again: the next labels use the empty policy at once.
  if (waitedOnce) return EMPTY;
  const timeout = new Promise<ManagedPolicy>((resolve) =>
    setTimeout(() => {
      waitedOnce = true;
      resolve(EMPTY);
    }, POLICY_WAIT_MS),
  );
  return Promise.race([read, timeout]);
}

export async function noteAreas(): Promise<NoteAreas> {
  return { local: localArea, sync: syncArea(), policy: await managedPolicy() };
}
