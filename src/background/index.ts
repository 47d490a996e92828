import { browserEnv } from './browserEnv';
import { startWorker } from './worker';

/**
 * Loads the message catalogue into the extension's process before any page of ours can ask for it.
 *
 * Chromium keeps one catalogue per extension per renderer process, fetched from the browser by a synchronous
 * call the first time anything in that process needs a message (a `getMessage`, or any stylesheet of ours, which
 * goes through message substitution). It stores the entry before the call returns and keeps it even when the
 * call fails (`SharedL10nMap::GetMapForExtension`, extensions/renderer/shared_l10n_map.cc). When the first asker
 * is a page closing at that moment (a welcome tab closed as it opens, a popup dismissed at once), the call fails
 * and every page of the extension, and the worker, then get an empty string for every message until the process
 * ends. Seen here: half of the launches in which the welcome tab was closed during its first load. The worker
 * runs before it opens any page and is never torn down mid-call by a tab, so it asks first. Where the catalogue
 * is already loaded this is a lookup in memory.
 */
globalThis.chrome?.i18n?.getMessage('@@extension_id');

/** The service worker: the worker's modules (worker.ts) on the real browser. */
startWorker(browserEnv());
