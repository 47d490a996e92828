import { describe, expect, it } from 'vitest';
import {
  ActivityMeter,
  activityReasons,
  addActivity,
  emptyActivity,
  isActivityCounts,
  MAX_ACTIVITY,
} from '../../src/core/activity';
import { classify } from '../../src/core/classify';
import type { PageFeatures, Reason } from '../../src/core/types';

const weightOf = (reasons: Reason[], signal: string) => reasons.find((r) => r.signal === signal)?.weight ?? 0;

describe('activity counts', () => {
  it('adds and clamps', () => {
    expect(addActivity(emptyActivity(), { typing: 2, sends: 1, scrolls: 0, watchSeconds: 1.5 })).toEqual({
      typing: 2,
      sends: 1,
      scrolls: 0,
      watchSeconds: 1.5,
    });
    const big = { ...MAX_ACTIVITY };
    expect(isActivityCounts(addActivity(big, big))).toBe(true);
  });

  it('accepts only the four finite, non-negative, bounded counts', () => {
    expect(isActivityCounts(emptyActivity())).toBe(true);
    expect(isActivityCounts({ typing: 3, sends: 0, scrolls: 2, watchSeconds: 12.5 })).toBe(true);
    for (const bad of [
      null,
      undefined,
      7,
      [],
      { typing: Number.NaN, sends: 0, scrolls: 0, watchSeconds: 0 },
      { typing: -1, sends: 0, scrolls: 0, watchSeconds: 0 },
      { typing: 0, sends: Number.POSITIVE_INFINITY, scrolls: 0, watchSeconds: 0 },
      { typing: 0, sends: 0, scrolls: 1e12, watchSeconds: 0 },
      { typing: 0, sends: 0, scrolls: 0, watchSeconds: MAX_ACTIVITY.watchSeconds + 1 },
      { typing: '3', sends: 0, scrolls: 0, watchSeconds: 0 },
      { typing: 0, sends: 0, scrolls: 0 },
      { typing: 0, sends: 0, scrolls: 0, watchSeconds: 0, text: 'hello' },
    ]) {
      expect(isActivityCounts(bad)).toBe(false);
    }
  });
});

