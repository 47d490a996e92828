import type { PlatformDefinition } from '../types';

export const letterboxd: PlatformDefinition = {
  id: 'letterboxd',
  name: 'Letterboxd',
  lean: 'media',
  domains: ['letterboxd.com', 'boxd.it'],
  urlRules: [
    { pageType: 'post', hosts: ['boxd.it', 'www.boxd.it'] },
    { pageType: 'feed', path: /^\/(activity(\/|$)|$)/ },
    { pageType: 'explore', path: /^\/(films|lists|members|journal|showdown|crew|hq)(\/|$)/ },
    { pageType: 'post', path: /^\/film\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(sign-in|create-account|about|pro|patron|legal|contact|welcome|apps|api-beta|gift-guide)(\/|$)/,
    },
    // Every other first segment is a member name.
    { pageType: 'connections', path: /^\/[^/]+\/(following|followers|blocked)\/?$/ },
    { pageType: 'post', path: /^\/[^/]+\/(film|list)\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/[^/]+(\/|$)/ },
  ],
};
