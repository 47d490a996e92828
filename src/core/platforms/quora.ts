import type { PlatformDefinition } from '../types';

export const quora: PlatformDefinition = {
  id: 'quora',
  name: 'Quora',
  // A question-and-answer community: people answer each other's questions, like a forum.
  lean: 'networking',
  domains: ['quora.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/(following)?\/?$/ },
    { pageType: 'forum', path: /^\/answer\/?$/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'person-profile', path: /^\/profile\/[^/]+/ },
    { pageType: 'explore', path: /^\/topic\/[^/]+/ },
    { pageType: 'group', path: /^\/(spaces|q\/[^/]+)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'info', path: /^\/(about|careers|contact|press|business|ads|login|signup|partners)(\/|$)/ },
    { pageType: 'thread', path: /^\/(unanswered\/)?[^/]+(\/answers?\/[^/]+)?\/?$/ },
  ],
};
