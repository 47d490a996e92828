import type { PlatformDefinition } from '../types';

export const bluesky: PlatformDefinition = {
  id: 'bluesky',
  name: 'Bluesky',
  lean: 'media',
  domains: ['bsky.app'],
  urlRules: [
    { pageType: 'feed', path: /^\/(video-feed)?\/?$/ },
    { pageType: 'messages', path: /^\/(messages|chat)(\/|$)/ },
    { pageType: 'post', path: /^\/profile\/[^/]+\/post\/[^/]+/ },
    { pageType: 'feed', path: /^\/profile\/[^/]+\/(feed|lists)\/[^/]+/ },
    { pageType: 'connections', path: /^\/profile\/[^/]+\/(followers|follows|known-followers)\/?$/ },
    { pageType: 'creator-profile', path: /^\/profile\/[^/]+(\/|$)/ },
    // Starter packs are curated lists of people to follow.
    { pageType: 'connections', path: /^\/(starter-pack|start)\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'explore', path: /^\/(feeds|hashtag|topic|lists)(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|moderation)(\/|$)/ },
    { pageType: 'info', path: /^\/(support|intent)(\/|$)/ },
  ],
  signals: [
    {
      id: 'bluesky.posts-feed',
      selector: '[data-testid="postsFeed"], [data-testid="customFeedPage-feed"]',
      side: 'media',
      weight: 0.3,
      text: 'an endless feed of posts',
    },
    {
      id: 'bluesky.profile',
      selector: '[data-testid="profileScreen"]',
      side: 'media',
      weight: 0.4,
      text: "a creator's profile page",
      pageType: 'creator-profile',
    },
    {
      id: 'bluesky.thread',
      selector: '[data-testid="postThreadScreen"]',
      side: 'media',
      weight: 0.3,
      text: 'a post with its replies',
      pageType: 'post',
    },
  ],
};
