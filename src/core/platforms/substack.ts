import type { PlatformDefinition } from '../types';

// The reader app (home, notes, chat) lives on substack.com; each publication has its own <pub>.substack.com.
const app = ['substack.com', 'www.substack.com'];

export const substack: PlatformDefinition = {
  id: 'substack',
  name: 'Substack',
  lean: 'media',
  domains: ['substack.com'],
  urlRules: [
    { pageType: 'post', hosts: app, path: /^\/(home\/post\/|@[^/]+\/(note|p-))/ },
    // /inbox is the reading list of new posts, not private messages.
    { pageType: 'feed', hosts: app, path: /^\/((home|inbox|notes)(\/|$)|$)/ },
    { pageType: 'messages', hosts: app, path: /^\/(chat|messages)(\/|$)/ },
    { pageType: 'creator-profile', hosts: app, path: /^\/@[^/]+\/?$/ },
    { pageType: 'explore', hosts: app, path: /^\/(discover|browse|top|leaderboard)(\/|$)/ },
    { pageType: 'search', hosts: app, path: /^\/search(\/|$)/ },
    { pageType: 'notifications', hosts: app, path: /^\/(activity|notifications)(\/|$)/ },
    { pageType: 'settings', hosts: app, path: /^\/(settings|account)(\/|$)/ },
    {
      pageType: 'info',
      hosts: app,
      path: /^\/(sign-?in|signup|about|going-paid|privacy|tos|terms|resources|content|creators|publish|features|careers|app|embed|redirect)(\/|$)/,
    },
    { pageType: 'thread', path: /^\/p\/[^/]+\/comments/ },
    { pageType: 'post', path: /^\/(pub\/[^/]+\/)?p\/[^/]+/ },
    { pageType: 'info', path: /^\/(subscribe|account|publish|signin)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/((archive|about|podcast)(\/|$)|s\/[^/]+|$)/ },
  ],
};
