/** The CPU profiler and the Performance domain of one page (and optionally the worker) over a measured window. */
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { type Attribution, attribute, type CpuProfile } from './profile';

/** Sampling interval of the CPU profiler, µs. */
export const SAMPLING_US = 100;

/** Frames of the harness's own evaluations count neither for the page nor for the extension. */
const isHarness = (url: string) => url.startsWith('__playwright') || url.startsWith('__puppeteer');

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * The Performance domain's durations, ms. Chromium keeps them per document: they start again at zero when a
 * navigation commits, so after a navigation the values are that document's totals and `before` must be empty.
 */
function metricDelta(after: Metrics, before: Metrics) {
  const d = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return {
    scriptMs: d('ScriptDuration'),
    layoutMs: d('LayoutDuration'),
    styleMs: d('RecalcStyleDuration'),
    taskMs: d('TaskDuration'),
  };
}

export type MetricDelta = ReturnType<typeof metricDelta>;

export interface Stopped {
  page: Attribution;
  worker: Attribution | null;
  metrics: MetricDelta;
}

export class Profiling {
  constructor(
    private readonly browser: BenchBrowser,
    private readonly cdp: CDPSession,
  ) {}
  #before: Metrics = {};

  static async open(browser: BenchBrowser, page: Page): Promise<Profiling> {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    return new Profiling(browser, cdp);
  }

  get session(): CDPSession {
    return this.cdp;
  }

  /** `navigates`: a navigation follows, whose document's metrics start from zero. */
  async start(withWorker: boolean, navigates: boolean): Promise<void> {
    this.#before = navigates ? {} : await metrics(this.cdp);
    if (withWorker) {
      const session = await this.browser.workerSession();
      await this.browser.raw.send('Profiler.enable', {}, session);
      await this.browser.raw.send('Profiler.setSamplingInterval', { interval: SAMPLING_US }, session);
      await this.browser.raw.send('Profiler.start', {}, session);
    }
    await this.cdp.send('Profiler.start');
  }

  async stop(withWorker: boolean): Promise<Stopped> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const after = await metrics(this.cdp);
    let worker: Attribution | null = null;
    if (withWorker) {
      const session = await this.browser.workerSession();
      const stopped = await this.browser.raw.send<{ profile: CpuProfile }>('Profiler.stop', {}, session);
      worker = attribute(stopped.profile, this.browser.isExtensionUrl, isHarness);
    }
    return {
      page: attribute(profile, this.browser.isExtensionUrl, isHarness),
      worker,
      metrics: metricDelta(after, this.#before),
    };
  }

  async heapUsed(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const heap = await this.cdp.send('Runtime.getHeapUsage');
    return heap.usedSize;
  }
}
