/** From the raw report to the summary and its budget verdicts. */
import { againstFloor, feedLengths, floorBudgets } from './floorSummary';
import type { LoadSample } from './measureLoad';
import type { Report } from './report';
import { sessionBudgets, summarizeSession } from './sessionSummary';
import type { FileSize } from './sizes';
import { max, median, percentile, round } from './stats';
import { BUDGETS, type PageSummary, SITE_SCRIPTS, type Summary } from './summary';

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
