import { describe, expect, it } from 'vitest';
import { ExtractionScheduler, type ReportRequest, type SchedulerClock } from '../../src/content/scheduler';

class FakeClock implements SchedulerClock {
  time = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  now() {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }
}

const OPTIONS = {
  mutationThreshold: 10,
  minIntervalMs: 1000,
  mutationIntervalMs: 2000,
  maxMutationIntervalMs: 16_000,
  maxPerMinute: 5,
};

function setup(changed = () => false) {
  const clock = new FakeClock();
  const requests: ReportRequest[] = [];
  const scheduler = new ExtractionScheduler(
    (request) => {
      requests.push(request);
      return changed();
    },
    clock,
    OPTIONS,
  );
  return { clock, scheduler, requests, runs: () => requests.length };
}

describe('extraction scheduler', () => {
  it('ignores small DOM changes and reads the page again after a substantial one', () => {
    const { clock, scheduler, requests } = setup();
    scheduler.noteMutations(3);
    clock.advance(5000);
    expect(requests).toHaveLength(0);
    for (let i = 0; i < 100; i++) scheduler.noteMutations(1);
    clock.advance(1999);
    expect(requests).toHaveLength(0);
    clock.advance(1);
    expect(requests).toEqual([{ extract: true, urlChanged: false }]);
  });

  it('reports at once after a URL change', () => {
    const { clock, scheduler, requests } = setup();
    scheduler.noteMutations(100);
    scheduler.noteUrlChange();
    clock.advance(0);
    expect(requests).toEqual([{ extract: true, urlChanged: true }]);
  });

  it('reports activity without reading the page again', () => {
    const { clock, scheduler, requests } = setup();
    scheduler.noteActivity();
    clock.advance(1000);
    expect(requests).toEqual([{ extract: false, urlChanged: false }]);
  });

  it('backs off while DOM changes bring nothing new, and starts over when something is new', () => {
    let fresh = false;
    const { clock, scheduler, requests } = setup(() => fresh);
    const times: number[] = [];
    for (let t = 0; t < 60_000; t += 100) {
      scheduler.noteMutations(50);
      const before = requests.length;
      clock.advance(100);
      if (requests.length > before) times.push(clock.time);
    }
    // 2 s, then 4, 8, 16, 16...: the gaps double up to the ceiling.
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(gaps.slice(0, 3)).toEqual([4000, 8000, 16_000]);
    expect(Math.max(...gaps)).toBe(16_000);
    // A reading that finds something new brings the wait back down to 2 s.
    fresh = true;
    scheduler.noteMutations(50);
    clock.advance(16_000);
    const seen = requests.length;
    scheduler.noteMutations(50);
    clock.advance(1999);
    expect(requests).toHaveLength(seen);
    clock.advance(1);
    expect(requests).toHaveLength(seen + 1);
  });

  it('never exceeds its budget per minute, however much the page changes', () => {
    const { clock, scheduler, runs } = setup(() => true);
    // Up to just short of a minute: any 60-second window holds at most maxPerMinute reports.
    for (let t = 0; t < 59_900; t += 50) {
      scheduler.noteMutations(500);
      scheduler.noteActivity();
      if (t % 1000 === 0) scheduler.noteUrlChange();
      clock.advance(50);
    }
    expect(runs()).toBeLessThanOrEqual(OPTIONS.maxPerMinute);
    expect(runs()).toBeGreaterThan(0);
    // The budget refills: the next minute gets its share again.
    for (let t = 0; t < 60_000; t += 50) {
      scheduler.noteMutations(500);
      clock.advance(50);
    }
    expect(runs()).toBeLessThanOrEqual(2 * OPTIONS.maxPerMinute);
    expect(runs()).toBeGreaterThan(OPTIONS.maxPerMinute);
  });

  it('does nothing while hidden and catches up when shown again', () => {
    const { clock, scheduler, runs } = setup();
    scheduler.setHidden(true);
    scheduler.noteUrlChange();
    scheduler.noteMutations(1000);
    clock.advance(60_000);
    expect(runs()).toBe(0);
    scheduler.setHidden(false);
    clock.advance(0);
    expect(runs()).toBe(1);
  });

  it('cancels a pending report when the tab is hidden', () => {
    const { clock, scheduler, runs } = setup();
    scheduler.noteMutations(100);
    scheduler.setHidden(true);
    clock.advance(10_000);
    expect(runs()).toBe(0);
  });
});
