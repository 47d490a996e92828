import { beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/background/worker';
import { DEFAULT_BUDGETS } from '../../src/balance/schema';
import type { NudgePayload } from '../../src/nudge/types';
import { setMessageSource } from '../../src/shared/i18n';
import { ask, type FakeWorkerEnv, sendToWorker, tabSender } from '../helpers/fakeWorkerEnv';
import { messageSource } from '../helpers/locales';
import { minutes, report, started } from '../helpers/workerSession';

/**
 * Intentions and budgets through the whole worker on the in-memory browser: reports, the minute's alarm, the
 * popup's and the nudge's messages, the toolbar button's tooltip and what is injected into the tab.
 */
beforeAll(() => setMessageSource(messageSource('en')));

const FEED = 'https://www.linkedin.com/feed/';
const _MINUTE = 60_000;
const SPENT = "Today's media budget is spent.";

/** A new worker on the same browser: nothing in memory, the same storage. */
function restart(fake: FakeWorkerEnv) {
  for (const event of Object.values(fake.events)) event.listeners.length = 0;
  fake.onChanged.listeners.length = 0;
  startWorker(fake.env);
}

/** The nudges shown in tabs so far, in order. */
function nudgesShown(fake: FakeWorkerEnv): NudgePayload[] {
  return fake.sentToTabs.flatMap(({ message }) => {
    const m = message as { type?: string; nudge?: NudgePayload };
    return m.type === 'show-nudge' && m.nudge ? [m.nudge] : [];
  });
}

const setMediaBudget = (fake: FakeWorkerEnv, media: number, pauseFeed = false) =>
  ask(fake, { type: 'set-budgets', budgets: { ...DEFAULT_BUDGETS, media, pauseFeed } });

describe('the worker, budgets', () => {
  it('says a spent media budget in the popup and the tooltip, and nudges once', async () => {
    const fake = await started();
    await setMediaBudget(fake, 3);
    await report(fake, 1, FEED);
    await minutes(fake, 2);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([]);
    expect(fake.badges.get(1)?.title).not.toContain(SPENT);
    await minutes(fake, 1);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([SPENT]);
    // The tooltip says it at once, without waiting for the page to report again; the badge keeps the label.
    expect(fake.badges.get(1)).toMatchObject({ text: 'MED' });
    expect(fake.badges.get(1)?.title).toContain(SPENT);
    expect(nudgesShown(fake).map((n) => [n.kind, n.header, n.text])).toEqual([
      ['nudge', 'Reach or Relate · linkedin.com', SPENT],
    ]);
    expect(fake.injected).toEqual([{ tabId: 1, files: ['src/nudge/nudge.js'] }]);
    // A page of the site reporting again keeps the tooltip (the labeler asks the budgets itself).
    await report(fake, 1, FEED);
    expect(fake.badges.get(1)?.title).toContain(SPENT);
    await minutes(fake, 5);
    expect(nudgesShown(fake)).toHaveLength(1);
  });

  it('is no longer spent once raised, and nudges again only when the new budget is reached', async () => {
    const fake = await started();
    await setMediaBudget(fake, 3);
    await report(fake, 1, FEED);
    await minutes(fake, 3);
    expect(nudgesShown(fake)).toHaveLength(1);
    await setMediaBudget(fake, 10);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([]);
    expect(fake.badges.get(1)?.title).not.toContain(SPENT);
    await minutes(fake, 6);
    expect(nudgesShown(fake)).toHaveLength(1);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([]);
    await minutes(fake, 1);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([SPENT]);
    expect(fake.badges.get(1)?.title).toContain(SPENT);
    expect(nudgesShown(fake)).toHaveLength(2);
  });

  it('is spent again at once when lowered under today’s time, and no budget is never spent', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    await minutes(fake, 4);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([]);
    await setMediaBudget(fake, 2);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([SPENT]);
    expect(fake.badges.get(1)?.title).toContain(SPENT);
    await ask(fake, { type: 'set-budgets', budgets: DEFAULT_BUDGETS });
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([]);
    expect(fake.badges.get(1)?.title).not.toContain(SPENT);
  });

  it('a site budget concerns that site alone', async () => {
    const fake = await started();
    await ask(fake, { type: 'set-budgets', budgets: { ...DEFAULT_BUDGETS, mediaPerSite: { 'linkedin.com': 2 } } });
    await report(fake, 1, FEED);
    await minutes(fake, 2);
    const siteSpent = "Today's media budget for linkedin.com is spent.";
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([siteSpent]);
    expect((await ask(fake, { type: 'get-balance', domain: 'reddit.com' })).spent).toEqual([]);
    expect(nudgesShown(fake).map((n) => n.text)).toEqual([siteSpent]);
  });

  it('covers the feed when the user asked for the cover, and only for media', async () => {
    const fake = await started();
    await setMediaBudget(fake, 2, true);
    await report(fake, 1, FEED);
    await minutes(fake, 2);
    expect(nudgesShown(fake).map((n) => n.kind)).toEqual(['cover']);
    expect(nudgesShown(fake)[0]?.labels.pass).toBe('Show the feed');
  });

  it('nudges once a day across worker restarts, and again the next day', async () => {
    // 23:50 local time: the day ends ten minutes in. The machine's own time zone decides the day.
    const start = new Date(2026, 11, 3, 23, 50).getTime();
    const fake = await started({ now: start });
    await setMediaBudget(fake, 3);
    await report(fake, 1, FEED);
    for (let minute = 0; minute < 6; minute++) {
      restart(fake);
      await minutes(fake, 1);
    }
    expect(nudgesShown(fake)).toHaveLength(1);
    expect(fake.badges.get(1)?.title).toContain(SPENT);
    // Past midnight the day's time starts from zero: the budget is not spent on the 4th until 3 minutes of it.
    await minutes(fake, 5);
    expect(new Date(fake.env.now()).getDate()).toBe(4);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([]);
    expect(fake.badges.get(1)?.title).not.toContain(SPENT);
    await minutes(fake, 1);
    expect(nudgesShown(fake)).toHaveLength(1);
    await minutes(fake, 1);
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).spent).toEqual([SPENT]);
    expect(nudgesShown(fake)).toHaveLength(2);
  });
});

