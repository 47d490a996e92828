import type { PlatformDefinition } from '../types';

export const tinder: PlatformDefinition = {
  id: 'tinder',
  name: 'Tinder',
  lean: 'networking',
  domains: ['tinder.com'],
  urlRules: [
    { pageType: 'messages', path: /^\/app\/messages(\/|$)/ },
    // Swiping through profiles and matches is how people connect here.
    { pageType: 'connections', path: /^\/app\/(recs|matches|explore|likes-you)(\/|$)/ },
    { pageType: 'settings', path: /^\/app\/(profile|settings)(\/|$)/ },
  ],
  // Outside /app the site is marketing, safety and legal pages.
  fallbackPageType: 'info',
};
