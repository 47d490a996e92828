import { describe, expect, it } from 'vitest';
import { budgetStatuses, dueBudgetNudges, spentFor } from '../../src/balance/budgets';
import { DRIFT_MS, initialDriftState, reduceDrift } from '../../src/balance/drift';
import { choose, intentionToday, promptDue, setIntentionsOn, snooze } from '../../src/balance/intentions';
import { createBalance } from '../../src/balance/runner';
import { DEFAULT_BUDGETS, type Intentions } from '../../src/balance/schema';
import { item, KEYS } from '../../src/storage/keys';
import { createUsageRecorder } from '../../src/usage/recorder';
import type { Credit } from '../../src/usage/schema';
import { fakeLocalArea } from '../helpers/fakeArea';

const MIN = 60_000;
/** 2024-03-10 23:50 UTC: ten minutes before midnight in UTC, and already the 11th in Tokyo (UTC+9). */
const T0 = Date.UTC(2024, 2, 10, 23, 50);
/** The local day in a time zone of a fixed offset, as the worker's `dayOf` answers it there. */
const dayIn = (offsetHours: number) => (ms: number) => new Date(ms + offsetHours * 3600_000).toISOString().slice(0, 10);
const utcDay = dayIn(0);

const credit = (day: string, domain: string, label: Credit['label'], minutes: number): Credit => ({
  day,
  domain,
  label,
  ms: minutes * MIN,
});

describe('intentions', () => {
  it('are off by default: no prompt, no intention, until the user opts in for a site', () => {
    const none: Intentions = {};
    expect(promptDue(none, 'linkedin.com', '2024-03-10', T0)).toBe(false);
    const on = setIntentionsOn(none, 'linkedin.com', true);
    expect(promptDue(on, 'linkedin.com', '2024-03-10', T0)).toBe(true);
    expect(promptDue(on, 'youtube.com', '2024-03-10', T0)).toBe(false);
  });

  it('hold for the local day they were chosen on, and ask again the next day', () => {
    const chosen = choose({}, 'linkedin.com', 'reply', '2024-03-10');
    expect(intentionToday(chosen, 'linkedin.com', '2024-03-10')).toEqual({
      choice: 'reply',
      side: 'networking',
      minutes: null,
    });
    expect(promptDue(chosen, 'linkedin.com', '2024-03-10', T0)).toBe(false);
    expect(intentionToday(chosen, 'linkedin.com', '2024-03-11')).toBeNull();
    expect(promptDue(chosen, 'linkedin.com', '2024-03-11', T0)).toBe(true);
  });

  it('snooze until a given instant, and "stop reminding me" forgets the site', () => {
    const on = setIntentionsOn({}, 'linkedin.com', true);
    const snoozed = snooze(on, 'linkedin.com', T0 + 60 * MIN);
    expect(promptDue(snoozed, 'linkedin.com', '2024-03-10', T0 + 59 * MIN)).toBe(false);
    expect(promptDue(snoozed, 'linkedin.com', '2024-03-10', T0 + 60 * MIN)).toBe(true);
    expect(setIntentionsOn(snoozed, 'linkedin.com', false)).toEqual({});
  });
});

