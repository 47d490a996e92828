import type { CommunityDefinition } from '../types';

// Funkwhale, federated audio and podcasts; routes of its web app (front/src/router, funkwhale/funkwhale).
export const funkwhale: CommunityDefinition = {
  kind: 'fediverse',
  id: 'funkwhale',
  name: 'Funkwhale',
  // Listening to channels and libraries: content for an audience.
  lean: 'media',
  domains: [],
  fingerprints: [
    // front/index.html: <meta name="generator" content="Funkwhale"> in the app's shell.
    { selector: 'meta[name="generator" i][content^="Funkwhale" i]', weight: 0.9 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/(library)?\/?$/ },
    { pageType: 'creator-profile', path: /^\/(channels\/[^/]+|@[^/]+)/ },
    { pageType: 'post', path: /^\/library\/(tracks|albums|artists|playlists|podcasts)\/[^/]+/ },
    { pageType: 'explore', path: /^\/(library|explore|tags?)(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|manage|content)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|login|signup|auth)(\/|$)/ },
  ],
};
