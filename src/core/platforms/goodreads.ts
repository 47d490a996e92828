import type { PlatformDefinition } from '../types';

export const goodreads: PlatformDefinition = {
  id: 'goodreads',
  name: 'Goodreads',
  // Public reviews and ratings reach a broad audience, while friends, groups and book clubs are networking.
  lean: 'both',
  domains: ['goodreads.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'info', path: /^\/(user\/(sign_in|sign_up)|about|help|api|jobs|advertisers|ad_campaigns)(\/|$)/ },
    { pageType: 'settings', path: /^\/user\/edit(\/|$)/ },
    { pageType: 'person-profile', path: /^\/(user\/show|review\/list)\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/author\/show\/[^/]+/ },
    { pageType: 'post', path: /^\/(review\/show|book\/show|work)\/[^/]+/ },
    { pageType: 'thread', path: /^\/topic\/show\/[^/]+/ },
    { pageType: 'group', path: /^\/group(\/|$)/ },
    { pageType: 'messages', path: /^\/message(\/|$)/ },
    { pageType: 'connections', path: /^\/friend(\/|$)/ },
    { pageType: 'event', path: /^\/event(\/|$)/ },
    { pageType: 'explore', path: /^\/(genres|choiceawards|list|quotes|shelf\/show|giveaway|news|blog)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
  ],
};
