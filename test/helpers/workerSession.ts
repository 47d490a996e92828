import { USAGE_ALARM } from '../../src/background/usage';
import { startWorker } from '../../src/background/worker';
import { extractFeatures } from '../../src/core/features';
import { ask, type FakeEnvOptions, type FakeWorkerEnv, fakeWorkerEnv, tabSender } from './fakeWorkerEnv';

/** The whole worker on the in-memory browser, as the worker tests drive it: started, reported to, let run. */

const MINUTE = 60_000;

/** A browser started with tab 1 in front of a focused window, the person at the keyboard. */
export async function started(options?: FakeEnvOptions): Promise<FakeWorkerEnv> {
  const fake = fakeWorkerEnv(options);
  startWorker(fake.env);
  fake.windowState.activeTab = 1;
  await fake.events.onStartup.fire();
  await fake.settle();
  return fake;
}

/** The content script of tab `tabId` reports `url` (its address alone: no page). */
export function report(fake: FakeWorkerEnv, tabId: number, url: string) {
  return ask(fake, { type: 'page-features', features: extractFeatures(null, url) }, tabSender(tabId, url));
}

/** Lets minutes pass as the browser does: the one-minute alarm fires each minute. */
export async function minutes(fake: FakeWorkerEnv, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    fake.advance(MINUTE);
    await fake.events.alarm.fire({ name: USAGE_ALARM });
    await fake.settle();
  }
}
