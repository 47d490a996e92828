import {
  type AgainstFloor,
  againstFloor,
  type FeedLength,
  feedLengths,
  floorBudgets,
  renderFloor,
} from './floorSummary';
import type { FeedSample, LoadSample, PopupSample, UrlChangeSample } from './measure';
import type { NodeThroughput } from './node';
import type { SessionResult } from './session';
import { renderSession, type SessionSummary, sessionBudgets, summarizeSession } from './sessionSummary';
import type { FileSize } from './sizes';
import { max, median, percentile, round } from './stats';

export interface Report {
  meta: {
    date: string;
    nproc: number;
    cpuModel: string;
    chromium: string;
    node: string;
    quick: boolean;
    repeats: number;
    corpusRepeats: number;
    feedRepeats: number;
    loadAverage: { start: number[]; end: number[] };
    samplingIntervalUs: number;
    corpus: { sampled: number; total: number };
    realPages: { count: number } | { skipped: string };
    durationS: number;
    blockedRequests: { extension: number; floor: number; baseline: number };
  };
  /** `seconds`: the feed's run lengths, shortest first. */
  feedSetup: { initialElements: number; postsPerSecond: number; seconds: number[] };
  /** The long simulated session of the worker (session.ts), null when left out. */
  session: SessionResult | null;
  sizes: FileSize[];
  node: NodeThroughput;
  loads: Array<{ set: string; file: string; url: string; bytes: number; injected: boolean; samples: LoadSample[] }>;
  urlChanges: UrlChangeSample[];
  popup: PopupSample[];
  /** First paint of a trivial served page in the extension's browser: what headless painting costs at least. */
  trivialPaint: number[];
  feed: FeedSample[];
  workerHeap: Record<string, { usedBytes: number; totalBytes: number }>;
}

export const BUDGETS = {
  extractClassifyMs: 1,
  badgeP95Ms: 150,
  popupFirstPaintMs: 100,
  contentScriptBytes: 20_000,
};

/** The declared content scripts, one per site (scripts/build/siteScripts.ts): the size budget holds the largest. */
export const SITE_SCRIPTS = 'src/content/sites/';

export interface PageSummary {
  set: string;
  file: string;
  injected: boolean;
  elements: number;
  label: string | null;
  /** Medians over the repeats, with the extension. */
  contentScriptMs: number;
  pageBusyMs: number;
  pageScriptLayoutMs: number;
  ratioToScriptLayout: number;
  ratioToBusy: number;
  workerMs: number | null;
  /** The floor extension's content script on the same page, and the page heap it adds. */
  floorMs: number;
  floorHeapDeltaBytes: number;
  /** Without the extension: the same page's busy time, for comparison. */
  baselineBusyMs: number;
  /**
   * In-page (baseline browser, isolated world): the budget's figure, extraction as the content script runs it
   * (the first call in the document) plus classification as the long-lived worker runs it (warm).
   */
  extractClassifyMs: number;
  /** The content script's own set-up in its fresh world before the first extraction (see InPageResult). */
  worldSetupMs: number;
  coldExtractMs: number;
  coldClassifyMs: number;
  warmExtractMs: number;
  warmClassifyMs: number;
  heapDeltaBytes: number;
  badgeFromDclMs: number | null;
  contentScriptStartMs: number | null;
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  pass: boolean;
}

