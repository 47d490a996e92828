import type { PlatformDefinition } from '../types';

export const douyin: PlatformDefinition = {
  id: 'douyin',
  name: 'Douyin',
  lean: 'media',
  domains: ['douyin.com'],
  urlRules: [
    { pageType: 'short-video', hosts: ['v.douyin.com'] },
    { pageType: 'live', hosts: ['live.douyin.com'] },
    { pageType: 'feed', path: /^\/(jingxuan|recommend|follow|friend)?\/?$/ },
    { pageType: 'short-video', path: /^\/video\/\d+/ },
    { pageType: 'post', path: /^\/note\/\d+/ },
    { pageType: 'creator-profile', path: /^\/user\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'explore', path: /^\/(hot|discover|channel)(\/|$)/ },
  ],
};
