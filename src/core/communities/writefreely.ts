import type { CommunityDefinition } from '../types';

// WriteFreely, federated blogging (writefreely/writefreely). The guide counts blogs as publishing: an article
// for a broad audience, so media at most.
export const writefreely: CommunityDefinition = {
  kind: 'fediverse',
  id: 'writefreely',
  name: 'WriteFreely',
  lean: 'media',
  domains: ['write.as'],
  fingerprints: [
    // templates/collection-post.tmpl, collection.tmpl, post.tmpl: <meta name="generator" content="Write Freely">.
    {
      selector:
        'meta[name="generator" i][content^="Write Freely" i], meta[name="generator" i][content^="WriteFreely" i]',
      weight: 0.9,
    },
    // The same templates' stylesheet.
    { selector: 'link[rel="stylesheet"][href^="/css/write.css"]', weight: 0.4 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/read(\/|$)/ },
    { pageType: 'settings', path: /^\/(me|admin)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|privacy|login|signup|invite|pad)(\/|$)/ },
    { pageType: 'explore', path: /^\/[^/]+\/tag:[^/]+/ },
    { pageType: 'creator-profile', path: /^\/[^/]+\/?$/ },
    { pageType: 'post', path: /^\/[^/]+\/[^/]+/ },
  ],
  fallbackPageType: 'creator-profile',
};
