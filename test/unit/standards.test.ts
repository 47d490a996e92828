import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify';
import { extractWith } from '../../src/core/extract';
import { extractFeatures } from '../../src/core/features';
import { readStandards } from '../../src/core/readStandards';
import { knowledge } from '../../src/core/sites';
import { CONTENT_SIGNAL, communityEvidence, STANDARD_SIGNALS } from '../../src/core/standards';

const doc = (head: string, body = '') =>
  parseHTML(`<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`).document;
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const sorted = (ids: string[]) => [...ids].sort();

/** One page per signal: the smallest markup the standard defines for it. */
const SAMPLES: Record<string, { head?: string; body?: string }> = {
  'std.forum-posting': { head: ld({ '@context': 'https://schema.org', '@type': 'DiscussionForumPosting' }) },
  'std.qa-page': { head: ld({ '@context': 'https://schema.org', '@type': 'QAPage', mainEntity: {} }) },
  'std.social-posting': { body: '<article itemscope itemtype="https://schema.org/SocialMediaPosting"></article>' },
  'std.activitypub': { head: '<link rel="alternate" type="application/activity+json" href="/users/a">' },
  'std.forum-feed': { head: '<link rel="alternate" type="application/rss+xml" href="/external.php?type=RSS2">' },
  'std.profile-page': { body: '<main itemscope itemtype="http://schema.org/ProfilePage"></main>' },
  'std.og-profile': { head: '<meta property="og:type" content="profile">' },
  'std.webfinger': {
    head: '<link rel="lrdd" type="application/jrd+json" href="/.well-known/webfinger?resource={uri}">',
  },
  'std.reply': {
    body: '<article class="h-entry"><a class="u-in-reply-to" href="https://a.example/1">re</a></article>',
  },
  'std.h-feed': { body: '<section class="h-feed"></section>' },
  'std.h-card': { body: '<p class="h-card">Ada</p>' },
  'std.rel-me': { head: '<link rel="me" href="https://social.example/@ada">' },
  'std.h-entry': { body: '<article class="h-entry"></article>' },
  'std.comments': { body: '<div itemprop="commentCount" content="3"></div>' },
  'std.interactions': { head: ld({ '@type': 'WebPage', interactionStatistic: { '@type': 'InteractionCounter' } }) },
  'std.live': {
    head: ld({ '@type': 'VideoObject', publication: { '@type': 'BroadcastEvent', isLiveBroadcast: true } }),
  },
  'std.video': { head: ld({ '@type': 'VideoObject' }) },
  'std.og-video': { head: '<meta property="og:type" content="video.other">' },
};

describe('open-standard evidence', () => {
  it('has a sample for every signal, and every sample reads its signal', () => {
    expect(sorted(Object.keys(SAMPLES))).toEqual(sorted(STANDARD_SIGNALS.map((s) => s.id)));
    for (const [id, { head = '', body = '' }] of Object.entries(SAMPLES)) {
      expect(readStandards(doc(head, body)), id).toContain(id);
    }
  });

  it('has weights, sides and reason texts for every signal', () => {
    for (const s of STANDARD_SIGNALS) {
      expect(s.id).toMatch(/^std\.[a-z0-9-]+$/);
      expect(['media', 'networking']).toContain(s.side);
      expect(s.weight).toBeGreaterThan(0);
      expect(s.weight).toBeLessThanOrEqual(1);
      expect(s.community).toBeGreaterThanOrEqual(0);
      expect(s.text.trim()).not.toBe('');
    }
  });

  it('reads JSON-LD types in @graph, arrays, IRIs and prefixed names', () => {
    const graph = ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite' }, { '@type': ['QAPage'] }] });
    expect(readStandards(doc(graph))).toContain('std.qa-page');
    const iri = ld([{ '@type': 'http://schema.org/DiscussionForumPosting' }, { '@type': 'schema:SocialMediaPosting' }]);
    expect(sorted(readStandards(doc(iri)))).toEqual(['std.forum-posting', 'std.social-posting']);
  });

  it('takes a video or a profile nested in an article for part of the article, not the page', () => {
    const news = ld({ '@type': 'NewsArticle', video: { '@type': 'VideoObject' }, commentCount: 12 });
    expect(sorted(readStandards(doc(news)))).toEqual(['std.comments', CONTENT_SIGNAL.id]);
  });

  it('skips broken JSON-LD and blocks beyond the size cap', () => {
    const broken = '<script type="application/ld+json">{"@type": "DiscussionForumPosting",</script>';
    expect(readStandards(doc(broken))).toEqual([]);
    const huge = ld({ '@type': 'DiscussionForumPosting', text: 'x'.repeat(40_000) });
    expect(readStandards(doc(huge))).toEqual([]);
  });

  it('reads JSON-LD from the first scripts of the body, not from scripts further down', () => {
    const early = ld({ '@type': 'DiscussionForumPosting' });
    expect(readStandards(doc('', `<main>${early}</main>`))).toContain('std.forum-posting');
    const late = `${'<script>var x;</script>'.repeat(12)}${early}`;
    expect(readStandards(doc('', late))).toEqual([]);
  });
});

