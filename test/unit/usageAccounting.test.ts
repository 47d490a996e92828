import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label } from '../../src/core/types';
import {
  type AccountingOptions,
  initialAccountingState,
  localDayOf,
  reduceUsage,
  restoreAccountingState,
  splitByDay,
  type UsageEvent,
} from '../../src/usage/accounting';
import type { AccountingState, Credit, UsageTotals } from '../../src/usage/schema';
import { addCredits } from '../../src/usage/totals';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
/** 2024-03-10T12:00:00Z */
const NOON = Date.UTC(2024, 2, 10, 12);

/** A day function for a fixed offset from UTC, in minutes; `zone.offset` may change mid-run like a real move. */
function zone(offsetMin = 0) {
  const z = {
    offset: offsetMin,
    dayOf: (ms: number) => new Date(ms + z.offset * MIN).toISOString().slice(0, 10),
  };
  return z;
}

/** Drives the reducer the way the worker does: a fake clock, a tick every minute, credits into totals. */
class Harness {
  state: AccountingState = initialAccountingState();
  totals: UsageTotals = {};
  credits: Credit[] = [];
  constructor(
    public now = NOON,
    readonly options: AccountingOptions = { dayOf: zone().dayOf },
  ) {}

  send(event: UsageEvent): void {
    const { state, credits } = reduceUsage(this.state, event, this.now, this.options);
    this.state = state;
    this.credits.push(...credits);
    this.totals = addCredits(this.totals, credits);
  }

  /** Lets time pass with the minute alarm firing (or not, for sleep). */
  advance(ms: number, ticks = true): void {
    const end = this.now + ms;
    if (ticks) {
      while (this.now + MIN <= end) {
        this.now += MIN;
        this.send({ type: 'tick' });
      }
    }
    this.now = end;
  }

  /** A worker restart: only what was stored survives, and it went through JSON. */
  restart(): void {
    this.state = restoreAccountingState(JSON.parse(JSON.stringify(this.state)));
  }

  ms(domain: string, label: Exclude<Label, 'none'>, day?: string): number {
    let sum = 0;
    for (const [d, sites] of Object.entries(this.totals)) {
      if (day === undefined || d === day) sum += sites[domain]?.[label] ?? 0;
    }
    return sum;
  }

  total(): number {
    return this.credits.reduce((s, c) => s + c.ms, 0);
  }
}

function open(h: Harness, tabId: number, domain: string | null, label: Label) {
  h.send({ type: 'verdict', tabId, domain, label });
}

