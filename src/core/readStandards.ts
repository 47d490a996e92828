import type { DocumentLike } from './extract';

/**
 * Reads the open-standard evidence a page declares about itself: schema.org types in JSON-LD and microdata,
 * ActivityPub discovery links, WebFinger and `rel="me"` hints, microformats2 classes, OpenGraph `og:type` and a
 * forum's feed links. It answers with signal ids only (their weights and words live in standards.ts, which the
 * content script does not carry). Bounded work: JSON-LD is read from the head and the first few scripts of the
 * document, each block and the total size-capped, and every other check is one selector query; nothing scans
 * the page's text.
 *
 * Sources: schema.org type definitions (https://schema.org/DiscussionForumPosting, /SocialMediaPosting,
 * /Comment, /InteractionCounter, /ProfilePage, /QAPage, /VideoObject, /BroadcastEvent); W3C ActivityPub §3.2
 * (`application/ld+json; profile="https://www.w3.org/ns/activitystreams"` and `application/activity+json`);
 * RFC 7033 WebFinger and RFC 6415 host-meta (`rel="lrdd"`); microformats2 (https://microformats.org/wiki/h-entry,
 * h-feed, h-card); the Open Graph protocol's object types (https://ogp.me/#types).
 */

/** A script this long is no page's own metadata; parsing it would cost more than it could tell. */
const MAX_BLOCK_CHARS = 32_000;
const MAX_TOTAL_CHARS = 96_000;
/** Scripts of the document looked at beyond the head's own JSON-LD: metadata sits early or not at all. */
const MAX_SCRIPTS = 12;
const MAX_BLOCKS = 6;
const MAX_DEPTH = 5;
const MAX_NODES = 400;

const LD_JSON = 'application/ld+json';

/** schema.org types (the last segment of the type's name or IRI) and the signal each one is evidence of. */
const ANY_TYPE: Record<string, string> = {
  DiscussionForumPosting: 'std.forum-posting',
  SocialMediaPosting: 'std.social-posting',
  Comment: 'std.comments',
  Answer: 'std.comments',
  InteractionCounter: 'std.interactions',
  BroadcastEvent: 'std.live',
};
/** Types that count only as what the page is about, not as something nested in it (a news story's video). */
const MAIN_TYPE: Record<string, string> = {
  QAPage: 'std.qa-page',
  ProfilePage: 'std.profile-page',
  VideoObject: 'std.video',
};
/** A page whose main entity is one of these is content (an article, a recipe, a product, documentation). */
const CONTENT_TYPES = new Set([
  'BlogPosting',
  'LiveBlogPosting',
  'Recipe',
  'Product',
  'ProductGroup',
  'Offer',
  'HowTo',
  'Review',
  'Course',
  'Book',
  'APIReference',
  'SoftwareSourceCode',
  'Movie',
]);
const isContentType = (type: string) => CONTENT_TYPES.has(type) || type.endsWith('Article');

/** Microdata: the same types; a top-level item is one without `itemprop`. */
const microdata = (type: string, topLevel = false) => `[itemtype$="/${type}"]${topLevel ? ':not([itemprop])' : ''}`;
const MICRODATA: [id: string, selector: string][] = [
  ['std.forum-posting', microdata('DiscussionForumPosting')],
  ['std.social-posting', microdata('SocialMediaPosting')],
  ['std.comments', `${microdata('Comment')},${microdata('Answer')},[itemprop="commentCount"]`],
  ['std.interactions', microdata('InteractionCounter')],
  ['std.qa-page', microdata('QAPage', true)],
  ['std.profile-page', microdata('ProfilePage', true)],
  ['std.video', microdata('VideoObject', true)],
  ['std.live', microdata('BroadcastEvent')],
  [
    'std.content',
    // "Article" without the slash also matches NewsArticle, TechArticle, ScholarlyArticle.
    ['Article', '/BlogPosting', '/Recipe', '/Product', '/HowTo', '/Review']
      .map((type) => `[itemtype$="${type}"]:not([itemprop])`)
      .join(','),
  ],
];

