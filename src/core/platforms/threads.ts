import type { PlatformDefinition } from '../types';

export const threads: PlatformDefinition = {
  id: 'threads',
  name: 'Threads',
  lean: 'media',
  domains: ['threads.net', 'threads.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/(for_you|following)?\/?$/ },
    { pageType: 'post', path: /^\/@[^/]+\/post\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/@[^/]+(\/(replies|reposts|media))?\/?$/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    // Threads calls its notifications "activity".
    { pageType: 'notifications', path: /^\/activity(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'info', path: /^\/(login|legal|privacy|terms|intent)(\/|$)/ },
  ],
};
