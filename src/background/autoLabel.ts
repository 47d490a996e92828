import browser from 'webextension-polyfill';
import { hostOrigin } from '../shared/origins';
import { item, KEYS, readItem } from '../storage/keys';
import type { CustomSite } from '../storage/schema';
import { saveCustomSite } from '../storage/store';
import { localArea } from './areas';
import { invalidateStoredData } from './storedData';

/**
 * "Label <site> automatically" across the permission prompt. The popup asks for one host's permission from the
 * person's click, but Chrome closes the popup as the prompt opens, so nothing after the request runs there.
 * The popup says beforehand which site it is about to ask for (kept in storage.session: the worker may be
 * stopped meanwhile), and the worker keeps that site with the custom sites when the host's permission arrives.
 * A refusal adds nothing and leaves nothing behind but this note, which the next request replaces.
 */
const KEY = KEYS.pendingGrant.key;
/** A prompt left open longer than this is not the one the note was about. */
const FRESH_MS = 10 * 60_000;

export async function expectHostGrant(host: string, site: CustomSite): Promise<void> {
  await browser.storage.session.set(item(KEYS.pendingGrant, { host, site, at: Date.now() }));
}

/** Keeps the expected site when `origins` (just granted) include its host; true when it did. */
export async function completeHostGrant(origins: readonly string[]): Promise<boolean> {
  const read = readItem(KEYS.pendingGrant, await browser.storage.session.get(KEY));
  if (read.status !== 'ok') return false;
  const { host, site, at } = read.value;
  if (Date.now() - at > FRESH_MS) {
    await browser.storage.session.remove(KEY);
    return false;
  }
  if (!origins.includes(hostOrigin(host))) return false;
  await browser.storage.session.remove(KEY);
  await saveCustomSite(localArea, site);
  invalidateStoredData();
  return true;
}
