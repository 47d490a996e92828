import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import type { Label, Verdict } from '../../src/core/types';

/** The repository, for the corpus, tests and scripts alike (scripts/lib: nothing here imports from test/). */
export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = join(ROOT, 'test/fixtures/corpus');
/** Real captures live outside the repository (never copied in); absent on machines without shared/. */
export const REAL_PAGES_DIR = resolve(ROOT, '../shared/fixtures/real-pages');

export interface CorpusEntry {
  file: string;
  url: string;
  expect: Label[];
  lang?: string;
  pageType?: string;
  note?: string;
}

export interface CorpusCase extends CorpusEntry {
  source: 'corpus' | 'real';
  path: string;
}

function readManifest(dir: string, name: string, source: CorpusCase['source']): CorpusCase[] {
  const entries = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Array<CorpusEntry & { accept?: Label[] }>;
  return entries.map((entry) => ({
    ...entry,
    expect: entry.expect ?? entry.accept ?? [],
    source,
    path: join(dir, entry.file),
  }));
}

export function corpusCases(): CorpusCase[] {
  return readManifest(CORPUS_DIR, 'corpus.json', 'corpus');
}

export function realPagesAvailable(): boolean {
  return existsSync(join(REAL_PAGES_DIR, 'pages.json'));
}

export function realPageCases(): CorpusCase[] {
  return realPagesAvailable() ? readManifest(REAL_PAGES_DIR, 'pages.json', 'real') : [];
}

export function classifyCase(entry: CorpusCase): Verdict {
  const { document } = parseHTML(readFileSync(entry.path, 'utf8'));
  return classify(extractFeatures(document, entry.url));
}