export interface Summary {
  pages: PageSummary[];
  floor: AgainstFloor[];
  feedLengths: FeedLength[];
  session: SessionSummary | null;
  extraction: {
    medianMs: number;
    p95Ms: number;
    worst: { file: string; ms: number } | null;
    /** Pages of the sites the content script is registered for, and pages it reads only when opted in. */
    knownSites: { pages: number; medianMs: number; worst: { file: string; ms: number } | null };
    otherSites: { pages: number; medianMs: number; worst: { file: string; ms: number } | null };
    worldSetupMedianMs: number;
    warmExtractMedianMs: number;
    coldClassifyMedianMs: number;
    warmClassifyMedianMs: number;
  };
  pageLoads: {
    contentScriptMedianMs: number;
    ratioMedian: number;
    workerMedianMs: number | null;
    heapDeltaMedianBytes: number;
  };
  badge: {
    loads: number;
    fromDcl: { p50: number; p95: number };
    fromNavigation: { p50: number; p95: number };
    fromLoad: { p50: number; p95: number };
    urlChange: { n: number; missed: number; p50: number; p95: number };
  };
  feed: {
    extensionMs: number;
    pageScriptLayoutMs: number;
    pageBusyMs: number;
    ratioToScriptLayout: number;
    ratioToBusy: number;
    baselineScriptLayoutMs: number;
    baselineBusyMs: number;
    workerMs: number | null;
    reports: number | null;
    phases: Array<{ name: string; extensionMs: number; pageBusyMs: number }>;
    extractOnFinalDom: { coldMs: number; warmMs: number; elements: number } | null;
    selectorCosts: Array<[string, number]>;
    heapDeltaBytes: number;
  };
  popup: {
    opens: number;
    firstPaint: { p50: number; p95: number };
    fcp: { p50: number };
    verdictInDom: { p50: number };
    trivialPageFirstPaint: { p50: number };
  };
  /** Where the extension's time goes: ms per page load (or per feed run) by innermost extension function. */
  hotspots: {
    contentScript: Array<[string, number]>;
    worker: Array<[string, number]>;
    feedContentScript: Array<[string, number]>;
  };
  contentScript: { file: string; scripts: number; bytes: number; gzipBytes: number };
  budgets: Budget[];
}

