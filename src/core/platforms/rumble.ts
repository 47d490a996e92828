import type { PlatformDefinition } from '../types';

export const rumble: PlatformDefinition = {
  id: 'rumble',
  name: 'Rumble',
  lean: 'media',
  domains: ['rumble.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/((subscriptions|for-you|following)(\/|$)|$)/ },
    { pageType: 'video', path: /^\/v[0-9a-z]+(-[^/]*)?\.html$/ },
    { pageType: 'explore', path: /^\/(videos|browse|category|trending-videos|editor-picks|live-videos)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/(c|user)\/[^/]+/ },
    { pageType: 'settings', path: /^\/(account|settings)(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(login\.php|register|about|terms|privacy|policy|our-story|embed|premium|advertise|upload\.php|s)(\/|$)/,
    },
  ],
};
