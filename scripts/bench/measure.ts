import type { CDPSession, Page } from 'playwright-core';
import { BADGE_TEXT } from '../../src/background/badge';
import type { BenchBrowser, Kind } from './browser';
import { type InPageResult, selectorCostsInPage, timeInPage } from './inpage';
import { type Attribution, attribute, type CpuProfile } from './profile';

/** Sampling interval of the CPU profiler, µs. */
export const SAMPLING_US = 100;
const SETTLE_MS = 200;
const BADGE_TIMEOUT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Frames of the harness's own evaluations count neither for the page nor for the extension. */
const isHarness = (url: string) => url.startsWith('__playwright') || url.startsWith('__puppeteer');

export interface BadgePollArgs {
  tabId: number;
  /** Wall-clock ms: only a tab state stored at or after this counts. */
  since: number;
  /** The page URL the state must be for, or null for any. */
  url: string | null;
  texts: Record<string, string>;
  timeoutMs: number;
}

export interface BadgePollResult {
  /** Wall-clock ms at the end of the first poll that saw the right badge; null on timeout. */
  at: number | null;
  /** Wall-clock ms at the start of the poll before it: the badge changed after this. */
  notBefore: number | null;
  label: string | null;
  polls: number;
  maxGapMs: number;
}

/**
 * Worker-side (serialized): every 5 ms, reads the tab's stored state and its badge text; done once a state for
 * this page stored after `since` is there and the badge shows that state's label. The badge is set right after
 * the state is stored (labelTab), so the badge text is what decides the time.
 */