describe('drift', () => {
  const intentions = choose({}, 'linkedin.com', 'reply', '2024-03-10');

  it('nudges after several minutes in the other mode, once, then counts again', () => {
    let state = initialDriftState();
    const nudges: string[] = [];
    for (let minute = 1; minute <= 11; minute++) {
      const step = reduceDrift(state, [credit('2024-03-10', 'linkedin.com', 'media', 1)], intentions, T0, '2024-03-10');
      state = step.state;
      nudges.push(...step.nudges.map((n) => `${minute}:${n.kind}`));
    }
    expect(DRIFT_MS).toBe(5 * MIN);
    expect(nudges).toEqual(['5:drift', '10:drift']);
  });

  it('starts from zero when the intention holds; mixed time moves nothing', () => {
    let state = initialDriftState();
    const feed = (label: Credit['label'], minutes: number) => {
      const step = reduceDrift(
        state,
        [credit('2024-03-10', 'linkedin.com', label, minutes)],
        intentions,
        T0,
        '2024-03-10',
      );
      state = step.state;
      return step.nudges;
    };
    expect(feed('media', 4)).toEqual([]);
    expect(feed('networking', 1)).toEqual([]);
    expect(feed('media', 4)).toEqual([]);
    expect(feed('mixed', 10)).toEqual([]);
    expect(feed('media', 1)).toEqual([{ kind: 'drift', domain: 'linkedin.com' }]);
  });

  it('nudges once when the minutes an intention named are used', () => {
    const videos = choose({}, 'youtube.com', 'videos20', '2024-03-10');
    let state = initialDriftState();
    const kinds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const step = reduceDrift(state, [credit('2024-03-10', 'youtube.com', 'media', 5)], videos, T0, '2024-03-10');
      state = step.state;
      kinds.push(...step.nudges.map((n) => n.kind));
    }
    expect(kinds).toEqual(['minutes']);
  });

  it('ends at the day boundary: credits of the day before and drift from yesterday do not count today', () => {
    let state = reduceDrift(
      initialDriftState(),
      [credit('2024-03-10', 'linkedin.com', 'media', 4)],
      intentions,
      T0,
      '2024-03-10',
    ).state;
    // Midnight passes; yesterday's intention is over, so nothing drifts from it.
    const late = reduceDrift(state, [credit('2024-03-10', 'linkedin.com', 'media', 2)], intentions, T0, '2024-03-11');
    expect(late.nudges).toEqual([]);
    expect(late.state).toEqual({ version: 1, day: '2024-03-11', prompted: [], sites: {} });
    state = late.state;
    const next = choose(intentions, 'linkedin.com', 'reply', '2024-03-11');
    const today = reduceDrift(state, [credit('2024-03-11', 'linkedin.com', 'media', 4)], next, T0, '2024-03-11');
    expect(today.nudges).toEqual([]);
  });

  it('gives no nudge while snoozed, but keeps counting', () => {
    const snoozed = snooze(intentions, 'linkedin.com', T0 + 30 * MIN);
    const step = reduceDrift(
      initialDriftState(),
      [credit('2024-03-10', 'linkedin.com', 'media', 6)],
      snoozed,
      T0,
      '2024-03-10',
    );
    expect(step.nudges).toEqual([]);
  });
});

describe('budgets', () => {
  const budgets = { ...DEFAULT_BUDGETS, media: 30, networking: 60, mediaPerSite: { 'youtube.com': 10 } };

  it('add media time across all sites, and a site budget counts that site alone', () => {
    const statuses = budgetStatuses(budgets, {
      'youtube.com': { media: 12 * MIN, networking: 0, mixed: 50 * MIN },
      'instagram.com': { media: 15 * MIN, networking: 5 * MIN, mixed: 0 },
    });
    expect(statuses.map((s) => [s.id, s.usedMs / MIN, s.spent])).toEqual([
      ['media', 27, false],
      ['networking', 5, false],
      ['media:youtube.com', 12, true],
    ]);
    expect(spentFor(statuses, 'youtube.com').map((s) => s.id)).toEqual(['media:youtube.com']);
    expect(spentFor(statuses, 'instagram.com')).toEqual([]);
  });

  it('none is set by default', () => {
    expect(budgetStatuses(DEFAULT_BUDGETS, { 'youtube.com': { media: 999 * MIN, networking: 0, mixed: 0 } })).toEqual(
      [],
    );
  });

  it('nudge once per budget and day', () => {
    const statuses = budgetStatuses(budgets, { 'youtube.com': { media: 40 * MIN, networking: 0, mixed: 0 } });
    const first = dueBudgetNudges(statuses, null, '2024-03-10');
    expect(first.due.map((s) => s.id)).toEqual(['media', 'media:youtube.com']);
    expect(dueBudgetNudges(statuses, first.given, '2024-03-10').due).toEqual([]);
    expect(dueBudgetNudges(statuses, first.given, '2024-03-11').due.map((s) => s.id)).toEqual([
      'media',
      'media:youtube.com',
    ]);
  });

  it('forget a budget that is no longer spent (raised), so that its new limit nudges once reached', () => {
    const used = { 'youtube.com': { media: 40 * MIN, networking: 0, mixed: 0 } };
    const first = dueBudgetNudges(budgetStatuses(budgets, used), null, '2024-03-10');
    const raised = { ...budgets, media: 60 };
    const after = dueBudgetNudges(budgetStatuses(raised, used), first.given, '2024-03-10');
    expect(after.due).toEqual([]);
    expect(after.given.given).toEqual(['media:youtube.com']);
    const more = { 'youtube.com': { media: 60 * MIN, networking: 0, mixed: 0 } };
    expect(dueBudgetNudges(budgetStatuses(raised, more), after.given, '2024-03-10').due.map((s) => s.id)).toEqual([
      'media',
    ]);
  });
});

