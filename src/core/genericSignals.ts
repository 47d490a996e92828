import type { PageSignal } from './types';

/**
 * Signals that mean the same on every social site. They only count on pages already known to be social,
 * since news sites also use `role="feed"` for article lists and shops embed videos.
 */
export const GENERIC_SIGNALS: readonly PageSignal[] = [
  {
    id: 'generic.feed',
    selector: '[role="feed"]',
    side: 'media',
    weight: 0.25,
    text: 'an endless feed of posts',
  },
  {
    id: 'generic.conversation-log',
    selector: '[role="log"]',
    side: 'networking',
    weight: 0.2,
    text: 'a running conversation',
  },
];

/** Social widgets that other sites embed; their presence alone never makes a page social. */
export const EMBED_SELECTOR = [
  'blockquote.twitter-tweet',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  'blockquote.reddit-embed-bq',
  '.fb-post',
  '.fb-video',
  '.fb-comments',
  '.fb-like',
  'iframe[src*="youtube.com/embed/"]',
  'iframe[src*="youtube-nocookie.com/embed/"]',
  'iframe[src*="facebook.com/plugins/"]',
  'iframe[src*="platform.twitter.com"]',
  'a[href*="facebook.com/sharer"]',
  'a[href*="twitter.com/intent/"]',
  'a[href*="x.com/intent/"]',
  'a[href*="linkedin.com/sharing/"]',
].join(',');

/** Counting stops here: the number only has to say "some". */
export const EMBED_COUNT_CAP = 50;
