/** One measured page load, with or without the extension. */
import { badgePoll, tabIdOf } from './badgePoll';
import type { BenchBrowser, Kind } from './browser';
import { type InPageResult, timeInPage } from './inpage';
import { type MetricDelta, Profiling } from './profiling';
import { sleep } from './sleep';

const SETTLE_MS = 200;

interface NavTiming {
  timeOrigin: number;
  domContentLoadedEnd: number;
  loadEnd: number;
  elements: number;
  visibility: string;
}

function readNavTiming(): NavTiming {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    timeOrigin: performance.timeOrigin,
    domContentLoadedEnd: nav?.domContentLoadedEventEnd ?? Number.NaN,
    loadEnd: nav?.loadEventEnd ?? Number.NaN,
    elements: document.getElementsByTagName('*').length,
    visibility: document.visibilityState,
  };
}

export interface LoadSample {
  kind: Kind;
  repeat: number;
  /** Extension-attributed main-thread ms in the page's renderer (content script, inclusive of DOM calls). */
  extensionMs: number;
  /** The rest of the page's main-thread busy time (page JS, parse, style, layout, paint, GC). */
  pageBusyMs: number;
  pageScriptMs: number;
  /** Extension JS time in the service worker while it handled this page's report (classify, storage, badge). */
  workerMs: number | null;
  metrics: MetricDelta;
  heapUsedBytes: number;
  badge: { fromNavigationMs: number; fromDomContentLoadedMs: number; fromLoadMs: number; label: string } | null;
  /** Content-script samples: first one after navigation start, ms (shows when document_idle ran). */
  contentScriptStartMs: number | null;
  hotspots: { page: Record<string, number>; worker: Record<string, number> };
  inPage: InPageResult | null;
  elements: number;
  visibility: string;
}

/** A same-site page the tab loads first, unmeasured, so that the measured load stays in its renderer process. */
export function warmupUrl(url: string): string {
  return new URL('/__bench_warmup', url).href;
}
export const WARMUP_HTML = '<!doctype html><title>warm-up</title><p>warm-up</p>';

/**
 * One measured load of `url` in a fresh tab. The tab first loads a tiny page of the same site (the profiler of
 * a page target does not follow a cross-process navigation, and a same-site one stays in the process); the
 * page's (and the worker's) CPU profiler then runs from just before the measured navigation until 200 ms after
 * the load event or after the badge is right, whichever is later.
 */
export async function measureLoad(
  browser: BenchBrowser,
  url: string,
  opts: { repeat: number; injected: boolean; inPageWarmMs: number | null },
): Promise<LoadSample> {
  const withExtension = browser.kind !== 'baseline';
  const page = await browser.context.newPage();
  try {
    const profiling = await Profiling.open(browser, page);
    const tracked = browser.kind === 'extension' && opts.injected;
    const tabId = tracked ? await tabIdOf(browser, page) : null;
    const warmSince = Date.now();
    const warmup = warmupUrl(url);
    await page.goto(warmup, { waitUntil: 'load' });
    // The warm-up page's own report must be handled before the measured window opens.
    if (tabId !== null) await (await badgePoll(browser, { tabId, since: warmSince, url: warmup, timeoutMs: 2_000 }))();
    // The floor shows nothing to wait for: its message is answered within a few ms.
    else if (withExtension && opts.injected) await sleep(150);

    await profiling.start(withExtension, true);
    const finish = tabId !== null ? await badgePoll(browser, { tabId, since: Date.now(), url }) : null;
    await page.goto(url, { waitUntil: 'load' });
    const loaded = Date.now();
    const polled = finish ? await finish() : null;
    await sleep(Math.max(0, Math.max(loaded, polled?.at ?? 0) + SETTLE_MS - Date.now()));
    const stopped = await profiling.stop(withExtension);
    const timing = await page.evaluate(readNavTiming);
    const heapUsedBytes = await profiling.heapUsed();
    const inPage =
      opts.inPageWarmMs !== null && !withExtension ? await timeInPage(profiling.session, opts.inPageWarmMs) : null;
    const badge =
      polled?.at != null
        ? {
            fromNavigationMs: polled.at - timing.timeOrigin,
            fromDomContentLoadedMs: polled.at - (timing.timeOrigin + timing.domContentLoadedEnd),
            fromLoadMs: polled.at - (timing.timeOrigin + timing.loadEnd),
            label: polled.label ?? '?',
          }
        : null;
    return {
      kind: browser.kind,
      repeat: opts.repeat,
      extensionMs: stopped.page.extensionMs,
      pageBusyMs: stopped.page.otherBusyMs,
      pageScriptMs: stopped.page.otherScriptMs,
      workerMs: stopped.worker ? stopped.worker.extensionMs : null,
      metrics: stopped.metrics,
      heapUsedBytes,
      badge,
      contentScriptStartMs: stopped.page.extensionFirstMs,
      hotspots: { page: stopped.page.hotspots, worker: stopped.worker?.hotspots ?? {} },
      inPage,
      elements: timing.elements,
      visibility: timing.visibility,
    };
  } finally {
    await page.close().catch(() => {});
  }
}