describe('balance over the usage recorder, with a fake clock', () => {
  function setup(dayOf: (ms: number) => string) {
    const local = fakeLocalArea();
    const session = fakeLocalArea();
    let clock = T0 - 10 * MIN;
    const env = { local, session, now: () => clock, dayOf };
    const recorder = createUsageRecorder({
      ...env,
      retentionDays: async () => 90,
      usageDisabled: async () => false,
    });
    return {
      local,
      session,
      env,
      recorder,
      advance: (ms: number) => (clock += ms),
      /** A new worker: nothing in memory, everything from the areas. */
      balance: () => createBalance(env),
    };
  }

  it('nudges after drift across worker restarts, each minute handled by a fresh worker', async () => {
    const s = setup(utcDay);
    await s.local.set(item(KEYS.intentions, choose({}, 'linkedin.com', 'reply', '2024-03-10')));
    await s.recorder.record({ type: 'tab-activated', tabId: 1 });
    await s.recorder.record({ type: 'verdict', tabId: 1, domain: 'linkedin.com', label: 'media' });
    const nudges: number[] = [];
    for (let minute = 1; minute <= 6; minute++) {
      s.advance(MIN);
      const credits = await s.recorder.record({ type: 'tick' });
      if ((await s.balance().afterCredits(credits)).length > 0) nudges.push(minute);
    }
    expect(nudges).toEqual([5]);
  });

  it('counts a budget by the local day of the time zone in force, across midnight', async () => {
    // 25 minutes of video from 23:40 UTC: in UTC, 20 of them are on the 10th and 5 on the 11th, so today's
    // 20-minute budget is not spent; in Tokyo (UTC+9) all 25 are on the 11th, and it is.
    for (const [offset, expected] of [
      [0, []],
      [9, ['media']],
    ] as const) {
      const s = setup(dayIn(offset));
      await s.local.set(item(KEYS.budgets, { ...DEFAULT_BUDGETS, media: 20 }));
      await s.recorder.record({ type: 'tab-activated', tabId: 1 });
      await s.recorder.record({ type: 'verdict', tabId: 1, domain: 'youtube.com', label: 'media' });
      for (let minute = 0; minute < 25; minute++) {
        s.advance(MIN);
        await s.recorder.record({ type: 'tick' });
      }
      const today = await s.recorder.todayAll();
      expect(today['youtube.com']?.media).toBe((offset === 0 ? 5 : 25) * MIN);
      const { due } = await s.balance().checkBudgets(async () => today);
      expect(due.map((d) => d.id)).toEqual(expected);
    }
  });

  it('nudges about a spent budget once a day, even after the worker restarts', async () => {
    const s = setup(utcDay);
    await s.local.set(item(KEYS.budgets, { ...DEFAULT_BUDGETS, media: 5 }));
    await s.recorder.record({ type: 'tab-activated', tabId: 1 });
    await s.recorder.record({ type: 'verdict', tabId: 1, domain: 'youtube.com', label: 'media' });
    const dues: string[] = [];
    for (let minute = 1; minute <= 8; minute++) {
      s.advance(MIN);
      await s.recorder.record({ type: 'tick' });
      const { due } = await s.balance().checkBudgets(() => s.recorder.todayAll());
      dues.push(...due.map((d) => `${minute}:${d.id}`));
    }
    expect(dues).toEqual(['5:media']);
  });
});
