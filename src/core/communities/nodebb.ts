import type { CommunityDefinition } from '../types';

export const nodebb: CommunityDefinition = {
  kind: 'forum',
  id: 'nodebb',
  name: 'NodeBB',
  lean: 'networking',
  // nodebb.org is the vendor's site; its community forum is one host of it.
  domains: ['nodebb.org'],
  hosts: ['community.nodebb.org'],
  fingerprints: [
    // The client bundle every theme's footer loads.
    { selector: 'script[src*="/assets/nodebb.min.js"]', weight: 0.8 },
    // Every theme marks its parts with `component` attributes and the body with the template name.
    {
      selector: '[component="topic"][data-tid], [component="category"][data-cid], [component="post"][data-pid]',
      weight: 0.4,
    },
    { selector: 'body:is([class^="template-"], [class*=" template-"])', weight: 0.2 },
  ],
  urlRules: [
    { pageType: 'thread', path: /\/(topic|post)\/\d+/ },
    { pageType: 'messages', path: /\/(chats|user\/[^/]+\/chats)(\/|$)/ },
    { pageType: 'notifications', path: /\/notifications(\/|$)/ },
    { pageType: 'settings', path: /\/(user\/[^/]+\/(settings|edit)|admin)(\/|$)/ },
    { pageType: 'person-profile', path: /\/user\/[^/]+/ },
    { pageType: 'connections', path: /\/users(\/|$)/ },
    { pageType: 'group', path: /\/groups(\/|$)/ },
    { pageType: 'search', path: /\/search(\/|$)/ },
    { pageType: 'info', path: /\/(login|register|reset)(\/|$)/ },
    { pageType: 'forum', path: /\/(category|categories|recent|popular|unread|top|tags|world)(\/|$)/ },
    { pageType: 'forum', path: /^\/?$/ },
  ],
  fallbackPageType: 'forum',
  signals: [
    {
      id: 'nodebb.topic',
      selector: '[component="topic"]',
      side: 'networking',
      weight: 0.3,
      text: 'a discussion thread',
      pageType: 'thread',
    },
  ],
};