describe('usage accounting', () => {
  it('credits the active tab and moves with tab switches', () => {
    const h = new Harness();
    open(h, 1, 'youtube.com', 'media');
    open(h, 2, 'linkedin.com', 'networking');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(5 * MIN + 20 * SEC);
    h.send({ type: 'tab-activated', tabId: 2 });
    h.advance(3 * MIN);
    h.send({ type: 'tick' });
    expect(h.ms('youtube.com', 'media')).toBe(5 * MIN + 20 * SEC);
    expect(h.ms('linkedin.com', 'networking')).toBe(3 * MIN);
    expect(h.ms('linkedin.com', 'media')).toBe(0);
  });

  it('credits a label change from the moment the verdict changes', () => {
    const h = new Harness();
    open(h, 1, 'facebook.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(2 * MIN);
    open(h, 1, 'facebook.com', 'networking');
    h.advance(1 * MIN);
    expect(h.ms('facebook.com', 'media')).toBe(2 * MIN);
    expect(h.ms('facebook.com', 'networking')).toBe(1 * MIN);
  });

  it('does not count pages labelled none or without a domain', () => {
    const h = new Harness();
    open(h, 1, 'example.com', 'none');
    open(h, 2, null, 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(2 * MIN);
    h.send({ type: 'tab-activated', tabId: 2 });
    h.advance(2 * MIN);
    expect(h.credits).toEqual([]);
  });

  it('stops counting while the browser has no focus', () => {
    const h = new Harness();
    open(h, 1, 'x.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(1 * MIN);
    h.send({ type: 'window-focus', focused: false });
    h.advance(10 * MIN);
    h.send({ type: 'window-focus', focused: true });
    h.advance(30 * SEC);
    h.send({ type: 'tick' });
    expect(h.ms('x.com', 'media')).toBe(1 * MIN + 30 * SEC);
  });

  it('stops counting while the user is idle or the screen is locked', () => {
    const h = new Harness();
    open(h, 1, 'reddit.com', 'networking');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(2 * MIN);
    h.send({ type: 'idle', state: 'idle' });
    h.advance(5 * MIN);
    h.send({ type: 'idle', state: 'locked' });
    h.advance(20 * MIN);
    h.send({ type: 'idle', state: 'active' });
    h.advance(1 * MIN);
    expect(h.ms('reddit.com', 'networking')).toBe(3 * MIN);
  });

  it('counts a tab playing media in the background, unfocused and idle', () => {
    const h = new Harness();
    open(h, 1, 'youtube.com', 'media');
    open(h, 2, 'linkedin.com', 'networking');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.send({ type: 'media', tabId: 1, playing: true });
    h.send({ type: 'tab-activated', tabId: 2 });
    h.advance(4 * MIN);
    h.send({ type: 'window-focus', focused: false });
    h.advance(2 * MIN);
    h.send({ type: 'idle', state: 'idle' });
    h.advance(3 * MIN);
    h.send({ type: 'media', tabId: 1, playing: false });
    h.advance(5 * MIN);
    expect(h.ms('youtube.com', 'media')).toBe(9 * MIN);
    expect(h.ms('linkedin.com', 'networking')).toBe(4 * MIN);
  });

  it('never counts the same moment twice for a tab or a site', () => {
    const h = new Harness();
    open(h, 1, 'youtube.com', 'media');
    open(h, 2, 'youtube.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.send({ type: 'media', tabId: 1, playing: true });
    h.send({ type: 'media', tabId: 2, playing: true });
    h.send({ type: 'media', tabId: 1, playing: true });
    h.advance(10 * MIN);
    expect(h.ms('youtube.com', 'media')).toBe(10 * MIN);
  });

  it('stops counting a tab when it is closed', () => {
    const h = new Harness();
    open(h, 1, 'tiktok.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.send({ type: 'media', tabId: 1, playing: true });
    h.advance(90 * SEC);
    h.send({ type: 'tab-removed', tabId: 1 });
    h.advance(5 * MIN);
    expect(h.ms('tiktok.com', 'media')).toBe(90 * SEC);
    expect(h.state.tabs).toEqual({});
    expect(h.state.activeTabId).toBeNull();
  });

  it('credits only a grace period after a sleep, not the whole gap', () => {
    const h = new Harness(NOON, { dayOf: zone().dayOf, maxGapMs: 3 * MIN, graceMs: 30 * SEC });
    open(h, 1, 'instagram.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(2 * MIN);
    h.advance(8 * HOUR, false); // lid closed: no alarm fires
    h.send({ type: 'tick' });
    h.advance(1 * MIN);
    expect(h.ms('instagram.com', 'media')).toBe(2 * MIN + 30 * SEC + 1 * MIN);
  });

  it('credits a gap up to maxGapMs in full (a late alarm is not a sleep)', () => {
    const h = new Harness(NOON, { dayOf: zone().dayOf, maxGapMs: 3 * MIN, graceMs: 30 * SEC });
    open(h, 1, 'instagram.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(150 * SEC, false);
    h.send({ type: 'tick' });
    expect(h.ms('instagram.com', 'media')).toBe(150 * SEC);
  });

  it('loses and doubles nothing when the worker restarts mid-interval', () => {
    const script = (h: Harness, restartAt: Set<number>) => {
      open(h, 1, 'facebook.com', 'media');
      open(h, 2, 'youtube.com', 'media');
      h.send({ type: 'tab-activated', tabId: 1 });
      h.send({ type: 'media', tabId: 2, playing: true });
      for (let step = 0; step < 12; step++) {
        h.advance(37 * SEC, false);
        if (restartAt.has(step)) h.restart();
        h.send(step % 3 === 0 ? { type: 'tick' } : { type: 'tab-activated', tabId: (step % 2) + 1 });
      }
    };
    const plain = new Harness();
    script(plain, new Set());
    const restarted = new Harness();
    script(restarted, new Set([0, 3, 4, 7, 11]));
    expect(restarted.totals).toEqual(plain.totals);
    expect(restarted.ms('facebook.com', 'media') + restarted.ms('youtube.com', 'media')).toBeGreaterThan(0);
  });

  it('applies the sleep rule to a restart after a long absence', () => {
    const h = new Harness();
    open(h, 1, 'x.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(1 * MIN);
    h.restart();
    h.advance(2 * HOUR, false);
    h.send({ type: 'tick' });
    expect(h.ms('x.com', 'media')).toBe(1 * MIN + 30 * SEC);
  });

  it('splits an interval that crosses local midnight between the two days', () => {
    const z = zone(60); // UTC+1
    const h = new Harness(Date.UTC(2024, 2, 10, 22, 58, 30), { dayOf: z.dayOf });
    open(h, 1, 'reddit.com', 'networking');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(3 * MIN, false);
    h.send({ type: 'tick' });
    expect(h.ms('reddit.com', 'networking', '2024-03-10')).toBe(90 * SEC);
    expect(h.ms('reddit.com', 'networking', '2024-03-11')).toBe(90 * SEC);
  });

  it('keeps totals equal to active wall-clock time across time-zone changes', () => {
    const z = zone(0);
    const h = new Harness(Date.UTC(2024, 2, 10, 22, 30), { dayOf: z.dayOf });
    open(h, 1, 'linkedin.com', 'networking');
    h.send({ type: 'tab-activated', tabId: 1 });
    let active = 0;
    const offsets = [0, 180, -300, 840, -720, 60, 0];
    for (const offset of offsets) {
      z.offset = offset; // the user flies or changes the system zone; Date follows at once
      for (let i = 0; i < 17; i++) {
        h.advance(43 * SEC, false);
        h.send({ type: 'tick' });
        active += 43 * SEC;
      }
    }
    expect(h.total()).toBe(active);
    expect(h.ms('linkedin.com', 'networking')).toBe(active);
    expect(h.credits.every((c) => c.ms > 0)).toBe(true);
    // Each slice went to the day its instant falls on in the zone in force when it was credited.
    expect(Object.keys(h.totals).sort()).toEqual(expect.arrayContaining(['2024-03-10', '2024-03-11']));
  });

  it('credits nothing, and nothing negative, when the clock is set back', () => {
    const h = new Harness();
    open(h, 1, 'x.com', 'media');
    h.send({ type: 'tab-activated', tabId: 1 });
    h.advance(1 * MIN);
    h.now -= 30 * MIN;
    h.send({ type: 'tick' });
    h.advance(1 * MIN);
    expect(h.ms('x.com', 'media')).toBe(2 * MIN);
    expect(h.credits.every((c) => c.ms > 0)).toBe(true);
  });

  it('restores only a well-formed state', () => {
    const state = { ...initialAccountingState(), lastSeen: NOON, activeTabId: 3 };
    expect(restoreAccountingState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    for (const bad of [
      null,
      'x',
      { ...state, version: 2 },
      { ...state, idle: 'asleep' },
      { ...state, lastSeen: Number.NaN },
      { ...state, tabs: { '1': { domain: 'x.com', label: 'social', playing: false } } },
      { ...state, tabs: { abc: { domain: 'x.com', label: 'media', playing: false } } },
    ]) {
      expect(restoreAccountingState(bad)).toEqual(initialAccountingState());
    }
  });

  it('names local days with the machine clock by default', () => {
    const d = new Date(2024, 0, 5, 23, 59);
    expect(localDayOf(d.getTime())).toBe('2024-01-05');
  });
});

describe('splitByDay', () => {
  it('gives pieces that add up exactly, whatever dayOf does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * 10 ** 12 }),
        fc.integer({ min: 1, max: 5 * 86_400_000 }),
        fc.integer({ min: -720, max: 840 }),
        (from, length, offset) => {
          const z = zone(offset);
          const slices = splitByDay(from, from + length, z.dayOf);
          const sum = [...slices.values()].reduce((a, b) => a + b, 0);
          expect(sum).toBe(length);
          for (const ms of slices.values()) expect(ms).toBeGreaterThan(0);
          // Never more days than the interval can touch.
          expect(slices.size).toBeLessThanOrEqual(Math.ceil(length / 86_400_000) + 1);
        },
      ),
    );
  });

  it('survives a dayOf that changes its mind', () => {
    let calls = 0;
    const flaky = () => (calls++ % 2 === 0 ? '2024-01-01' : '2024-01-02');
    const slices = splitByDay(0, 10 * MIN, flaky);
    expect([...slices.values()].reduce((a, b) => a + b, 0)).toBe(10 * MIN);
  });
});

describe('accounting invariants', () => {
  const event = fc.oneof(
    fc.record({ type: fc.constant('tab-activated' as const), tabId: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ type: fc.constant('window-focus' as const), focused: fc.boolean() }),
    fc.record({ type: fc.constant('idle' as const), state: fc.constantFrom('active', 'idle', 'locked') }),
    fc.record({
      type: fc.constant('verdict' as const),
      tabId: fc.integer({ min: 1, max: 4 }),
      domain: fc.constantFrom('a.com', 'b.com', null),
      label: fc.constantFrom<Label>('media', 'networking', 'mixed', 'none'),
    }),
    fc.record({ type: fc.constant('media' as const), tabId: fc.integer({ min: 1, max: 4 }), playing: fc.boolean() }),
    fc.record({ type: fc.constant('tab-removed' as const), tabId: fc.integer({ min: 1, max: 4 }) }),
    fc.constant({ type: 'tick' as const }),
  ) as fc.Arbitrary<UsageEvent>;
  const step = fc.record({
    event,
    wait: fc.integer({ min: 0, max: 6 * MIN }),
    restart: fc.boolean(),
    offset: fc.constantFrom(0, 60, -300, 540),
  });

  it('never credits a site more than the time that passed, and restarts change nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const za = zone();
        const zb = zone();
        const a = new Harness(NOON, { dayOf: za.dayOf });
        const b = new Harness(NOON, { dayOf: zb.dayOf });
        for (const s of steps) {
          za.offset = s.offset;
          zb.offset = s.offset;
          a.advance(s.wait, false);
          b.advance(s.wait, false);
          if (s.restart) b.restart();
          a.send(s.event);
          b.send(s.event);
        }
        expect(b.totals).toEqual(a.totals);
        const elapsed = a.now - NOON;
        for (const domain of ['a.com', 'b.com']) {
          const sum = a.ms(domain, 'media') + a.ms(domain, 'networking') + a.ms(domain, 'mixed');
          expect(sum).toBeLessThanOrEqual(elapsed);
        }
        expect(a.credits.every((c) => c.ms > 0)).toBe(true);
      }),
    );
  });
});
