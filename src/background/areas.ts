import browser from 'webextension-polyfill';
import { type ManagedPolicy, readManaged } from '../storage/managed';
import type { NoteAreas } from '../storage/notes';
import type { StorageAreaLike } from '../storage/store';

/** The worker's handles on persistent storage, typed as the storage modules expect them. */
export const localArea = browser.storage.local as unknown as StorageAreaLike;

function syncArea(): StorageAreaLike | undefined {
  return (browser.storage as { sync?: unknown }).sync as StorageAreaLike | undefined;
}

/** The administrator's policy; read each time (it is small) so a pushed change applies without a restart. */
export async function managedPolicy(): Promise<ManagedPolicy> {
  const managed = (browser.storage as { managed?: unknown }).managed as Parameters<typeof readManaged>[0];
  return (await readManaged(managed)).policy;
}

export async function noteAreas(): Promise<NoteAreas> {
  return { local: localArea, sync: syncArea(), policy: await managedPolicy() };
}
