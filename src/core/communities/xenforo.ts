import type { CommunityDefinition } from '../types';

// XenForo routes appear either as friendly paths (/threads/slug.123/) or after index.php? (?threads/slug.123/).
export const xenforo: CommunityDefinition = {
  kind: 'forum',
  id: 'xenforo',
  name: 'XenForo',
  lean: 'networking',
  domains: [],
  fingerprints: [
    // XenForo 2 renders <html id="XF">, XenForo 1 <html id="XenForo">.
    { selector: 'html:is(#XF, #XenForo)', weight: 0.9 },
    // XenForo 2 also carries its version on the root element.
    { selector: 'html[data-xf]', weight: 0.4 },
  ],
  urlRules: [
    { pageType: 'thread', path: /\/(threads|posts)\/[^/]+/ },
    { pageType: 'thread', search: /^\?(threads|posts)\// },
    { pageType: 'messages', path: /\/(conversations|direct-messages)(\/|$)/ },
    { pageType: 'messages', search: /^\?(conversations|direct-messages)(\/|&|$)/ },
    { pageType: 'notifications', path: /\/account\/alerts(\/|$)/ },
    { pageType: 'settings', path: /\/account(\/|$)/ },
    { pageType: 'person-profile', path: /\/members\/[^/]+\.\d+/ },
    { pageType: 'person-profile', search: /^\?members\/[^/]+\.\d+/ },
    { pageType: 'connections', path: /\/members\/?$/ },
    { pageType: 'search', path: /\/search(\/|$)/ },
    { pageType: 'info', path: /\/(login|register|help|lost-password)(\/|$)/ },
    { pageType: 'forum', path: /\/(forums|f|categories|whats-new|tags)(\/|$)/ },
    { pageType: 'forum', search: /^\?(forums|categories|whats-new)(\/|&|$)/ },
    { pageType: 'forum', path: /(\/|\/index\.php)$/ },
  ],
  fallbackPageType: 'forum',
  signals: [
    {
      id: 'xenforo.thread-view',
      selector: 'html[data-template="thread_view"]',
      side: 'networking',
      weight: 0.4,
      text: 'a discussion thread',
      pageType: 'thread',
    },
    {
      id: 'xenforo.conversation-view',
      selector: 'html[data-template="conversation_view"]',
      side: 'networking',
      weight: 0.5,
      text: 'a private conversation',
      pageType: 'messages',
    },
  ],
};