describe('a page of a site the extension does not know', () => {
  const url = 'https://talk.example-makers.org/threads/solder-fumes.812/';
  const classifyPage = (head: string, body = '', at = url) => classify(extractFeatures(doc(head, body), at));

  it('is a discussion thread when it declares DiscussionForumPosting', () => {
    const verdict = classifyPage(ld({ '@context': 'https://schema.org', '@type': 'DiscussionForumPosting' }));
    expect(verdict.label).toBe('networking');
    expect(verdict.pageType).toBe('thread');
    expect(verdict.platform).toEqual({ id: 'open-web', name: 'talk.example-makers.org', lean: 'both' });
    expect(verdict.reasons.map((r) => r.text)).toContain('posts in a discussion between members');
  });

  it('is a federated profile with an ActivityPub link and a profile type', () => {
    const verdict = classifyPage(
      '<link rel="alternate" type="application/activity+json" href="https://gts.example/users/ada"><meta property="og:type" content="profile">',
      '',
      'https://gts.example/@ada',
    );
    expect(verdict.label).toBe('media');
    expect(verdict.pageType).toBe('creator-profile');
  });

  it('stays not social with only the hints every personal site and author page carries', () => {
    const verdict = classifyPage(
      '<meta property="og:type" content="profile"><link rel="me" href="https://social.example/@ada">',
      `<main itemscope itemtype="https://schema.org/ProfilePage"><div class="h-card"></div><div class="h-feed"><article class="h-entry"></article></div></main>`,
    );
    expect(verdict.label).toBe('none');
    expect(verdict.platform).toBeNull();
  });

  it('stays not social when its main content is an article, whatever else it declares', () => {
    const head = ld({
      '@type': 'NewsArticle',
      commentCount: 40,
      comment: [{ '@type': 'Comment' }],
      discussion: { '@type': 'DiscussionForumPosting' },
    });
    const verdict = classifyPage(head, '<div id="disqus_thread"></div>');
    expect(verdict.label).toBe('none');
    expect(verdict.reasons.map((r) => r.signal)).toContain(CONTENT_SIGNAL.id);
  });

  it('needs key evidence: comments, videos and counts never make a page social', () => {
    expect(communityEvidence(['std.comments', 'std.video', 'std.interactions', 'std.og-video', 'std.live'])).toBeNull();
    expect(communityEvidence(['std.activitypub', 'std.webfinger'])?.signals).toHaveLength(2);
  });
});

describe('open standards on the sites the extension knows', () => {
  it('are not read by the known-sites script, so both scripts read a known site alike', () => {
    const page = doc(ld({ '@type': 'DiscussionForumPosting' }));
    const url = 'https://www.linkedin.com/feed/';
    const withReader = extractWith(knowledge, page, url, readStandards);
    expect(withReader).toEqual(extractWith(knowledge, page, url));
    expect(withReader.signals.some((id) => id.startsWith('std.'))).toBe(false);
  });

  it('are read on community software found by its fingerprint', () => {
    const page = doc(
      `<meta name="generator" content="Discourse 3.3.0">${ld({ '@type': 'DiscussionForumPosting' })}`,
      '<div id="main-outlet"></div>',
    );
    const features = extractWith(knowledge, page, 'https://forum.example.org/t/x/1', readStandards);
    expect(features.siteId).toBe('discourse');
    expect(features.signals).toContain('std.forum-posting');
    expect(classify(features).reasons.map((r) => r.signal)).toContain('std.forum-posting');
  });
});
