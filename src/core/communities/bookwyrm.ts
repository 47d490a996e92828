import type { CommunityDefinition } from '../types';

// BookWyrm, federated reading and reviewing; routes from bookwyrm/urls.py (bookwyrm-social/bookwyrm).
export const bookwyrm: CommunityDefinition = {
  kind: 'fediverse',
  id: 'bookwyrm',
  name: 'BookWyrm',
  // A timeline of what people read, and groups, lists and book clubs around it.
  lean: 'both',
  domains: ['bookwyrm.social'],
  fingerprints: [
    // bookwyrm/templates/layout.html: <meta name="twitter:image:alt" content="BookWyrm Logo">, hard-coded.
    { selector: 'meta[name="twitter:image:alt"][content="BookWyrm Logo"]', weight: 0.8 },
    // layout.html loads {% static "js/bookwyrm.js" %} on every page.
    { selector: 'script[src*="/js/bookwyrm.js"]', weight: 0.6 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/(local|federated|books)\/?$/ },
    { pageType: 'messages', path: /^\/direct-messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'group', path: /^\/group\/\d+/ },
    { pageType: 'thread', path: /^\/user\/[^/]+\/(status|review|comment|quotation)\/\d+/ },
    { pageType: 'connections', path: /^\/(directory|user\/[^/]+\/(followers|following))(\/|$)/ },
    { pageType: 'explore', path: /^\/(discover|list|book|author|series)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/user\/[^/]+\/?$/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(preferences|settings|import)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|login|register|conduct|privacy|password-reset)(\/|$)/ },
  ],
  fallbackPageType: 'unknown',
};
