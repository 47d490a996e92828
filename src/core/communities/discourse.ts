import type { CommunityDefinition } from '../types';

export const discourse: CommunityDefinition = {
  kind: 'forum',
  id: 'discourse',
  name: 'Discourse',
  lean: 'networking',
  // discourse.org is also the vendor's marketing site; only its own forum is a community. Communities the
  // vendor hosts live at <name>.discourse.group.
  domains: ['discourse.org', 'discourse.group'],
  hosts: ['meta.discourse.org'],
  fingerprints: [
    // "Discourse <version> - https://github.com/discourse/discourse version <sha>"
    { selector: 'meta[name="generator" i][content^="Discourse"]', weight: 0.9 },
    // Boot configuration the Ember app reads; present on crawler and app views.
    { selector: '#data-discourse-setup', weight: 0.8 },
    { selector: 'meta[name="discourse_theme_ids" i]', weight: 0.5 },
  ],
  urlRules: [
    { pageType: 'thread', path: /^\/t\// },
    { pageType: 'messages', path: /^\/u\/[^/]+\/messages(\/|$)/ },
    { pageType: 'messages', path: /^\/chat(\/|$)/ },
    { pageType: 'notifications', path: /^\/u\/[^/]+\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/(u\/[^/]+\/preferences|my\/preferences|admin|review)(\/|$)/ },
    { pageType: 'connections', path: /^\/u\/?$/ },
    { pageType: 'person-profile', path: /^\/u\/[^/]+/ },
    { pageType: 'group', path: /^\/g(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|about|faq|guidelines|tos|privacy|password-reset|session)(\/|$)/ },
    { pageType: 'forum', path: /^\/(c|tag|tags|latest|top|new|unread|categories|hot|posted|bookmarks)(\/|$)/ },
    { pageType: 'forum', path: /^\/?$/ },
  ],
  fallbackPageType: 'forum',
  signals: [
    {
      id: 'discourse.posts',
      selector: 'article[data-post-id], [itemtype="http://schema.org/DiscussionForumPosting"]',
      side: 'networking',
      weight: 0.4,
      text: 'replies in a discussion',
      pageType: 'thread',
    },
  ],
};