/** Signals that are one selector over the head (links and meta tags live there). */
const HEAD: [id: string, selector: string][] = [
  [
    'std.activitypub',
    `link[rel~="alternate"][type="application/activity+json"],link[rel~="alternate"][type^='${LD_JSON}; profile="https://www.w3.org/ns/activitystreams"']`,
  ],
  ['std.webfinger', 'link[rel~="lrdd"],link[href*="/.well-known/webfinger"]'],
  ['std.rel-me', 'link[rel~="me"]'],
  ['std.og-profile', 'meta[property="og:type"][content="profile" i]'],
  ['std.og-video', 'meta[property="og:type"][content^="video." i]'],
  // The feed addresses forum software prints: vBulletin 3/4 external.php?type=RSS2, MyBB syndication.php, SMF
  // index.php?action=.xml, phpBB 3.0 feed.php and 3.1+ app.php/feed, XenForo /forums/-/index.rss.
  [
    'std.forum-feed',
    ['external.php?type=', 'syndication.php', 'action=.xml', '/feed.php', 'app.php/feed', '/forums/-/index.rss']
      .map((path) => `link[rel~="alternate"][href*="${path}"]`)
      .join(','),
  ],
];

const MICROFORMATS: [id: string, selector: string][] = [
  ['std.h-feed', '.h-feed'],
  ['std.reply', '.h-entry .u-in-reply-to,.h-entry.u-in-reply-to'],
  ['std.h-entry', '.h-entry'],
  ['std.h-card', '.h-card'],
];

function matches(scope: Pick<Element, 'querySelector'> | DocumentLike, selector: string): boolean {
  try {
    return scope.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** The JSON-LD blocks to read: the head's, then those among the document's first few scripts. */
function jsonLdBlocks(doc: DocumentLike): string[] {
  const seen = new Set<unknown>();
  const texts: string[] = [];
  let total = 0;
  const take = (el: Element | null | undefined) => {
    if (!el || seen.has(el) || texts.length >= MAX_BLOCKS) return;
    seen.add(el);
    if ((el.getAttribute('type') ?? '').trim().toLowerCase() !== LD_JSON) return;
    const text = el.textContent ?? '';
    if (text.length > MAX_BLOCK_CHARS || total + text.length > MAX_TOTAL_CHARS) return;
    total += text.length;
    texts.push(text);
  };
  const head = doc.head as (Pick<Element, 'querySelectorAll'> & Pick<Element, 'querySelector'>) | null | undefined;
  try {
    if (head?.querySelectorAll) for (const el of head.querySelectorAll(`script[type="${LD_JSON}" i]`)) take(el);
    // A live collection: indexing it walks the document only as far as the index.
    const scripts = doc.getElementsByTagName?.('script');
    for (let i = 0; scripts && i < MAX_SCRIPTS; i++) {
      const el = scripts[i];
      if (!el) break;
      take(el);
    }
  } catch {
    // A page that breaks DOM methods gives no JSON-LD.
  }
  return texts;
}

function typeNames(node: Record<string, unknown>): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  // "DiscussionForumPosting", "schema:DiscussionForumPosting", "https://schema.org/DiscussionForumPosting"
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.slice(t.search(/[^/:#]*$/)));
}

/** Walks JSON-LD to a fixed depth and node count; `main` is the page's own subject (top level, @graph, mainEntity). */
function readJsonLd(value: unknown, found: Set<string>): void {
  let nodes = 0;
  const walk = (node: unknown, depth: number, main: boolean) => {
    if (depth > MAX_DEPTH || nodes >= MAX_NODES || node === null || typeof node !== 'object') return;
    nodes++;
    if (Array.isArray(node)) {
      for (const item of node.slice(0, 50)) walk(item, depth, main);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const type of typeNames(record)) {
      const any = ANY_TYPE[type];
      if (any) found.add(any);
      if (!main) continue;
      const mainId = MAIN_TYPE[type];
      if (mainId) found.add(mainId);
      if (isContentType(type)) found.add('std.content');
    }
    if ('commentCount' in record) found.add('std.comments');
    for (const key in record) {
      if (key === '@type' || key === '@context') continue;
      walk(record[key], depth + 1, main && (key === '@graph' || key === 'mainEntity'));
    }
  };
  walk(value, 0, true);
}

/** The ids of the open-standard signals the page shows (see standards.ts for what each means). */
export function readStandards(doc: DocumentLike): string[] {
  const found = new Set<string>();
  for (const text of jsonLdBlocks(doc)) {
    try {
      readJsonLd(JSON.parse(text), found);
    } catch {
      // Broken JSON-LD says nothing.
    }
  }
  const head = doc.head ?? doc;
  for (const [id, selector] of HEAD) if (matches(head, selector)) found.add(id);
  // One query rules out each family on the many pages that use none of it.
  if (matches(doc, '[itemtype],[itemprop="commentCount"]'))
    for (const [id, selector] of MICRODATA) if (matches(doc, selector)) found.add(id);
  if (matches(doc, '.h-feed,.h-entry,.h-card')) {
    for (const [id, selector] of MICROFORMATS) if (matches(doc, selector)) found.add(id);
  }
  return [...found];
}