/** The heaviest entries of summed hotspot maps, as ms per run. */
function top(maps: Array<Record<string, number>>, count = 12): Array<[string, number]> {
  const total: Record<string, number> = {};
  for (const map of maps) for (const [key, ms] of Object.entries(map)) total[key] = (total[key] ?? 0) + ms;
  return Object.entries(total)
    .map(([key, ms]): [string, number] => [key, round(ms / Math.max(1, maps.length), 3)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}

const pick = (samples: LoadSample[], kind: LoadSample['kind']) => samples.filter((s) => s.kind === kind);
const scriptLayout = (s: { metrics: { scriptMs: number; layoutMs: number; styleMs: number } }) =>
  s.metrics.scriptMs + s.metrics.layoutMs + s.metrics.styleMs;

export function summarize(report: Report): Summary {
  const pages: PageSummary[] = report.loads.map((load) => {
    const ext = pick(load.samples, 'extension');
    const base = pick(load.samples, 'baseline');
    const floor = pick(load.samples, 'floor');
    const inPage = base.map((s) => s.inPage).filter((x) => x !== null);
    // The Performance domain's script time includes the content script's: take it out for the page's own.
    const own = ext.map((s) => Math.max(0, scriptLayout(s) - s.extensionMs));
    return {
      set: load.set,
      file: load.file,
      injected: load.injected,
      elements: median(base.map((s) => s.elements)),
      label: ext.find((s) => s.badge)?.badge?.label ?? inPage[0]?.label ?? null,
      contentScriptMs: median(ext.map((s) => s.extensionMs)),
      pageBusyMs: median(ext.map((s) => s.pageBusyMs)),
      pageScriptLayoutMs: median(own),
      ratioToScriptLayout: median(ext.map((s, i) => s.extensionMs / Math.max(own[i] as number, 0.001))),
      ratioToBusy: median(ext.map((s) => s.extensionMs / Math.max(s.pageBusyMs, 0.001))),
      workerMs: load.injected ? median(ext.map((s) => s.workerMs ?? Number.NaN)) : null,
      floorMs: median(floor.map((s) => s.extensionMs)),
      floorHeapDeltaBytes: median(floor.map((s) => s.heapUsedBytes)) - median(base.map((s) => s.heapUsedBytes)),
      baselineBusyMs: median(base.map((s) => s.pageBusyMs)),
      extractClassifyMs: median(inPage.map((r) => r.coldExtractMs + r.warmClassifyMs)),
      worldSetupMs: median(inPage.map((r) => r.worldSetupMs)),
      coldExtractMs: median(inPage.map((r) => r.coldExtractMs)),
      coldClassifyMs: median(inPage.map((r) => r.coldClassifyMs)),
      warmExtractMs: median(inPage.map((r) => r.warmExtractMs)),
      warmClassifyMs: median(inPage.map((r) => r.warmClassifyMs)),
      heapDeltaBytes: median(ext.map((s) => s.heapUsedBytes)) - median(base.map((s) => s.heapUsedBytes)),
      badgeFromDclMs: load.injected ? median(ext.map((s) => s.badge?.fromDomContentLoadedMs ?? Number.NaN)) : null,
      contentScriptStartMs: median(ext.map((s) => s.contentScriptStartMs ?? Number.NaN)),
    };
  });

  const cold = pages.map((p) => p.extractClassifyMs).filter(Number.isFinite);
  const worstOf = (some: PageSummary[]) => {
    const w = some.reduce<PageSummary | null>(
      (a, p) => (a === null || p.extractClassifyMs > a.extractClassifyMs ? p : a),
      null,
    );
    return w ? { file: `${w.set}:${w.file}`, ms: w.extractClassifyMs } : null;
  };
  const extractionOf = (some: PageSummary[]) => ({
    pages: some.length,
    medianMs: median(some.map((p) => p.extractClassifyMs)),
    worst: worstOf(some),
  });
  const badges = report.loads
    .filter((l) => l.injected)
    .flatMap((l) => pick(l.samples, 'extension').map((s) => s.badge));
  const found = badges.filter((b) => b !== null);
  const missedBadges = badges.length - found.length;
  const pct = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
  const urlLatencies = report.urlChanges.map((u) => u.latencyMs).filter((v): v is number => v !== null);

  // The detailed feed figures are the shortest run's; feedLengths compares the lengths.
  const shortest = report.feedSetup.seconds[0];
  const feedExt = report.feed.filter((f) => f.kind === 'extension' && f.seconds === shortest);
  const feedBase = report.feed.filter((f) => f.kind === 'baseline' && f.seconds === shortest);
  const feedOwn = feedExt.map((f) => Math.max(0.001, f.scriptLayoutStyleMs - f.extensionMs));
  const feedInPage = feedBase.map((f) => f.inPage).filter((x) => x !== null);
  const phaseNames = feedExt[0]?.phases.map((p) => p.name) ?? [];

  const extLoads = report.loads.filter((l) => l.injected).flatMap((l) => pick(l.samples, 'extension'));
  const siteScripts = report.sizes.filter((s) => s.file.startsWith(SITE_SCRIPTS));
  const content = siteScripts.reduce<FileSize | undefined>((a, s) => (a && a.bytes >= s.bytes ? a : s), undefined);
  const firstPaints = report.popup.map((p) => p.firstPaintMs ?? Number.NaN);

  const summary: Summary = {
    pages,
    floor: againstFloor(pages),
    feedLengths: feedLengths(report.feed),
    session: report.session ? summarizeSession(report.session) : null,
    extraction: {
      medianMs: median(cold),
      p95Ms: percentile(cold, 95),
      worst: worstOf(pages),
      knownSites: extractionOf(pages.filter((p) => p.injected)),
      otherSites: extractionOf(pages.filter((p) => !p.injected)),
      worldSetupMedianMs: median(pages.map((p) => p.worldSetupMs)),
      warmExtractMedianMs: median(pages.map((p) => p.warmExtractMs)),
      coldClassifyMedianMs: median(pages.map((p) => p.coldClassifyMs)),
      warmClassifyMedianMs: median(pages.map((p) => p.warmClassifyMs)),
    },
    pageLoads: {
      contentScriptMedianMs: median(pages.filter((p) => p.injected).map((p) => p.contentScriptMs)),
      ratioMedian: median(pages.filter((p) => p.injected).map((p) => p.ratioToScriptLayout)),
      workerMedianMs: median(pages.filter((p) => p.injected).map((p) => p.workerMs ?? Number.NaN)),
      heapDeltaMedianBytes: median(pages.filter((p) => p.injected).map((p) => p.heapDeltaBytes)),
    },
    badge: {
      loads: found.length,
      fromDcl: pct(found.map((b) => b.fromDomContentLoadedMs)),
      fromNavigation: pct(found.map((b) => b.fromNavigationMs)),
      fromLoad: pct(found.map((b) => b.fromLoadMs)),
      urlChange: {
        n: report.urlChanges.length,
        missed: report.urlChanges.length - urlLatencies.length,
        ...pct(urlLatencies),
      },
    },
    feed: {
      extensionMs: median(feedExt.map((f) => f.extensionMs)),
      pageScriptLayoutMs: median(feedOwn),
      pageBusyMs: median(feedExt.map((f) => f.pageBusyMs)),
      ratioToScriptLayout: median(feedExt.map((f, i) => f.extensionMs / (feedOwn[i] as number))),
      ratioToBusy: median(feedExt.map((f) => f.extensionMs / Math.max(0.001, f.pageBusyMs))),
      baselineScriptLayoutMs: median(feedBase.map((f) => f.scriptLayoutStyleMs)),
      baselineBusyMs: median(feedBase.map((f) => f.pageBusyMs)),
      workerMs: feedExt.length ? median(feedExt.map((f) => f.workerMs ?? Number.NaN)) : null,
      reports: feedExt.length ? median(feedExt.map((f) => f.reports ?? Number.NaN)) : null,
      phases: phaseNames.map((name) => ({
        name,
        extensionMs: median(feedExt.map((f) => f.phases.find((p) => p.name === name)?.extensionMs ?? Number.NaN)),
        pageBusyMs: median(feedExt.map((f) => f.phases.find((p) => p.name === name)?.pageBusyMs ?? Number.NaN)),
      })),
      extractOnFinalDom: feedInPage.length
        ? {
            coldMs: median(feedInPage.map((r) => r.coldExtractMs)),
            warmMs: median(feedInPage.map((r) => r.warmExtractMs)),
            elements: median(feedInPage.map((r) => r.elements)),
          }
        : null,
      heapDeltaBytes: median(feedExt.map((f) => f.heapUsedBytes)) - median(feedBase.map((f) => f.heapUsedBytes)),
      selectorCosts: feedBase.find((f) => f.selectorCosts)?.selectorCosts ?? [],
    },
    popup: {
      opens: report.popup.length,
      firstPaint: pct(firstPaints),
      fcp: { p50: median(report.popup.map((p) => p.firstContentfulPaintMs ?? Number.NaN)) },
      verdictInDom: { p50: median(report.popup.map((p) => p.verdictInDomMs ?? Number.NaN)) },
      trivialPageFirstPaint: { p50: median(report.trivialPaint) },
    },
    hotspots: {
      contentScript: top(extLoads.map((s) => s.hotspots.page)),
      worker: top(extLoads.map((s) => s.hotspots.worker)),
      feedContentScript: top(feedExt.map((f) => f.hotspots.page)),
    },
    contentScript: {
      file: content?.file ?? '-',
      scripts: siteScripts.length,
      bytes: content?.bytes ?? Number.NaN,
      gzipBytes: content?.gzipBytes ?? Number.NaN,
    },
    budgets: [],
  };

  const ms = (v: number) => `${round(v, 2)} ms`;
  const badgeWorst = Math.max(summary.badge.fromDcl.p95, summary.badge.urlChange.p95);
  summary.budgets = [
    {
      // "At most 1 ms median per page": each page's figure is the median of its repeats, and the budget holds
      // their median over the pages; the worst pages are printed with it.
      name: 'Extraction (first call in the page, after the content script’s set-up) + classification (warm worker), Chromium, median over pages',
      limit: `≤ ${BUDGETS.extractClassifyMs} ms`,
      measured:
        `${ms(summary.extraction.medianMs)} (${cold.length} pages); worst ${ms(max(cold))} (${summary.extraction.worst?.file ?? '-'}); ` +
        `worst of a registered site ${ms(summary.extraction.knownSites.worst?.ms ?? Number.NaN)} (${summary.extraction.knownSites.worst?.file ?? '-'})`,
      pass: cold.length > 0 && summary.extraction.medianMs <= BUDGETS.extractClassifyMs,
    },
    {
      name: 'Right badge, p95, after DOMContentLoaded / after pushState',
      limit: `≤ ${BUDGETS.badgeP95Ms} ms`,
      measured: `${ms(summary.badge.fromDcl.p95)} / ${ms(summary.badge.urlChange.p95)}${
        missedBadges + summary.badge.urlChange.missed
          ? ` (${missedBadges + summary.badge.urlChange.missed} never right within 5 s)`
          : ''
      }`,
      pass:
        found.length > 0 &&
        urlLatencies.length > 0 &&
        missedBadges === 0 &&
        summary.badge.urlChange.missed === 0 &&
        badgeWorst <= BUDGETS.badgeP95Ms,
    },
    {
      name: 'Popup first paint, median',
      limit: `≤ ${BUDGETS.popupFirstPaintMs} ms`,
      measured: ms(summary.popup.firstPaint.p50),
      pass: report.popup.length > 0 && summary.popup.firstPaint.p50 <= BUDGETS.popupFirstPaintMs,
    },
    {
      name: `Content script size, the largest of ${summary.contentScript.scripts} per-site scripts (dist/${summary.contentScript.file}, minified)`,
      limit: `≤ ${BUDGETS.contentScriptBytes.toLocaleString('en')} bytes`,
      measured: `${summary.contentScript.bytes.toLocaleString('en')} bytes (gzip ${summary.contentScript.gzipBytes.toLocaleString('en')})`,
      pass: summary.contentScript.bytes <= BUDGETS.contentScriptBytes,
    },
    ...floorBudgets(summary.floor, summary.feedLengths),
    ...sessionBudgets(summary.session),
  ];
  return summary;
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

const f = (v: number | null, digits = 2) => (v === null || !Number.isFinite(v) ? '-' : String(round(v, digits)));
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${round(bytes / 1024, 1)} KiB` : '-');

export function renderMarkdown(report: Report, summary: Summary): string {
  const m = report.meta;
  const out: string[] = [];
  out.push(`# Reach or Relate: performance bench\n`);
  out.push(
    `${m.date} · ${m.nproc} CPUs (${m.cpuModel}) · Chromium ${m.chromium} · Node ${m.node} · ` +
      `${m.quick ? 'quick, ' : ''}${m.repeats} repeats per real capture, ${m.corpusRepeats} per corpus page, ${m.feedRepeats} feed runs per browser · ` +
      `load average ${m.loadAverage.start.join(' ')} at start, ${m.loadAverage.end.join(' ')} at end · ` +
      `CPU profiler every ${m.samplingIntervalUs} µs · ${m.durationS} s\n`,
  );
  out.push(
    `Pages: ${'count' in m.realPages ? `${m.realPages.count} real captures` : `real captures skipped (${m.realPages.skipped})`}, ` +
      `${m.corpus.sampled} of ${m.corpus.total} corpus pages. Medians unless marked.\n`,
  );

  out.push('## Budgets\n');
  out.push(
    table(
      ['', 'budget', 'limit', 'measured'],
      summary.budgets.map((b) => [b.pass ? 'PASS' : '**FAIL**', b.name, b.limit, b.measured]),
    ),
  );

  const s = summary;
  out.push(renderFloor(s.floor, s.feedLengths));
  out.push(renderSession(s.session));
  out.push('## Summary\n');
  out.push(
    table(
      ['figure', 'value'],
      [
        [
          'extraction (first call) + classification (warm), median page / p95 page',
          `${f(s.extraction.medianMs, 3)} / ${f(s.extraction.p95Ms, 3)} ms`,
        ],
        [
          '… pages of the sites the content script is registered for: median / worst',
          `${f(s.extraction.knownSites.medianMs, 3)} / ${f(s.extraction.knownSites.worst?.ms ?? Number.NaN, 3)} ms (${s.extraction.knownSites.pages} pages)`,
        ],
        [
          '… pages it reads only when opted in (all sites, a custom site): median / worst',
          `${f(s.extraction.otherSites.medianMs, 3)} / ${f(s.extraction.otherSites.worst?.ms ?? Number.NaN, 3)} ms (${s.extraction.otherSites.pages} pages)`,
        ],
        [
          'content script set-up in its fresh world before the first extraction, median page',
          `${f(s.extraction.worldSetupMedianMs, 3)} ms`,
        ],
        [
          'extraction warm / classification warm / classification first call, median page',
          `${f(s.extraction.warmExtractMedianMs, 3)} / ${f(s.extraction.warmClassifyMedianMs, 3)} / ${f(s.extraction.coldClassifyMedianMs, 3)} ms`,
        ],
        [
          'content script main-thread time per page load (injected pages)',
          `${f(s.pageLoads.contentScriptMedianMs, 2)} ms`,
        ],
        ['… share of the page’s own script+layout+style time', `${f(s.pageLoads.ratioMedian * 100, 2)}%`],
        ['worker JS per report (classify, storage, badge)', `${f(s.pageLoads.workerMedianMs, 2)} ms`],
        ['page heap with − without extension (injected pages)', kb(s.pageLoads.heapDeltaMedianBytes)],
        [
          'badge after DOMContentLoaded p50 / p95',
          `${f(s.badge.fromDcl.p50, 0)} / ${f(s.badge.fromDcl.p95, 0)} ms (${s.badge.loads} loads)`,
        ],
        [
          'badge after navigation start p50 / p95',
          `${f(s.badge.fromNavigation.p50, 0)} / ${f(s.badge.fromNavigation.p95, 0)} ms`,
        ],
        ['badge after load event p50 / p95', `${f(s.badge.fromLoad.p50, 0)} / ${f(s.badge.fromLoad.p95, 0)} ms`],
        [
          'badge after pushState p50 / p95',
          `${f(s.badge.urlChange.p50, 0)} / ${f(s.badge.urlChange.p95, 0)} ms (${s.badge.urlChange.n} changes, ${s.badge.urlChange.missed} missed)`,
        ],
        [
          'popup first paint p50 / p95',
          `${f(s.popup.firstPaint.p50, 1)} / ${f(s.popup.firstPaint.p95, 1)} ms (${s.popup.opens} opens)`,
        ],
        [
          'popup first contentful paint / verdict in DOM, p50',
          `${f(s.popup.fcp.p50, 1)} / ${f(s.popup.verdictInDom.p50, 1)} ms`,
        ],
        [
          'first paint of a trivial served page, same browser (floor), p50',
          `${f(s.popup.trivialPageFirstPaint.p50, 1)} ms`,
        ],
        [
          'worker heap idle / after pages / after feed',
          Object.values(report.workerHeap)
            .map((h) => kb(h.usedBytes))
            .join(' / '),
        ],
        [
          'classifier in Node (extract + classify)',
          `${f(report.node.pagesPerSecond, 0)} pages/s (${f(report.node.meanMsPerPage, 3)} ms/page, ${report.node.pages} pages)`,
        ],
        [
          '… extract alone / classify alone',
          `${f(report.node.extractPagesPerSecond, 0)} / ${f(report.node.classifyPagesPerSecond, 0)} pages/s`,
        ],
      ],
    ),
  );

  const fs = s.feed;
  out.push(
    `## Infinite feed (${report.feedSetup.initialElements} elements, +${report.feedSetup.postsPerSecond} posts/s for ${report.feedSetup.seconds[0]} s)\n`,
  );
  out.push(
    table(
      ['figure', 'value'],
      [
        ['extension main-thread time', `${f(fs.extensionMs)} ms`],
        ['page script+layout+style (with extension, extension taken out)', `${f(fs.pageScriptLayoutMs, 0)} ms`],
        ['page busy, profiler (with / without extension)', `${f(fs.pageBusyMs, 0)} / ${f(fs.baselineBusyMs, 0)} ms`],
        [
          'share of script+layout+style / of busy',
          `${f(fs.ratioToScriptLayout * 100, 3)}% / ${f(fs.ratioToBusy * 100, 3)}%`,
        ],
        ...fs.phases.map((p) => [
          `… phase "${p.name}": extension / page busy`,
          `${f(p.extensionMs)} / ${f(p.pageBusyMs, 0)} ms`,
        ]),
        ['reports stored by the worker', f(fs.reports, 0)],
        ['worker JS time', `${f(fs.workerMs)} ms`],
        [
          'extraction on the final DOM, first call / warm',
          fs.extractOnFinalDom
            ? `${f(fs.extractOnFinalDom.coldMs, 3)} / ${f(fs.extractOnFinalDom.warmMs, 3)} ms (${fs.extractOnFinalDom.elements} elements)`
            : '-',
        ],
        ['page heap with − without extension', kb(fs.heapDeltaBytes)],
      ],
    ),
  );

  out.push('## Where the extension spends its time\n');
  out.push(
    'Innermost extension function of each sample (with the native DOM calls it makes), ms per page load or per feed run. ' +
      'Names are minified unless the bench ran on an unminified build (DIST_DIR).\n\n',
  );
  const hot = (title: string, rows: Array<[string, number]>) =>
    table([title, 'ms'], rows.length ? rows.map(([k, v]) => [`\`${k}\``, f(v, 3)]) : [['-', '-']]);
  out.push(hot('content script, per page load', s.hotspots.contentScript));
  out.push(hot('service worker, per page load', s.hotspots.worker));
  out.push(hot('content script, per feed run', s.hotspots.feedContentScript));
  if (fs.selectorCosts.length) {
    out.push(
      table(
        ['selector on the final feed DOM (signal id, selector)', 'ms per query, warm'],
        fs.selectorCosts.map(([k, v]) => [`\`${k.replaceAll('|', '\\|')}\``, f(v, 3)]),
      ),
    );
  }

  out.push('## Pages\n');
  out.push(
    'cs = content script main-thread ms (profiler, inclusive); floor = the floor extension’s; share = cs / page script+layout+style; ' +
      'setup = the content script’s set-up before its first extraction, ms; ' +
      'x+c = extraction (first call in the page) + classification (warm), ms; x warm = extraction when warm; ' +
      'badge = ms after DOMContentLoaded; heap Δ = page heap with − without.\n\n',
  );
  out.push(
    table(
      [
        'page',
        'label',
        'elements',
        'cs ms',
        'floor ms',
        'page ms',
        'share',
        'base ms',
        'worker ms',
        'setup',
        'x+c',
        'x warm',
        'badge',
        'heap Δ',
      ],
      s.pages.map((p) => [
        `${p.set}:${p.file}${p.injected ? '' : ' (not matched)'}`,
        p.label ?? '-',
        f(p.elements, 0),
        p.injected ? f(p.contentScriptMs) : '-',
        p.injected ? f(p.floorMs) : '-',
        f(p.pageScriptLayoutMs, 1),
        p.injected ? `${f(p.ratioToScriptLayout * 100, 1)}%` : '-',
        f(p.baselineBusyMs, 1),
        f(p.workerMs),
        f(p.worldSetupMs, 3),
        f(p.extractClassifyMs, 3),
        f(p.warmExtractMs, 3),
        f(p.badgeFromDclMs, 0),
        p.injected ? kb(p.heapDeltaBytes) : '-',
      ]),
    ),
  );

  out.push('## Bundles\n');
  out.push(
    table(
      ['file', 'bytes', 'gzip'],
      report.sizes.map((x) => [x.file, x.bytes, x.gzipBytes]),
    ),
  );
  return out.join('\n');
}
