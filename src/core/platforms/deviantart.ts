import type { PlatformDefinition } from '../types';

export const deviantart: PlatformDefinition = {
  id: 'deviantart',
  name: 'DeviantArt',
  lean: 'media',
  domains: ['deviantart.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/(watch(\/|$)|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    // DeviantArt calls private messages "notes".
    { pageType: 'messages', path: /^\/notes(\/|$)/ },
    { pageType: 'explore', path: /^\/(daily-deviations|topic|tag|popular|shop|explore)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(users|join|about|team|core-membership|developers|help|legal|policy|password)(\/|$)/,
    },
    { pageType: 'post', path: /^\/[^/]+\/(art|journal|poll|status-update)\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/[^/]+(\/|$)/ },
  ],
};
