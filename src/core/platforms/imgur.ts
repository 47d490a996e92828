import type { PlatformDefinition } from '../types';

export const imgur: PlatformDefinition = {
  id: 'imgur',
  name: 'Imgur',
  lean: 'media',
  domains: ['imgur.com'],
  urlRules: [
    { pageType: 'post', hosts: ['i.imgur.com'] },
    { pageType: 'feed', path: /^\/((hot|new|top|rising)(\/|$)|$)/ },
    { pageType: 'post', path: /^\/(gallery|a|r\/[^/]+)\/[^/]+/ },
    { pageType: 'explore', path: /^\/t\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/user\/[^/]+/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/account(\/|$)/ },
    // Reserved words come before the bare image id rule, which would also match them.
    {
      pageType: 'info',
      path: /^\/(upload|signin|register|about|tos|privacy|rules|emerald|apps|blog|removalrequest|ccpa|faq|memegen)(\/|$)/,
    },
    { pageType: 'post', path: /^\/[A-Za-z0-9]{5,8}(\.\w+)?\/?$/ },
  ],
};
