import type { CommunityDefinition } from '../types';

export const flarum: CommunityDefinition = {
  kind: 'forum',
  id: 'flarum',
  name: 'Flarum',
  lean: 'networking',
  // flarum.org is the project's site; its forum is one host of it.
  domains: ['flarum.org'],
  hosts: ['discuss.flarum.org'],
  fingerprints: [
    // Both are written by the front-end view that every Flarum page is served from.
    { selector: '#flarum-loading', weight: 0.8 },
    { selector: '#flarum-json-payload', weight: 0.8 },
  ],
  urlRules: [
    { pageType: 'thread', path: /^\/d\/\d+/ },
    { pageType: 'person-profile', path: /^\/u\/[^/]+/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|admin)(\/|$)/ },
    { pageType: 'search', path: /^\/(all)?\/?$/, search: /[?&]q=/ },
    { pageType: 'forum', path: /^\/(t|tags|all|following)(\/|$)/ },
    { pageType: 'forum', path: /^\/?$/ },
  ],
  fallbackPageType: 'forum',
  signals: [
    {
      id: 'flarum.discussion-page',
      selector: '.DiscussionPage',
      side: 'networking',
      weight: 0.3,
      text: 'a discussion thread',
      pageType: 'thread',
    },
  ],
};
