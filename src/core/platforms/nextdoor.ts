import type { PlatformDefinition } from '../types';

export const nextdoor: PlatformDefinition = {
  id: 'nextdoor',
  name: 'Nextdoor',
  lean: 'networking',
  domains: [
    'nextdoor.com',
    'nextdoor.co.uk',
    'nextdoor.ca',
    'nextdoor.com.au',
    'nextdoor.nl',
    'nextdoor.de',
    'nextdoor.fr',
    'nextdoor.it',
    'nextdoor.es',
    'nextdoor.se',
    'nextdoor.dk',
  ],
  urlRules: [
    // Members land on /news_feed/; the bare root is the sign-up landing page.
    { pageType: 'info', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/news_feed(\/|$)/ },
    // A post is a conversation among neighbours, not a broadcast.
    { pageType: 'thread', path: /^\/p\/[^/]+/ },
    { pageType: 'messages', path: /^\/(messages|inbox)(\/|$)/ },
    { pageType: 'group', path: /^\/(g|groups|neighborhood|neighborhood_feed)(\/|$)/ },
    { pageType: 'marketplace', path: /^\/(for_sale_and_free|sale|classifieds|finds)(\/|$)/ },
    { pageType: 'event', path: /^\/events(\/|$)/ },
    { pageType: 'person-profile', path: /^\/profile\/[^/]+/ },
    { pageType: 'company', path: /^\/(pages|page|business)\/[^/]+/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|edit_profile)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(login|register|join|about|help|legal|privacy|member_agreement|agency|ads|find-neighborhood|city)(\/|$)/,
    },
  ],
};
