/** The synthetic infinite feed: its load and its append phase, measured back to back. */
import { tabIdOf } from './badgePoll';
import type { BenchBrowser, Kind } from './browser';
import { type InPageResult, selectorCostsInPage, timeInPage } from './inpage';
import { type MetricDelta, Profiling, type Stopped } from './profiling';
import { sleep } from './sleep';

export interface FeedSample {
  kind: Kind;
  repeat: number;
  /** How long the feed kept appending, s. */
  seconds: number;
  phases: Array<{ name: string; extensionMs: number; pageBusyMs: number; spanMs: number; metrics: MetricDelta }>;
  extensionMs: number;
  pageBusyMs: number;
  /** Performance-domain script + layout + style time of the renderer over both phases (extension included). */
  scriptLayoutStyleMs: number;
  workerMs: number | null;
  /** Reports the worker stored for the tab during the run (extension only). */
  reports: number | null;
  heapUsedBytes: number;
  elementsAtStart: number;
  elementsAtEnd: number;
  appended: number;
  inPage: InPageResult | null;
  /** Each selector of the page's site on the final DOM, ms per query once warm (baseline only). */
  selectorCosts: Array<[string, number]> | null;
  hotspots: { page: Record<string, number>; worker: Record<string, number> };
}

function addInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, ms] of Object.entries(source)) target[key] = (target[key] ?? 0) + ms;
}

function countReports(args: { tabId: number }): boolean {
  const scope = globalThis as { __rorReports?: number; __rorReportListener?: unknown };
  scope.__rorReports = 0;
  if (!scope.__rorReportListener) {
    // No named inner functions in serialized code: tsx would wrap them in a helper the target does not have.
    scope.__rorReportListener = true;
    chrome.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
      const s = globalThis as { __rorReports?: number; __rorReportTab?: number };
      if (area === 'session' && `tab:${s.__rorReportTab}` in changes) s.__rorReports = (s.__rorReports ?? 0) + 1;
    });
  }
  (globalThis as { __rorReportTab?: number }).__rorReportTab = args.tabId;
  return true;
}

/**
 * The synthetic infinite feed: profiles the load (until 2 s after the load event, which covers the initial
 * report) and then the append phase until the page says it is done, as two profiles back to back.
 */
export async function measureFeed(
  browser: BenchBrowser,
  url: string,
  opts: { repeat: number; seconds: number; inPageWarmMs: number | null },
): Promise<FeedSample> {
  const withExtension = browser.kind !== 'baseline';
  const page = await browser.context.newPage();
  try {
    const profiling = await Profiling.open(browser, page);
    const tabId = browser.kind === 'extension' ? await tabIdOf(browser, page) : null;
    await page.goto(`${url}?warm=1`, { waitUntil: 'load' });
    if (tabId !== null) {
      await sleep(300);
      await browser.evaluateInWorker(countReports, { tabId });
    }
    const phases: FeedSample['phases'] = [];
    let workerMs: number | null = withExtension ? 0 : null;
    const hotspots = { page: {} as Record<string, number>, worker: {} as Record<string, number> };
    const record = (name: string, r: Stopped) => {
      addInto(hotspots.page, r.page.hotspots);
      if (r.worker) addInto(hotspots.worker, r.worker.hotspots);
      phases.push({
        name,
        extensionMs: r.page.extensionMs,
        pageBusyMs: r.page.otherBusyMs,
        spanMs: r.page.spanMs,
        metrics: r.metrics,
      });
      if (workerMs !== null && r.worker) workerMs += r.worker.extensionMs;
    };
    await profiling.start(withExtension, true);
    await page.goto(url, { waitUntil: 'load' });
    const start = await page.evaluate(() => document.getElementsByTagName('*').length);
    await sleep(2_000);
    record('load + first report', await profiling.stop(withExtension));
    await profiling.start(withExtension, false);
    await page.waitForFunction(() => (globalThis as { __feedDone?: boolean }).__feedDone === true, undefined, {
      // The page's timer falls behind on a loaded machine: a 120-s feed took more than 150 s under load 17.
      timeout: (opts.seconds * 3 + 30) * 1000,
      polling: 1000,
    });
    await sleep(300);
    record('appending', await profiling.stop(withExtension));
    const heapUsedBytes = await profiling.heapUsed();
    const end = await page.evaluate(() => ({
      elements: document.getElementsByTagName('*').length,
      appended: (globalThis as { __feedAppended?: number }).__feedAppended ?? 0,
    }));
    const reports =
      tabId !== null
        ? await browser.evaluateInWorker(() => (globalThis as { __rorReports?: number }).__rorReports ?? 0, undefined)
        : null;
    const inPage =
      opts.inPageWarmMs !== null && !withExtension ? await timeInPage(profiling.session, opts.inPageWarmMs) : null;
    return {
      kind: browser.kind,
      repeat: opts.repeat,
      seconds: opts.seconds,
      phases,
      extensionMs: phases.reduce((s, p) => s + p.extensionMs, 0),
      pageBusyMs: phases.reduce((s, p) => s + p.pageBusyMs, 0),
      scriptLayoutStyleMs: phases.reduce((s, p) => s + p.metrics.scriptMs + p.metrics.layoutMs + p.metrics.styleMs, 0),
      workerMs,
      reports,
      heapUsedBytes,
      elementsAtStart: start,
      elementsAtEnd: end.elements,
      appended: end.appended,
      inPage,
      selectorCosts: inPage ? await selectorCostsInPage(profiling.session, url, 20) : null,
      hotspots,
    };
  } finally {
    await page.close().catch(() => {});
  }
}
