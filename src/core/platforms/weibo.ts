import type { PlatformDefinition } from '../types';

export const weibo: PlatformDefinition = {
  id: 'weibo',
  name: 'Weibo',
  lean: 'media',
  domains: ['weibo.com', 'weibo.cn'],
  urlRules: [
    { pageType: 'search', hosts: ['s.weibo.com'] },
    { pageType: 'info', hosts: ['passport.weibo.com', 'passport.weibo.cn'] },
    { pageType: 'messages', hosts: ['api.weibo.com'], path: /^\/chat(\/|$)/ },
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'explore', path: /^\/hot(\/|$)/ },
    { pageType: 'messages', path: /^\/messages?(\/|$)/ },
    { pageType: 'post', path: /^\/(status|detail)\/[^/]+/ },
    { pageType: 'post', path: /^\/\d+\/[A-Za-z0-9]+\/?$/ },
    { pageType: 'creator-profile', path: /^\/(u\/\d+|n\/[^/]+|profile\/\d+|\d+)\/?$/ },
    { pageType: 'settings', path: /^\/set(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|about|help|ad)(\/|$)/ },
    // Remaining single segments are personal vanity addresses.
    { pageType: 'creator-profile', path: /^\/[\w-]+\/?$/ },
  ],
};