describe('activity reasons', () => {
  it('says nothing without activity', () => {
    expect(activityReasons(emptyActivity())).toEqual([]);
  });

  it('gives one keystroke a small weight and sustained typing nearly the maximum', () => {
    const one = weightOf(activityReasons({ ...emptyActivity(), typing: 1 }), 'activity.typing');
    const many = weightOf(activityReasons({ ...emptyActivity(), typing: 200 }), 'activity.typing');
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThanOrEqual(0.02);
    expect(many).toBeGreaterThanOrEqual(0.48);
    expect(many).toBeLessThanOrEqual(0.5);
    expect(weightOf(activityReasons({ ...MAX_ACTIVITY }), 'activity.typing')).toBe(0.5);
  });

  it('grows with activity and saturates on every side', () => {
    const caps = { 'activity.typing': 0.5, 'activity.sends': 0.5, 'activity.scrolling': 0.4, 'activity.watching': 0.4 };
    const key = {
      'activity.typing': 'typing',
      'activity.sends': 'sends',
      'activity.scrolling': 'scrolls',
      'activity.watching': 'watchSeconds',
    } as const;
    for (const [signal, cap] of Object.entries(caps)) {
      let previous = 0;
      for (const n of [1, 3, 10, 30, 100, 1000, 100_000]) {
        const w = weightOf(activityReasons({ ...emptyActivity(), [key[signal as keyof typeof key]]: n }), signal);
        expect(w).toBeGreaterThanOrEqual(previous);
        expect(w).toBeLessThanOrEqual(cap);
        previous = w;
      }
      expect(previous).toBe(cap);
    }
  });

  it('names the side and says it in plain words', () => {
    const reasons = activityReasons({ typing: 100, sends: 3, scrolls: 20, watchSeconds: 600 });
    expect(reasons.map((r) => [r.signal, r.leans, r.text])).toEqual(
      expect.arrayContaining([
        ['activity.typing', 'networking', 'you have been writing messages or replies'],
        ['activity.sends', 'networking', 'you sent messages or requests'],
        ['activity.scrolling', 'media', 'you have been scrolling through the feed'],
        ['activity.watching', 'media', 'you have been watching video'],
      ]),
    );
    const weights = reasons.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('can make a feed mixed when the user keeps messaging, but not for one keystroke', () => {
    const feed: PageFeatures = {
      url: 'https://www.facebook.com/',
      siteId: 'facebook',
      detectedBy: 'domain',
      signalPageType: null,
      signals: ['generic.feed', 'facebook.feed-post', 'facebook.sponsored'],
      embeds: 0,
      hasDocument: true,
    };
    const verdict = classify(feed);
    expect(verdict.label).toBe('media');
    const score = (reasons: Reason[], side: string) =>
      reasons.filter((r) => r.leans === side).reduce((s, r) => s + r.weight, 0);
    // classify.ts calls a page mixed when the weaker side is at least 0.45 and at least 75% of the stronger.
    const isMixed = (reasons: Reason[]) => {
      const media = score(reasons, 'media');
      const networking = score(reasons, 'networking');
      const weak = Math.min(media, networking);
      return weak >= 0.45 && weak / Math.max(media, networking) >= 0.75;
    };
    const messaging = activityReasons({ typing: 200, sends: 10, scrolls: 0, watchSeconds: 0 });
    expect(isMixed([...verdict.reasons, ...messaging])).toBe(true);
    const keystroke = activityReasons({ typing: 1, sends: 0, scrolls: 0, watchSeconds: 0 });
    expect(isMixed([...verdict.reasons, ...keystroke])).toBe(false);
  });
});

describe('activity meter', () => {
  function setup() {
    const clock = { time: 1_000_000, now: () => clock.time };
    return { clock, meter: new ActivityMeter(clock) };
  }

  it('counts typing at most once per 500 ms', () => {
    const { clock, meter } = setup();
    for (let i = 0; i < 10; i++) {
      meter.noteKeystroke();
      clock.time += 10;
    }
    expect(meter.snapshot().typing).toBe(1);
    // Steady typing, a key every 100 ms for 2 s.
    clock.time += 1000;
    for (let i = 0; i < 20; i++) {
      meter.noteKeystroke();
      clock.time += 100;
    }
    expect(meter.snapshot().typing).toBe(1 + 4);
  });

  it('counts one send for notifications of the same action', () => {
    const { clock, meter } = setup();
    meter.noteSend();
    clock.time += 50;
    meter.noteSend();
    clock.time += 5000;
    meter.noteSend();
    expect(meter.snapshot().sends).toBe(2);
  });

  it('counts a scroll burst only for 3 s of scrolling within 5 s', () => {
    const { clock, meter } = setup();
    const scrollFor = (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        meter.noteScroll();
        clock.time += 16;
      }
    };
    scrollFor(2400);
    expect(meter.snapshot().scrolls).toBe(0);
    clock.time += 10_000;
    // Flicks every two seconds never add up within five.
    for (let i = 0; i < 20; i++) {
      meter.noteScroll();
      clock.time += 2000;
    }
    expect(meter.snapshot().scrolls).toBe(0);
    clock.time += 10_000;
    scrollFor(2000);
    clock.time += 1000;
    scrollFor(1100);
    expect(meter.snapshot().scrolls).toBe(1);
    clock.time += 10_000;
    // Continuous scrolling: one burst per three seconds.
    scrollFor(30_000);
    expect(meter.snapshot().scrolls).toBeGreaterThanOrEqual(1 + 9);
    expect(meter.snapshot().scrolls).toBeLessThanOrEqual(1 + 10);
  });

  it('measures video watched while visible, whatever order the calls come in', () => {
    const { clock, meter } = setup();
    meter.setVideoPlaying(false); // a pause without a play
    meter.setVideoPlaying(true);
    clock.time += 10_000;
    meter.setVideoPlaying(true); // a second play changes nothing
    clock.time += 5_000;
    expect(meter.snapshot().watchSeconds).toBe(15);
    clock.time += 5_000;
    meter.setHidden(true);
    clock.time += 60_000;
    expect(meter.snapshot().watchSeconds).toBe(20);
    meter.setHidden(false);
    clock.time += 4_000;
    meter.setVideoPlaying(false);
    clock.time += 60_000;
    expect(meter.snapshot().watchSeconds).toBe(24);
  });

  it('survives a clock that steps back', () => {
    const { clock, meter } = setup();
    meter.setVideoPlaying(true);
    meter.noteKeystroke();
    clock.time -= 60_000;
    meter.noteKeystroke();
    meter.noteScroll();
    const counts = meter.snapshot();
    expect(isActivityCounts(counts)).toBe(true);
    expect(counts.typing).toBe(2);
    expect(counts.watchSeconds).toBe(0);
    clock.time += 3_000;
    expect(meter.snapshot().watchSeconds).toBe(3);
  });

  it('starts from nothing on a new page, keeping a video that still plays', () => {
    const { clock, meter } = setup();
    meter.noteKeystroke();
    meter.noteSend();
    meter.setVideoPlaying(true);
    clock.time += 5_000;
    meter.reset();
    expect(meter.snapshot()).toEqual(emptyActivity());
    clock.time += 2_000;
    expect(meter.snapshot().watchSeconds).toBe(2);
  });
});
