import type { CommunityDefinition } from '../types';

// Routes are those of Mastodon's web app; the advanced web interface prefixes the same columns with /deck.
export const mastodon: CommunityDefinition = {
  kind: 'fediverse',
  id: 'mastodon',
  name: 'Mastodon',
  // Microblogging: the timelines are media, replies and direct conversations are networking.
  lean: 'both',
  domains: [
    'mastodon.social',
    'mastodon.online',
    'mstdn.social',
    'mas.to',
    'fosstodon.org',
    'hachyderm.io',
    'infosec.exchange',
    'mastodon.world',
    'techhub.social',
    'mstdn.jp',
    'pawoo.net',
    'universeodon.com',
    'chaos.social',
    'mastodon.art',
    'ioc.exchange',
  ],
  fingerprints: [
    // The web app mounts into <div id="mastodon" class="app-holder" data-props=...> on every page; the class
    // keeps personal sites with a "mastodon" link anchor from matching.
    { selector: 'div#mastodon.app-holder', weight: 0.8 },
    // Server-rendered state; the id alone is generic, so it only adds to the mount point.
    { selector: 'script#initial-state[type="application/json"]', weight: 0.3 },
    // Web push key, named as Mastodon names it.
    { selector: 'meta[name="applicationServerKey" i]:not([content=""])', weight: 0.3 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/(deck\/?)?$/ },
    { pageType: 'feed', path: /^\/(deck\/)?home\/?$/ },
    { pageType: 'feed', path: /^\/(deck\/)?public(\/local|\/remote)?\/?$/ },
    { pageType: 'feed', path: /^\/(deck\/)?(lists|bookmarks|favourites)(\/|$)/ },
    { pageType: 'messages', path: /^\/(deck\/)?(conversations|timelines\/direct)(\/|$)/ },
    { pageType: 'notifications', path: /^\/(deck\/)?notifications(\/|$)/ },
    { pageType: 'explore', path: /^\/(deck\/)?(explore|tags|links)(\/|$)/ },
    { pageType: 'search', path: /^\/(deck\/)?search(\/|$)/ },
    { pageType: 'connections', path: /^\/(deck\/)?(follow_requests|directory)(\/|$)/ },
    { pageType: 'connections', path: /^\/(deck\/)?@[^/]+\/(followers|following)\/?$/ },
    // A status page shows the post with its replies: a conversation.
    { pageType: 'thread', path: /^\/(deck\/)?@[^/]+\/\d+/ },
    { pageType: 'thread', path: /^\/users\/[^/]+\/statuses\/\d+/ },
    { pageType: 'creator-profile', path: /^\/(deck\/)?@[^/]+(\/(with_replies|media|tagged\/[^/]+))?\/?$/ },
    { pageType: 'creator-profile', path: /^\/users\/[^/]+\/?$/ },
    { pageType: 'settings', path: /^\/(settings|filters|relationships|admin|disputes|oauth)(\/|$)/ },
    { pageType: 'info', path: /^\/(auth|about|privacy-policy|terms-of-service|terms|start|share)(\/|$)/ },
  ],
  signals: [
    {
      id: 'mastodon.detailed-status',
      selector: '.detailed-status',
      side: 'networking',
      weight: 0.3,
      text: 'a post opened with its replies',
      pageType: 'thread',
    },
  ],
};