function startBadgePoll(args: BadgePollArgs): boolean {
  const scope = globalThis as { __rorBadgePoll?: Promise<unknown> };
  scope.__rorBadgePoll = (async () => {
    const key = `tab:${args.tabId}`;
    const start = Date.now();
    let polls = 0;
    let maxGapMs = 0;
    let previous = start;
    for (;;) {
      const pollStart = Date.now();
      maxGapMs = Math.max(maxGapMs, pollStart - previous);
      const [stored, text] = await Promise.all([
        chrome.storage.session.get(key),
        chrome.action.getBadgeText({ tabId: args.tabId }),
      ]);
      polls++;
      const state = stored[key] as { url: string; updatedAt: number; verdict: { label: string } } | undefined;
      if (state && state.updatedAt >= args.since && (args.url === null || state.url === args.url)) {
        if (text === args.texts[state.verdict.label]) {
          return { at: Date.now(), notBefore: previous, label: state.verdict.label, polls, maxGapMs };
        }
      }
      if (Date.now() - start > args.timeoutMs) return { at: null, notBefore: null, label: null, polls, maxGapMs };
      previous = pollStart;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return true;
}

function awaitBadgePoll(): Promise<unknown> {
  return (globalThis as { __rorBadgePoll?: Promise<unknown> }).__rorBadgePoll ?? Promise.resolve(null);
}

export async function badgePoll(
  browser: BenchBrowser,
  args: Omit<BadgePollArgs, 'texts' | 'timeoutMs'> & { timeoutMs?: number },
): Promise<() => Promise<BadgePollResult>> {
  await browser.evaluateInWorker(startBadgePoll, {
    ...args,
    texts: BADGE_TEXT,
    timeoutMs: args.timeoutMs ?? BADGE_TIMEOUT_MS,
  });
  return async () => (await browser.evaluateInWorker(awaitBadgePoll, undefined)) as BadgePollResult;
}

export async function tabIdOf(browser: BenchBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.evaluateInWorker(async () => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.length === 1 ? (tabs[0]?.id ?? null) : null;
  }, undefined);
  if (id === null) throw new Error('no single active tab');
  return id;
}

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

interface Stopped {
  page: Attribution;
  worker: Attribution | null;
  metrics: MetricDelta;
}

class Profiling {
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

export interface UrlChangeSample {
  from: string;
  to: string;
  /** From just before history.pushState (page clock) to the poll that saw the right badge (worker clock). */
  latencyMs: number | null;
  label: string | null;
}

/**
 * In-page URL changes: pushState between two routes of a single-page app that the extension labels
 * differently, waiting for the right badge after each. No DOM change goes with the pushState, so the content
 * script has to notice the URL change by itself.
 */
export async function measureUrlChanges(
  browser: BenchBrowser,
  urls: [string, string],
  changes: number,
): Promise<{ samples: UrlChangeSample[]; initial: number | null; state: unknown }> {
  const page = await browser.context.newPage();
  try {
    const tabId = await tabIdOf(browser, page);
    const since = Date.now();
    const first = await badgePoll(browser, { tabId, since, url: urls[0] });
    await page.goto(urls[0], { waitUntil: 'load' });
    const initial = await first();
    const samples: UrlChangeSample[] = [];
    for (let i = 0; i < changes; i++) {
      const from = urls[i % 2] as string;
      const to = urls[(i + 1) % 2] as string;
      const finish = await badgePoll(browser, { tabId, since: Date.now(), url: to });
      const t0 = await page.evaluate((target) => {
        const at = Date.now();
        history.pushState(null, '', target);
        return at;
      }, to);
      const polled = await finish();
      samples.push({ from, to, latencyMs: polled.at === null ? null : polled.at - t0, label: polled.label });
      await sleep(100);
    }
    const state = await browser.evaluateInWorker(
      async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`],
      tabId,
    );
    return { samples, initial: initial.at, state };
  } finally {
    await page.close().catch(() => {});
  }
}

/** First paint of a trivial data: page in the same browser: the floor that headless painting sets here. */
export async function measureTrivialPaint(browser: BenchBrowser): Promise<number | null> {
  const page = await browser.context.newPage();
  try {
    await page.goto('data:text/html,<!doctype html><title>paint</title><p>Reach or Relate</p>', { waitUntil: 'load' });
    await page
      .waitForFunction(() => performance.getEntriesByType('paint').length > 0, undefined, {
        timeout: 3_000,
        polling: 20,
      })
      .catch(() => {});
    return await page.evaluate(() => performance.getEntriesByName('first-paint', 'paint')[0]?.startTime ?? null);
  } finally {
    await page.close().catch(() => {});
  }
}

export interface PopupSample {
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  /** When the popup's main element stopped being aria-busy (the verdict is in the DOM), ms after navigation. */
  verdictInDomMs: number | null;
  headline: string | null;
}

/**
 * Opens the popup page in a tab of its own whose stored state holds a real verdict (a copy of `state` under
 * this tab's id and URL), so that it renders the verdict view as over a labelled tab.
 */
export async function measurePopup(browser: BenchBrowser, state: Record<string, unknown>): Promise<PopupSample> {
  const url = `${browser.extensionOrigin}/src/popup/index.html`;
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const scope = globalThis as { __rorVerdictAt?: number };
        if (scope.__rorVerdictAt === undefined && document.querySelector('main[aria-busy="false"]')) {
          scope.__rorVerdictAt = performance.now();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const tabId = await tabIdOf(browser, page);
    await browser.evaluateInWorker(
      async (args) => {
        await chrome.storage.session.set({
          [`tab:${args.tabId}`]: { ...args.state, tabId: args.tabId, url: args.url },
        });
      },
      { tabId, state, url },
    );
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(
        () =>
          performance.getEntriesByType('paint').length >= 2 &&
          (globalThis as { __rorVerdictAt?: number }).__rorVerdictAt !== undefined,
        undefined,
        { timeout: 5_000, polling: 20 },
      )
      .catch(() => {});
    return await page.evaluate(() => {
      const [fp, fcp] = ['first-paint', 'first-contentful-paint'].map(
        (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null,
      );
      return {
        firstPaintMs: fp ?? null,
        firstContentfulPaintMs: fcp ?? null,
        verdictInDomMs: (globalThis as { __rorVerdictAt?: number }).__rorVerdictAt ?? null,
        headline: document.querySelector('h1')?.textContent?.trim() ?? null,
      };
    });
  } finally {
    await page.close().catch(() => {});
  }
}
