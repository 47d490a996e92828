/**
 * Decides when the content script extracts again. DOM changes only mark the page dirty (constant work per
 * mutation batch); extraction runs at most once per `minIntervalMs` and at most `maxPerMinute` times in any
 * minute, never while the tab is hidden. URL changes are the exception: they run at once (within budget),
 * because a new route is a new page for the user.
 */
export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Added nodes that make a change "substantial". */
  mutationThreshold: number;
  minIntervalMs: number;
  maxPerMinute: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  mutationThreshold: 25,
  minIntervalMs: 1500,
  maxPerMinute: 12,
};

export class ExtractionScheduler {
  private pendingNodes = 0;
  private runs: number[] = [];
  private timer: unknown = null;
  private hidden = false;
  private urlChanged = false;

  constructor(
    private readonly run: () => void,
    private readonly clock: SchedulerClock,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {}

  /** Called from the MutationObserver with the number of records in the batch. */
  noteMutations(count: number): void {
    this.pendingNodes += count;
    if (this.pendingNodes >= this.options.mutationThreshold) this.schedule(this.options.minIntervalMs);
  }

  /** The user did something worth reporting (typing, scrolling): report within the usual interval. */
  noteActivity(): void {
    this.schedule(this.options.minIntervalMs);
  }

  noteUrlChange(): void {
    this.urlChanged = true;
    this.schedule(0);
  }

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    if (hidden) {
      this.cancel();
    } else if (this.urlChanged || this.pendingNodes >= this.options.mutationThreshold) {
      this.schedule(0);
    }
  }

  /** Extractions in the last minute, for tests and the benchmark. */
  get recentRuns(): number {
    this.prune();
    return this.runs.length;
  }

  private prune(): void {
    const cutoff = this.clock.now() - 60_000;
    while (this.runs.length > 0 && (this.runs[0] as number) <= cutoff) this.runs.shift();
  }

  private schedule(delayMs: number): void {
    if (this.hidden || this.timer !== null) return;
    this.prune();
    let wait = delayMs;
    const last = this.runs[this.runs.length - 1];
    if (!this.urlChanged && last !== undefined) {
      wait = Math.max(wait, last + this.options.minIntervalMs - this.clock.now());
    }
    if (this.runs.length >= this.options.maxPerMinute) {
      wait = Math.max(wait, (this.runs[0] as number) + 60_000 - this.clock.now());
    }
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, wait));
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    if (this.hidden) return;
    this.prune();
    if (this.runs.length >= this.options.maxPerMinute) {
      this.schedule(0);
      return;
    }
    this.pendingNodes = 0;
    this.urlChanged = false;
    this.runs.push(this.clock.now());
    this.run();
  }
}
