import { describe, expect, it } from 'vitest';
import { boundedUrl, MAX_REPORTED_URL } from '../../src/core/boundedUrl';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';

const junk = (n: number) => 'eyJjbGljayI6InNlYXJjaCJ9'.repeat(Math.ceil(n / 24)).slice(0, n);

/** The label and page type the classifier gives an address with no page behind it. */
function verdictOf(url: string) {
  const { label, pageType } = classify(extractFeatures(null, url));
  return { label, pageType };
}

describe('boundedUrl', () => {
  it('keeps an address of ordinary length as it is', () => {
    const url = `https://www.linkedin.com/jobs/search/?keywords=backend&location=Lyon&trk=${junk(1500)}#top`;
    expect(url.length).toBeLessThanOrEqual(MAX_REPORTED_URL);
    expect(boundedUrl(url)).toBe(url);
  });

  it('drops the long parameters of a long address and keeps the origin, path, short parameters and fragment', () => {
    const url = `https://www.facebook.com/profile.php?id=100&fbclid=${junk(4000)}&sk=friends&utm_source=x#reviews`;
    const bounded = boundedUrl(url);
    expect(bounded).toBe('https://www.facebook.com/profile.php?id=100&sk=friends&utm_source=x#reviews');
    expect(verdictOf(bounded)).toEqual(verdictOf(url));
    expect(verdictOf(bounded)).toEqual({ label: 'networking', pageType: 'connections' });
  });

  it('keeps a parameter that names the page after kilobytes of tracking', () => {
    const url = `https://www.facebook.com/?trk=${junk(5000)}&filter=groups`;
    expect(verdictOf(boundedUrl(url))).toEqual({ label: 'networking', pageType: 'group' });
    // Cut at the length limit instead, the page would have been the home feed.
    expect(verdictOf(url.slice(0, MAX_REPORTED_URL))).toMatchObject({ label: 'media', pageType: 'feed' });
  });

  it('keeps a query-string route (XenForo, Invision) in the first parameter', () => {
    const url = `https://forum.example.org/index.php?threads/a-thread-title.1234/&ref=${junk(5000)}`;
    expect(boundedUrl(url)).toBe('https://forum.example.org/index.php?threads/a-thread-title.1234/');
  });

  it('stays within the limit whatever the address: a long path, thousands of short parameters, a long fragment', () => {
    const cases = [
      `https://x.com/${'a/'.repeat(5000)}?q=1`,
      `https://x.com/search?${Array.from({ length: 3000 }, (_, i) => `p${i}=${i}`).join('&')}`,
      `https://web.telegram.org/k/#${junk(6000)}`,
      `https://x.com/home?${'&'.repeat(5000)}`,
    ];
    for (const url of cases) {
      const bounded = boundedUrl(url);
      expect(bounded.length).toBeLessThanOrEqual(MAX_REPORTED_URL);
      expect(new URL(bounded).origin).toBe(new URL(url).origin);
    }
    expect(boundedUrl(`https://web.telegram.org/k/#${junk(6000)}`)).toBe('https://web.telegram.org/k/');
  });
});
