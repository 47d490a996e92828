import type { PlatformDefinition } from '../types';

export const dribbble: PlatformDefinition = {
  id: 'dribbble',
  name: 'Dribbble',
  lean: 'media',
  domains: ['dribbble.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/(following)?\/?$/ },
    { pageType: 'post', path: /^\/shots\/\d+/ },
    { pageType: 'explore', path: /^\/(shots|tags|stories)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    // /designers is where clients look for someone to hire.
    { pageType: 'jobs', path: /^\/(jobs|freelance-jobs|designers)(\/|$)/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'settings', path: /^\/account(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(session|signup|about|pro|contact|terms|privacy|advertise|learn|courses|guidelines|uploads)(\/|$)/,
    },
    { pageType: 'creator-profile', path: /^\/[^/]+(\/|$)/ },
  ],
};
