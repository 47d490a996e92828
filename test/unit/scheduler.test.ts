import { describe, expect, it } from 'vitest';
import { ExtractionScheduler, type SchedulerClock } from '../../src/content/scheduler';

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

const OPTIONS = { mutationThreshold: 10, minIntervalMs: 1000, maxPerMinute: 5 };

function setup() {
  const clock = new FakeClock();
  let runs = 0;
  const scheduler = new ExtractionScheduler(() => runs++, clock, OPTIONS);
  return { clock, scheduler, runs: () => runs };
}

describe('extraction scheduler', () => {
  it('ignores small DOM changes and extracts once after a substantial one', () => {
    const { clock, scheduler, runs } = setup();
    scheduler.noteMutations(3);
    clock.advance(5000);
    expect(runs()).toBe(0);
    for (let i = 0; i < 100; i++) scheduler.noteMutations(1);
    clock.advance(999);
    expect(runs()).toBe(0);
    clock.advance(1);
    expect(runs()).toBe(1);
  });

  it('extracts at once after a URL change', () => {
    const { clock, scheduler, runs } = setup();
    scheduler.noteUrlChange();
    clock.advance(0);
    expect(runs()).toBe(1);
  });

  it('never exceeds its budget per minute, however much the page changes', () => {
    const { clock, scheduler, runs } = setup();
    for (let t = 0; t < 60_000; t += 50) {
      scheduler.noteMutations(500);
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

  it('cancels a pending extraction when the tab is hidden', () => {
    const { clock, scheduler, runs } = setup();
    scheduler.noteMutations(100);
    scheduler.setHidden(true);
    clock.advance(10_000);
    expect(runs()).toBe(0);
  });
});
