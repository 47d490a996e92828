import browser from 'webextension-polyfill';
import type { StorageAreaLike } from '../storage/keys';
import type { RestrictableArea, WorkerEnv } from './env';

/**
 * The real browser as the worker's environment (webextension-polyfill's `browser`, which the compiler checks
 * against env.ts). Namespaces a browser may lack (sync, managed, windows) are read as optional.
 */
export function browserEnv(): WorkerEnv {
  const storage = browser.storage as typeof browser.storage & { sync?: unknown; managed?: unknown };
  // setAccessLevel is Chrome's own; the polyfill does not forward it, so it is read from `chrome` itself.
  const chromeStorage = (globalThis as { chrome?: { storage?: Record<string, RestrictableArea | undefined> } }).chrome
    ?.storage;
  // Firefox for Android has no windows API: a listener added to a missing namespace would throw.
  const windows = (browser as { windows?: typeof browser.windows }).windows;
  return {
    runtime: browser.runtime,
    storage: {
      local: browser.storage.local,
      session: browser.storage.session,
      sync: storage.sync as StorageAreaLike | undefined,
      managed: storage.managed as StorageAreaLike | undefined,
      onChanged: browser.storage.onChanged,
      restrictable: { local: chromeStorage?.local, sync: chromeStorage?.sync },
    },
    action: browser.action,
    scripting: browser.scripting,
    permissions: browser.permissions,
    tabs: browser.tabs,
    windows,
    idle: browser.idle,
    alarms: browser.alarms,
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
  };
}
