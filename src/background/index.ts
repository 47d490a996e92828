import { browserEnv } from './browserEnv';
import { startWorker } from './worker';

/** The service worker: the worker's modules (worker.ts) on the real browser. */
startWorker(browserEnv());
