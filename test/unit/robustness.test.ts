import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { PAGE_TYPES } from '../../src/core/types';

const LABELS = ['media', 'networking', 'mixed', 'none'];

function expectWellFormed(url: string, html: string | null) {
  const doc = html === null ? null : parseHTML(html).document;
  const features = extractFeatures(doc, url);
  expect(JSON.parse(JSON.stringify(features))).toEqual(features);
  const verdict = classify(features);
  expect(LABELS).toContain(verdict.label);
  expect(PAGE_TYPES).toContain(verdict.pageType);
  expect(verdict.confidence).toBeGreaterThanOrEqual(0);
  expect(verdict.confidence).toBeLessThanOrEqual(1);
  for (const reason of verdict.reasons) expect(typeof reason.text).toBe('string');
}

const hosts = fc.constantFrom(
  'www.linkedin.com',
  'x.com',
  'www.facebook.com',
  'www.reddit.com',
  'web.whatsapp.com',
  'mastodon.social',
  'forum.example.org',
  'example.com',
);
const paths = fc
  .array(fc.stringMatching(/^[a-zA-Z0-9@%._~+-]{0,12}$/), { maxLength: 5 })
  .map((parts) => `/${parts.join('/')}`);
const knownishUrls = fc
  .tuple(hosts, paths, fc.string({ maxLength: 20 }), fc.string({ maxLength: 10 }))
  .map(
    ([host, path, query, hash]) => `https://${host}${path}?${encodeURIComponent(query)}#${encodeURIComponent(hash)}`,
  );

const tags = fc.constantFrom(
  'div',
  'main',
  'article',
  'meta',
  'script',
  'video',
  'html',
  'body',
  'head',
  'template',
  'svg',
);
const attrs = fc.constantFrom(
  'role="feed"',
  'role="log"',
  'id="mastodon"',
  'id="XF"',
  'id="phpbb"',
  'name="generator" content="Discourse 3"',
  'property="og:type" content="video"',
  'data-testid="tweet"',
  'componentkey="urn:li:invitation:1"',
  'class="twitter-tweet"',
  '',
);
const element = fc
  .tuple(tags, attrs, fc.string({ maxLength: 30 }))
  .map(([tag, attr, text]) => `<${tag} ${attr}>${text}`);
const messyHtml = fc
  .array(fc.oneof(element, fc.string({ maxLength: 40 }), fc.constant('</div>')), { maxLength: 40 })
  .map((parts) => parts.join(''));

// Hundreds of runs each: on a loaded two-core machine the first, which also loads the site knowledge, took over
// Vitest's default 5 s.
describe('feature extraction and classification never throw', { timeout: 30_000 }, () => {
  it('on random URLs, including invalid ones, with no document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), knownishUrls), (url) => expectWellFormed(url, null)),
      {
        numRuns: 300,
      },
    );
  });

  it('on random and malformed HTML at known and unknown URLs', () => {
    fc.assert(
      fc.property(knownishUrls, messyHtml, (url, html) => expectWellFormed(url, html)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text as HTML', () => {
    fc.assert(
      fc.property(knownishUrls, fc.string({ maxLength: 500 }), (url, html) => expectWellFormed(url, html)),
      {
        numRuns: 200,
      },
    );
  });

  it('on documents whose DOM methods throw', () => {
    const hostile = {
      querySelector() {
        throw new Error('boom');
      },
      querySelectorAll() {
        throw new Error('boom');
      },
      getElementById() {
        throw new Error('boom');
      },
      get head(): Element {
        throw new Error('boom');
      },
    } as unknown as Document;
    for (const url of ['https://x.com/home', 'https://forum.example.org/t/a/1', 'not a url']) {
      const features = extractFeatures(hostile, url);
      expect(classify(features).label).toMatch(/media|networking|mixed|none/);
    }
  });

  it('on forged features', () => {
    const verdict = classify({
      url: 'https://x.com/home',
      siteId: 'no-such-site',
      detectedBy: 'domain',
      signalPageType: 'feed',
      signals: ['no-such-signal'],
      embeds: -1,
      hasDocument: true,
    });
    expect(verdict.label).toBe('none');
  });
});
