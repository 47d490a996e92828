import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY_WAIT_MS } from '../../src/background/areas';
import { startWorker } from '../../src/background/worker';
import { extractFeatures } from '../../src/core/features';
import { setMessageSource } from '../../src/shared/i18n';
import { ask, type FakeEnvOptions, fakeWorkerEnv, sendToWorker, settle, tabSender } from '../helpers/fakeWorkerEnv';
import { messageSource } from '../helpers/locales';

beforeAll(() => setMessageSource(messageSource('en')));

const FEED = 'https://www.linkedin.com/feed/';
const JOBS = 'https://www.linkedin.com/jobs/';

function started(options?: FakeEnvOptions) {
  const fake = fakeWorkerEnv(options);
  startWorker(fake.env);
  return fake;
}

function report(fake: ReturnType<typeof fakeWorkerEnv>, tabId: number, url: string) {
  return ask(fake, { type: 'page-features', features: extractFeatures(null, url) }, tabSender(tabId, url));
}

const note = (text: string, reminder: boolean, path: string | null = null) =>
  ({ type: 'save-note', domain: 'linkedin.com', path, text, reminder }) as const;

describe('the worker, notes and reminders', () => {
  it('saves a note where the settings say, and answers where it went', async () => {
    const fake = started();
    const saved = await ask(fake, note('Only recruiters', false));
    expect(saved).toMatchObject({ note: { domain: 'linkedin.com', text: 'Only recruiters' }, area: 'local' });
    expect(Object.keys(await fake.local.all())).toContain('note:linkedin.com');
  });

  it('deletes a note emptied with no reminder instead of keeping a blank', async () => {
    const fake = started();
    await ask(fake, note('Only recruiters', false));
    expect(await ask(fake, note('  ', false))).toEqual({ deleted: true });
    expect(Object.keys(await fake.local.all())).not.toContain('note:linkedin.com');
  });

  it('reminds once per visit: the first report of a visit gets the note, later ones do not', async () => {
    const fake = started();
    await ask(fake, note('Only recruiters', true));
    expect(await report(fake, 1, FEED)).toEqual({ reminder: { text: 'Only recruiters', dismiss: expect.any(String) } });
    expect(await report(fake, 1, JOBS)).toEqual({});
    // Another tab is another visit.
    expect((await report(fake, 2, FEED)).reminder?.text).toBe('Only recruiters');
    // Leaving for another covered site ends the visit; coming back starts a new one.
    await report(fake, 1, 'https://www.reddit.com/r/x/');
    expect((await report(fake, 1, FEED)).reminder?.text).toBe('Only recruiters');
  });

  it('a closed tab forgets its visit', async () => {
    const fake = started();
    await ask(fake, note('Only recruiters', true));
    await report(fake, 1, FEED);
    await fake.events.tabRemoved.fire(1);
    expect((await report(fake, 1, FEED)).reminder?.text).toBe('Only recruiters');
  });

  it('the page note wins over the site note', async () => {
    const fake = started();
    await ask(fake, note('Site', true));
    await ask(fake, note('Jobs only', true, '/jobs/'));
    expect((await report(fake, 1, JOBS)).reminder?.text).toBe('Jobs only');
    expect((await report(fake, 2, FEED)).reminder?.text).toBe('Site');
  });

  it("a reminder switched off or a note deleted leaves the site's open tabs at once", async () => {
    const fake = started();
    await ask(fake, note('Only recruiters', true));
    await report(fake, 1, FEED);
    await report(fake, 2, 'https://www.reddit.com/r/x/');
    await ask(fake, note('Only recruiters', false));
    expect(fake.sentToTabs).toEqual([{ tabId: 1, message: { type: 'hide-reminder' } }]);
    await ask(fake, { type: 'delete-note', domain: 'linkedin.com', path: null });
    expect(fake.sentToTabs).toHaveLength(2);
    expect(Object.keys(await fake.local.all())).not.toContain('note:linkedin.com');
    // The tooltip no longer mentions a note.
    expect(fake.badges.get(1)?.title).not.toMatch(/·/);
  });

  it('with notes turned off by the administrator: no reminder, and a save is refused', async () => {
    const fake = started({ local: {}, managed: { disableNotes: true } });
    const refused = await sendToWorker(fake, note('Only recruiters', true));
    expect(refused.ok).toBe(false);
    expect(await report(fake, 1, FEED)).toEqual({});
  });

  it('does not wait for a slow policy read longer than it must', async () => {
    const fake = fakeWorkerEnv();
    let answer: (policy: Record<string, unknown>) => void = () => {};
    const slow = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    fake.env.storage.managed = { get: () => slow };
    startWorker(fake.env);
    const pending = report(fake, 1, FEED);
    await fake.settle();
    fake.advance(POLICY_WAIT_MS);
    expect(await pending).toEqual({});
    expect(fake.badges.get(1)?.text).toBe('MED');
    // Once it answers, the policy applies.
    answer({ disableNotes: true });
    await fake.settle();
    expect((await sendToWorker(fake, note('x', false))).ok).toBe(false);
  });
});

describe('the worker, notes held back by the sync write rate', () => {
  it('plans an alarm when sync refuses for its write rate, and the alarm moves the note to sync', async () => {
    const fake = started({ local: { schemaVersion: 3, settings: { sync: true, retentionDays: 90 } } });
    fake.sync?.inner.failNextWrite(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    const saved = await ask(fake, note('Written in a busy minute', false));
    expect(saved).toMatchObject({ area: 'local', notice: { quota: 'MAX_WRITE_OPERATIONS_PER_MINUTE' } });
    expect(fake.alarmsCreated).toContainEqual({ name: 'notes-sync-retry', delayInMinutes: 1 });

    fake.advance(61_000);
    await fake.events.alarm.fire({ name: 'notes-sync-retry' });
    await settle();
    expect(await fake.sync?.all()).toMatchObject({ 'note:linkedin.com': { text: 'Written in a busy minute' } });
    expect(Object.keys(await fake.local.all())).not.toContain('note:linkedin.com');
    expect((await fake.local.all()).notices).toEqual([]);
  });

  it('plans no alarm for a note that went to sync', async () => {
    const fake = started({ local: { schemaVersion: 3, settings: { sync: true, retentionDays: 90 } } });
    expect(await ask(fake, note('Plain', false))).toMatchObject({ area: 'sync' });
    expect(fake.alarmsCreated.filter((alarm) => alarm.name === 'notes-sync-retry')).toEqual([]);
  });
});
