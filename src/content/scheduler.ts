/**
 * Decides when the content script reports again, and whether it must read the page again to do so. DOM
 * changes only add to a counter (constant work per mutation batch); URL changes report at once; activity
 * (typing, scrolling) reports within `minIntervalMs` without reading the page again unless it changed. At
 * most `maxPerMinute` reports in any minute, nothing while the tab is hidden.
 *
 * Reading a huge page costs milliseconds (an endless feed grows to tens of thousands of elements), so DOM
 * changes that keep giving the same features back off: the wait doubles from `mutationIntervalMs` up to
 * `maxMutationIntervalMs`, and starts again from the bottom once a reading finds something new or the URL
 * changes.
 */
export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface SchedulerOptions {
  /** Added nodes that make a change "substantial". */
  mutationThreshold: number;
  /** Least time between reports triggered by activity. */
  minIntervalMs: number;
  mutationIntervalMs: number;
  maxMutationIntervalMs: number;
  maxPerMinute: number;
}

const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  mutationThreshold: 25,
  minIntervalMs: 1500,
  mutationIntervalMs: 4000,
  maxMutationIntervalMs: 60_000,
  maxPerMinute: 12,
};

export interface ReportRequest {
  /** Read the page again (the URL or the DOM changed), rather than resend the last reading. */
  extract: boolean;
  urlChanged: boolean;
}

/** Runs a report; answers whether a new reading of the page differed from the last one. */
type ReportRunner = (request: ReportRequest) => boolean;

export class ExtractionScheduler {
  private pendingNodes = 0;
  private runs: number[] = [];
  private timer: unknown = null;
  private hidden = false;
  private urlChanged = false;
  private dirty = false;
  private activity = false;
  private mutationInterval: number;

  constructor(
    private readonly run: ReportRunner,
    private readonly clock: SchedulerClock,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {
    this.mutationInterval = options.mutationIntervalMs;
  }

  /** Called from the MutationObserver with the number of records in the batch. */
  noteMutations(count: number): void {
    this.pendingNodes += count;
    if (this.pendingNodes < this.options.mutationThreshold) return;
    this.dirty = true;
    this.schedule(this.mutationInterval);
  }

  /** The user did something worth reporting (typing, scrolling). */
  noteActivity(): void {
    this.activity = true;
    this.schedule(this.options.minIntervalMs);
  }

  noteUrlChange(): void {
    this.urlChanged = true;
    this.cancel();
    this.schedule(0);
  }

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    if (hidden) this.cancel();
    else if (this.urlChanged || this.dirty || this.activity) this.schedule(0);
  }

  private prune(): void {
    const cutoff = this.clock.now() - 60_000;
    while (this.runs.length > 0 && (this.runs[0] as number) <= cutoff) this.runs.shift();
  }

  private schedule(delayMs: number): void {
    if (this.hidden || this.timer !== null) return;
    this.prune();
    let wait = delayMs;
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
    const request: ReportRequest = { extract: this.urlChanged || this.dirty, urlChanged: this.urlChanged };
    const fromMutations = this.dirty && !this.urlChanged;
    this.pendingNodes = 0;
    this.urlChanged = false;
    this.dirty = false;
    this.activity = false;
    this.runs.push(this.clock.now());
    const changed = this.run(request);
    if (request.urlChanged || (fromMutations && changed)) this.mutationInterval = this.options.mutationIntervalMs;
    else if (fromMutations)
      this.mutationInterval = Math.min(this.mutationInterval * 2, this.options.maxMutationIntervalMs);
  }
}
