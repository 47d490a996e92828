import { describe, expect, it } from 'vitest';
import { classifyCase, corpusCases, REAL_PAGES_DIR, realPageCases, realPagesAvailable } from '../../scripts/lib/corpus';

describe('fixture corpus written for this project', () => {
  const cases = corpusCases();

  it('is large and varied enough to judge the classifier', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.lang)).size).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => c.expect.length === 1 && c.expect[0] === 'none').length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s gets an accepted label', (_file, entry) => {
    const verdict = classifyCase(entry);
    expect(entry.expect, `${entry.url}: ${verdict.label} (${verdict.pageType})`).toContain(verdict.label);
  });
});

describe.skipIf(!realPagesAvailable())('real captures of public pages', () => {
  it.each(realPageCases().map((c) => [c.file, c] as const))('%s gets an accepted label', (_file, entry) => {
    const verdict = classifyCase(entry);
    expect(entry.expect, `${entry.url}: ${verdict.label} (${verdict.pageType})`).toContain(verdict.label);
  });
});

if (!realPagesAvailable()) {
  console.warn(`SKIPPED: real captures not found at ${REAL_PAGES_DIR}; their tests did not run.`);
}
