import type { PlatformDefinition } from '../types';

export const xiaohongshu: PlatformDefinition = {
  id: 'xiaohongshu',
  name: 'Xiaohongshu (RedNote)',
  lean: 'media',
  domains: ['xiaohongshu.com', 'xhslink.com'],
  urlRules: [
    { pageType: 'post', hosts: ['xhslink.com', 'www.xhslink.com'] },
    { pageType: 'info', hosts: ['creator.xiaohongshu.com', 'ad.xiaohongshu.com'] },
    { pageType: 'post', path: /^\/(explore|discovery\/item)\/[0-9a-f]+/ },
    // /explore without an id is the home feed.
    { pageType: 'feed', path: /^\/(explore)?\/?$/ },
    { pageType: 'creator-profile', path: /^\/user\/profile\/[^/]+/ },
    { pageType: 'search', path: /^\/search_result(\/|$)/ },
    { pageType: 'notifications', path: /^\/notification(\/|$)/ },
    { pageType: 'info', path: /^\/(login|website-login|protocols|about)(\/|$)/ },
  ],
};
