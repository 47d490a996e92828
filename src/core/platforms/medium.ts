import type { PlatformDefinition } from '../types';

export const medium: PlatformDefinition = {
  id: 'medium',
  name: 'Medium',
  lean: 'media',
  domains: ['medium.com'],
  urlRules: [
    { pageType: 'feed', hosts: ['medium.com', 'www.medium.com'], path: /^\/?$/ },
    { pageType: 'feed', path: /^\/me\/following-feed(\/|$)/ },
    { pageType: 'notifications', path: /^\/me\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/me\/settings(\/|$)/ },
    // The reader's own library and stats.
    { pageType: 'info', path: /^\/me(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'explore', path: /^\/(tag|tags|topics|explore-topics)(\/|$)/ },
    { pageType: 'post', path: /^\/(new-story|p\/[0-9a-f]+)(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(m|plans|membership|about|creators|partner-program|policy|jobs-at-medium|verified-authors)(\/|$)/,
    },
    // Story URLs end in a hex id of 10-12 digits after the slug.
    { pageType: 'post', path: /^\/(@?[^/]+\/)?([^/]*-)?[0-9a-f]{10,12}\/?$/ },
    { pageType: 'connections', path: /^\/@[^/]+\/(followers|following)\/?$/ },
    { pageType: 'creator-profile', path: /^\/@[^/]+(\/|$)/ },
    // Publications (medium.com/<pub>) and member subdomains (<user>.medium.com/).
    { pageType: 'creator-profile', path: /^\/([^/]+\/?)?$/ },
  ],
};
