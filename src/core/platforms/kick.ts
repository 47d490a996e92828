import type { PlatformDefinition } from '../types';

export const kick: PlatformDefinition = {
  id: 'kick',
  name: 'Kick',
  lean: 'media',
  domains: ['kick.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/(following)?\/?$/ },
    { pageType: 'explore', path: /^\/(browse|categories|category)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'live', path: /^\/popout\// },
    { pageType: 'settings', path: /^\/(settings|subscriptions)(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(terms-of-service|privacy-policy|community-guidelines|dmca-policy|about|careers|contact|faq|login|signup|dashboard|kick-token|creators|download|app|partner)(\/|$)/,
    },
    { pageType: 'video', path: /^\/[^/]+\/(videos|clips)\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/[^/]+\/(videos|clips|about)\/?$/ },
    // Any other first segment is a channel: its page is the live player.
    { pageType: 'live', path: /^\/[^/]+\/?$/ },
  ],
};
