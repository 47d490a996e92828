import type { PlatformDefinition } from '../types';

export const meetup: PlatformDefinition = {
  id: 'meetup',
  name: 'Meetup',
  lean: 'networking',
  domains: ['meetup.com'],
  urlRules: [
    // Logged-in members land on /home; the bare root is the sign-up landing page.
    { pageType: 'info', path: /^\/?$/ },
    { pageType: 'event', path: /^\/(home|events)(\/|$)/ },
    { pageType: 'search', path: /^\/(find|topics|cities)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/members\/\d+/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/(account|settings)(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(login|register|about|help|lp|blog|pro|apps|careers|terms|privacy|start|media|press|meetup-pro)(\/|$)/,
    },
    // Every other first segment is a group's URL name.
    { pageType: 'event', path: /^\/[^/]+\/events(\/|$)/ },
    { pageType: 'person-profile', path: /^\/[^/]+\/members\/\d+/ },
    { pageType: 'group', path: /^\/[^/]+(\/|$)/ },
  ],
};