describe('the worker, intentions', () => {
  it('asks on arrival once a day when the site is opted in, and nudges after drift from networking', async () => {
    const fake = await started();
    await report(fake, 1, FEED);
    expect(nudgesShown(fake)).toEqual([]);
    await ask(fake, { type: 'set-intentions-on', domain: 'linkedin.com', on: true });
    await report(fake, 1, FEED);
    await report(fake, 1, FEED);
    expect(nudgesShown(fake).map((n) => n.kind)).toEqual(['prompt']);
    await ask(fake, { type: 'nudge-action', action: 'choose', choice: 'reply' }, tabSender(1, FEED));
    expect(await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).toMatchObject({
      on: true,
      intention: 'Reply to messages',
    });
    // Scrolling the feed (media) for five minutes, each handled by a fresh worker.
    for (let minute = 0; minute < 4; minute++) {
      restart(fake);
      await minutes(fake, 1);
    }
    expect(nudgesShown(fake)).toHaveLength(1);
    await minutes(fake, 1);
    const drift = nudgesShown(fake)[1];
    expect(drift?.kind).toBe('nudge');
    expect(drift?.header).toBe('Reach or Relate · linkedin.com');
    expect(drift?.text).toContain('Reply to messages');
  });

  it('snooze holds the nudges for half an hour; "Stop reminding me" turns the site off', async () => {
    const fake = await started();
    await ask(fake, { type: 'set-intentions-on', domain: 'linkedin.com', on: true });
    await report(fake, 1, FEED);
    await ask(fake, { type: 'nudge-action', action: 'choose', choice: 'reply' }, tabSender(1, FEED));
    await ask(fake, { type: 'nudge-action', action: 'snooze' }, tabSender(1, FEED));
    // Drift goes on counting while snoozed: five minutes of it end just as the snooze does.
    await minutes(fake, 29);
    expect(nudgesShown(fake).map((n) => n.kind)).toEqual(['prompt']);
    await minutes(fake, 1);
    expect(nudgesShown(fake).map((n) => n.kind)).toEqual(['prompt', 'nudge']);
    await ask(fake, { type: 'nudge-action', action: 'stop' }, tabSender(1, FEED));
    expect((await ask(fake, { type: 'get-balance', domain: 'linkedin.com' })).on).toBe(false);
    await minutes(fake, 10);
    expect(nudgesShown(fake)).toHaveLength(2);
  });

  it('refuses a nudge action from a page that is not a tab', async () => {
    const fake = await started();
    const answer = await sendToWorker(fake, { type: 'nudge-action', action: 'stop' });
    expect(answer).toEqual({ ok: false, error: 'sender not allowed' });
  });
});
