import type { PlatformDefinition } from '../types';

export const douban: PlatformDefinition = {
  id: 'douban',
  name: 'Douban',
  // Interest groups and friends alongside public reviews of films, books and music.
  lean: 'both',
  domains: ['douban.com'],
  urlRules: [
    { pageType: 'info', hosts: ['accounts.douban.com'] },
    { pageType: 'post', path: /^\/(subject|review)\/\d+/ },
    { pageType: 'explore', hosts: ['movie.douban.com', 'book.douban.com', 'music.douban.com'] },
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'thread', path: /^\/group\/topic\/\d+/ },
    { pageType: 'group', path: /^\/group(\/|$)/ },
    { pageType: 'connections', path: /^\/(contacts|people\/[^/]+\/(contacts|rev_contacts))(\/|$)/ },
    { pageType: 'post', path: /^\/(note|status|people\/[^/]+\/status)\/\d+/ },
    { pageType: 'person-profile', path: /^\/people\/[^/]+/ },
    // Douban's private messages are called "doumail".
    { pageType: 'messages', path: /^\/doumail(\/|$)/ },
    { pageType: 'event', path: /^\/event\/\d+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'notifications', path: /^\/notification(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'info', path: /^\/(about|login|register|service|partner)(\/|$)/ },
  ],
};
