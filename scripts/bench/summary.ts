/** The summarized figures and the budgets they are held to. */
import type { AgainstFloor, FeedLength } from './floorSummary';
import type { SessionSummary } from './sessionSummary';

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
