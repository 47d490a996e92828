/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in an isolated world of a page loaded without the
 * extension: the content script's extraction (`extractWith` over the knowledge the shipped script for that page
 * carries: the page's own site's on a known site, as its per-site script has it, and otherwise all of it with
 * the open-standards reader, as the script for other sites has it) and the worker's `classify`, timed on the
 * real DOM in Chromium.
 */
import { classify } from '../../src/core/classify';
import { extractWith, queryScope } from '../../src/core/extract';
import { EMBED_SELECTOR } from '../../src/core/genericSignals';
import { type ExtractionKnowledge, lookupSiteId, siteKnowledge } from '../../src/core/knowledge';
import { readStandards } from '../../src/core/readStandards';

declare const __EXTRACTION_KNOWLEDGE__: ExtractionKnowledge;
const knowledge = __EXTRACTION_KNOWLEDGE__;

export interface InPageResult {
  /**
   * What the content script does in its fresh world before its first extraction: reading the location, adding
   * its listeners, observing the document. The first touch of `document` in a new world sets up its DOM
   * wrappers, which any content script pays; reported on its own, not as extraction.
   */
  worldSetupMs: number;
  /** The first call in this document, as the content script makes it: cold caches, lazily compiled code. */
  coldExtractMs: number;
  coldClassifyMs: number;
  /** Means over repeated calls once warm: extract alone, classify alone (as the long-lived worker runs it). */
  warmExtractMs: number;
  warmClassifyMs: number;
  warmRuns: number;
  label: string;
  siteId: string | null;
  signals: string[];
  elements: number;
}

function loop(fn: () => void, budgetMs: number): { meanMs: number; runs: number } {
  let runs = 0;
  const start = performance.now();
  let now = start;
  do {
    fn();
    runs++;
    now = performance.now();
  } while (now - start < budgetMs);
  return { meanMs: (now - start) / runs, runs };
}

/** The content script's start-up before its first report (src/content/index.ts), with listeners that do nothing. */
function setUpLikeTheContentScript(): () => void {
  const noop = () => {};
  void location.href;
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', noop);
  else addEventListener('popstate', noop);
  document.addEventListener('visibilitychange', noop);
  const observer = new MutationObserver(noop);
  if (document.visibilityState !== 'hidden')
    observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** The knowledge the shipped script for this page carries. */
function shipped(): ExtractionKnowledge {
  const siteId = lookupSiteId(knowledge, location);
  return siteId && knowledge.sites[siteId]?.domains.length ? siteKnowledge(knowledge, siteId) : knowledge;
}

function run(warmBudgetMs: number): InPageResult {
  const own = shipped();
  const s0 = performance.now();
  const tearDown = setUpLikeTheContentScript();
  const t0 = performance.now();
  const features = extractWith(own, document, location, readStandards);
  const t1 = performance.now();
  const verdict = classify(features);
  const t2 = performance.now();
  tearDown();
  const extract = loop(() => void extractWith(own, document, location, readStandards), warmBudgetMs);
  const classifyOnly = loop(() => void classify(features), warmBudgetMs / 2);
  return {
    worldSetupMs: t0 - s0,
    coldExtractMs: t1 - t0,
    coldClassifyMs: t2 - t1,
    warmExtractMs: extract.meanMs,
    warmClassifyMs: classifyOnly.meanMs,
    warmRuns: extract.runs,
    label: verdict.label,
    siteId: features.siteId,
    signals: features.signals,
    elements: document.getElementsByTagName('*').length,
  };
}

/**
 * What each selector extraction would run on this page costs once warm (the page's site's signals and the
 * generic ones, or the embed selector on a page of no known site), ms per querySelector, heaviest first.
 */
function selectorCosts(url: string, budgetMs: number): Array<[string, number]> {
  const siteId = lookupSiteId(knowledge, new URL(url));
  const site = siteId ? knowledge.sites[siteId] : undefined;
  const selectors = site
    ? [...(site.signals ?? []), ...knowledge.generic].map(([id, selector]) => [id, selector] as const)
    : ([['embeds', EMBED_SELECTOR]] as const);
  return selectors
    .map(([id, selector]): [string, number] => [
      `${id} ${selector}`,
      loop(() => void queryScope(document, selector).querySelector(selector), budgetMs).meanMs,
    ])
    .sort((a, b) => b[1] - a[1]);
}

(globalThis as { __rorBench?: unknown }).__rorBench = { run, selectorCosts };
