/**
 * Prints the confusion table (expected by predicted label) over the project's corpus and, where present,
 * the real captures in ../shared/fixtures/real-pages. A case counts as expected under its first accepted
 * label unless the prediction is one of the accepted ones. `--misses` lists every miss.
 */

import type { Label } from '../src/core/types';
import { classifyCase, corpusCases, realPageCases } from './lib/corpus';

const LABELS: Label[] = ['media', 'networking', 'mixed', 'none'];
const cases = [...corpusCases(), ...realPageCases()];
const table = new Map<string, number>();
const misses: string[] = [];
let hits = 0;

for (const entry of cases) {
  const verdict = classifyCase(entry);
  const ok = entry.expect.includes(verdict.label);
  const expected = ok ? verdict.label : (entry.expect[0] ?? 'none');
  table.set(`${expected}|${verdict.label}`, (table.get(`${expected}|${verdict.label}`) ?? 0) + 1);
  if (ok) hits++;
  else
    misses.push(
      `${entry.source}:${entry.file} ${entry.url} expected ${entry.expect.join('|')}, got ${verdict.label} (${verdict.pageType})`,
    );
}

const pad = (s: string | number) => String(s).padStart(11);
console.log(`expected \\ predicted${LABELS.map(pad).join('')}`);
for (const expected of LABELS) {
  console.log(`${expected.padEnd(20)}${LABELS.map((p) => pad(table.get(`${expected}|${p}`) ?? 0)).join('')}`);
}
console.log(`\n${hits}/${cases.length} accepted (${((100 * hits) / Math.max(1, cases.length)).toFixed(1)}%)`);
if (process.argv.includes('--misses') || misses.length <= 15) for (const miss of misses) console.log(`miss: ${miss}`);
