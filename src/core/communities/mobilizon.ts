import type { CommunityDefinition } from '../types';

// Mobilizon, federated events and groups (framasoft/mobilizon); routes of its web app (src/router).
export const mobilizon: CommunityDefinition = {
  kind: 'fediverse',
  id: 'mobilizon',
  name: 'Mobilizon',
  lean: 'networking',
  domains: ['mobilizon.fr'],
  fingerprints: [
    // The app shell's notice, asserted by Mobilizon's own test of its page view (test/web/views/error_view_test.exs):
    // "We're sorry but mobilizon doesn't work properly without JavaScript enabled."
    {
      selector: 'noscript',
      text: ["We're sorry but mobilizon doesn't work properly", "Mobilizon doesn't work properly"],
      weight: 0.8,
    },
  ],
  urlRules: [
    { pageType: 'event', path: /^\/(events|e)\/[^/]+/ },
    { pageType: 'group', path: /^\/@[^/]+/ },
    { pageType: 'messages', path: /^\/conversations(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'explore', path: /^\/(search|explore|tag)(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|identity|admin|moderation)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|login|register|terms|privacy|rules|glossary)(\/|$)/ },
    { pageType: 'feed', path: /^\/?$/ },
  ],
  fallbackPageType: 'event',
};
