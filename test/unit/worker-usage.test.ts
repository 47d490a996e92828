import { beforeAll, describe, expect, it } from 'vitest';
import { USAGE_ALARM } from '../../src/background/usage';
import { startWorker } from '../../src/background/worker';
import { setMessageSource } from '../../src/shared/i18n';
import { ask, type FakeWorkerEnv } from '../helpers/fakeWorkerEnv';
import { messageSource } from '../helpers/locales';
import { minutes, report, started } from '../helpers/workerSession';

beforeAll(() => setMessageSource(messageSource('en')));

const FEED = 'https://www.linkedin.com/feed/';
const MESSAGING = 'https://www.linkedin.com/messaging/';
const MINUTE = 60_000;

const today = (fake: FakeWorkerEnv) => ask(fake, { type: 'get-usage-today', domain: 'linkedin.com' });

describe('the worker, time on sites', () => {
  it('sets up its one-minute alarm and idle detection on a fresh session', async () => {
    const fake = await started();
    expect(fake.alarmsCreated).toEqual([{ name: USAGE_ALARM, periodInMinutes: 1 }]);
    expect(fake.idle.interval).toBe(60);
  });

  it('counts the tab in front under the label it shows, and the totals reach storage.local', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    await minutes(fake, 3);
    expect(await today(fake)).toMatchObject({ media: 3 * MINUTE, networking: 0, total: 3 * MINUTE });
    await report(fake, 1, MESSAGING);
    await minutes(fake, 2);
    expect(await today(fake)).toMatchObject({ media: 3 * MINUTE, networking: 2 * MINUTE });
    // Closing the tab writes what was pending.
    await fake.events.tabRemoved.fire(1);
    await fake.settle();
    const { usageTotals } = await fake.local.get('usageTotals');
    expect(JSON.stringify(usageTotals)).toContain('linkedin.com');
  });

  it('stops counting while the person is idle, or the window loses focus, and resumes after', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    await minutes(fake, 1);
    await fake.events.idleChanged.fire('idle');
    await minutes(fake, 2);
    expect((await today(fake)).total).toBe(MINUTE);
    await fake.events.idleChanged.fire('active');
    await fake.events.focusChanged.fire(-1);
    await fake.settle();
    await minutes(fake, 2);
    expect((await today(fake)).total).toBe(MINUTE);
    await fake.events.focusChanged.fire(1);
    await fake.settle();
    await minutes(fake, 1);
    expect((await today(fake)).total).toBe(2 * MINUTE);
  });

  it('moves the count with the tab in front, and counts a tab playing media in the background', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    await report(fake, 2, 'https://www.reddit.com/r/x/');
    await fake.events.tabActivated.fire({ tabId: 2, windowId: 1 });
    await fake.settle();
    await minutes(fake, 2);
    expect((await today(fake)).total).toBe(0);
    await fake.events.tabUpdated.fire(1, { audible: true });
    await fake.settle();
    await minutes(fake, 1);
    expect((await today(fake)).media).toBe(MINUTE);
  });

  it('ignores a tab activated in a window that is not in front', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    await report(fake, 3, 'https://www.reddit.com/r/x/');
    await fake.events.tabActivated.fire({ tabId: 3, windowId: 2 });
    await fake.settle();
    await minutes(fake, 1);
    expect((await today(fake)).total).toBe(MINUTE);
  });

  it('works without a windows API (Firefox for Android): the tab in front counts', async () => {
    const fake = await started({ windows: false });
    await fake.events.tabActivated.fire({ tabId: 1, windowId: 1 });
    await fake.settle();
    await report(fake, 1, FEED);
    await minutes(fake, 2);
    expect((await today(fake)).media).toBe(2 * MINUTE);
  });

  it('deletes all usage data: the totals and what was waiting to be written', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    await minutes(fake, 2);
    await fake.events.tabRemoved.fire(1);
    await fake.settle();
    expect(await ask(fake, { type: 'delete-usage' })).toBeNull();
    expect(await fake.local.get(['usageTotals', 'usageLastBatch'])).toEqual({});
    expect((await today(fake)).total).toBe(0);
  });

  it('resumes from storage.session after the worker restarts', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    await minutes(fake, 2);
    // A new worker on the same browser: no memory of its own, the same storage.
    for (const event of Object.values(fake.events)) event.listeners.length = 0;
    fake.onChanged.listeners.length = 0;
    startWorker(fake.env);
    await minutes(fake, 1);
    expect((await today(fake)).media).toBe(3 * MINUTE);
  });
});
