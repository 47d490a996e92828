import { describe, expect, it } from 'vitest';
import { classifyCase, corpusCases } from '../../scripts/lib/corpus';
import { sites } from '../../src/core/sites';
import type { PageType } from '../../src/core/types';

/** Every page type the labeling guide's table gives a label to ("search", "forum" and the like are extras). */
const GUIDE_PAGE_TYPES: readonly PageType[] = [
  'feed',
  'short-video',
  'video',
  'live',
  'stories',
  'explore',
  'post',
  'creator-profile',
  'messages',
  'connections',
  'group',
  'thread',
  'event',
  'person-profile',
  'jobs',
  'marketplace',
  'settings',
];

describe('the fixture corpus covers what the classifier knows', () => {
  const verdicts = corpusCases().map((entry) => ({ file: entry.file, verdict: classifyCase(entry) }));

  it.each(sites.map((site) => [site.id, site] as const))('has a page classified as site "%s"', (id, site) => {
    const files = verdicts.filter(({ verdict }) => verdict.platform?.id === id).map(({ file }) => file);
    expect(
      files.length,
      `no corpus page is classified as ${site.name} (${id}); add one under test/fixtures/corpus/ and to corpus.json`,
    ).toBeGreaterThan(0);
  });

  it.each(GUIDE_PAGE_TYPES.map((pageType) => [pageType]))('has a page whose verdict is page type "%s"', (pageType) => {
    const files = verdicts.filter(({ verdict }) => verdict.pageType === pageType).map(({ file }) => file);
    expect(
      files.length,
      `no corpus page gets page type "${pageType}", which the labeling guide's table names; add one`,
    ).toBeGreaterThan(0);
  });
});
