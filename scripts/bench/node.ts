import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { corpusCases, realPageCases } from '../lib/corpus';
import { median } from './stats';

export interface NodeThroughput {
  pages: number;
  rounds: number;
  /** extractFeatures + classify over every page, pages per second (median of the rounds). */
  pagesPerSecond: number;
  /** extractFeatures alone. */
  extractPagesPerSecond: number;
  /** classify alone, on features extracted beforehand. */
  classifyPagesPerSecond: number;
  meanMsPerPage: number;
}

function roundsPerSecond(pages: number, fn: () => void, budgetMs: number): { perSecond: number; rounds: number } {
  fn(); // warm-up
  const rates: number[] = [];
  const until = performance.now() + budgetMs;
  do {
    const start = performance.now();
    fn();
    rates.push((pages * 1000) / (performance.now() - start));
  } while (performance.now() < until || rates.length < 5);
  return { perSecond: median(rates), rounds: rates.length };
}

/**
 * The classifier's throughput in Node over the fixture corpus (and the real captures when present): each page is
 * parsed with linkedom once, outside the timed loop; a round runs over every page.
 */
export function nodeThroughput(budgetMs: number): NodeThroughput {
  const docs = [...corpusCases(), ...realPageCases()].map((c) => ({
    url: c.url,
    document: parseHTML(readFileSync(c.path, 'utf8')).document,
  }));
  const features = docs.map((d) => extractFeatures(d.document, d.url));
  const both = roundsPerSecond(
    docs.length,
    () => {
      for (const d of docs) classify(extractFeatures(d.document, d.url));
    },
    budgetMs,
  );
  const extract = roundsPerSecond(
    docs.length,
    () => {
      for (const d of docs) extractFeatures(d.document, d.url);
    },
    budgetMs,
  );
  const only = roundsPerSecond(
    docs.length,
    () => {
      for (const f of features) classify(f);
    },
    budgetMs,
  );
  return {
    pages: docs.length,
    rounds: both.rounds,
    pagesPerSecond: both.perSecond,
    extractPagesPerSecond: extract.perSecond,
    classifyPagesPerSecond: only.perSecond,
    meanMsPerPage: 1000 / both.perSecond,
  };
}
