import type { CommunityDefinition } from '../types';

// Pleroma and its fork Akkoma share the backend and most of the front end's routes.
export const pleroma: CommunityDefinition = {
  kind: 'fediverse',
  id: 'pleroma',
  name: 'Pleroma / Akkoma',
  lean: 'both',
  // No public server is big and neutral enough to list; servers are recognised by fingerprint.
  domains: [],
  fingerprints: [
    // Style holders the Pleroma front end (2.5 and later) puts in its index page.
    { selector: '#pleroma-eager-styles', weight: 0.8 },
    // The mascot of the loading screen.
    { selector: 'img[src*="/static/pleromatan"]', weight: 0.6 },
    // Older front ends and Akkoma: an app mount followed by a modal holder; common in SPAs, so weak.
    { selector: 'div#app + div#modal', weight: 0.3 },
    // The front end's own notice, hard-coded in its index page and never translated.
    {
      selector: 'noscript',
      text: ['To use Pleroma, please enable JavaScript', 'To use Akkoma, please enable JavaScript'],
      weight: 0.7,
    },
    // Data the backend preloads into the page for the front end.
    { selector: 'script#initial-results[type="application/json"]', weight: 0.3 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/main\/(friends|public|all|bubble|bookmarks)\/?$/ },
    { pageType: 'feed', path: /^\/lists\/[^/]+/ },
    { pageType: 'thread', path: /^\/(notice|objects)\/[^/]+/ },
    { pageType: 'messages', path: /^\/(chats|users\/[^/]+\/(dms|chats))(\/|$)/ },
    { pageType: 'notifications', path: /^\/users\/[^/]+\/(interactions|mentions)\/?$/ },
    { pageType: 'connections', path: /^\/friend-requests\/?$/ },
    { pageType: 'explore', path: /^\/tags?\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|pleroma\/admin|akkoma\/admin)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|login|registration|announcements|password-reset)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/users\/[^/]+\/?$/ },
    // The front end shows a profile at /<nickname> as well.
    { pageType: 'creator-profile', path: /^\/[^/]+\/?$/ },
  ],
};
