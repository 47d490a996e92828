import browser from 'webextension-polyfill';
import type { StorageAreaLike } from '../storage/store';

/** The worker's and extension pages' handle on the persistent store. */
export const localArea = browser.storage.local as unknown as StorageAreaLike;
