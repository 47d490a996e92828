import type { PlatformDefinition } from '../types';

export const twitch: PlatformDefinition = {
  id: 'twitch',
  name: 'Twitch',
  lean: 'media',
  domains: ['twitch.tv'],
  urlRules: [
    { pageType: 'video', hosts: ['clips.twitch.tv'] },
    // player.twitch.tv is the embed player other sites show; the rest are developer, creator and help sites.
    {
      pageType: 'info',
      hosts: [
        'player.twitch.tv',
        'dev.twitch.tv',
        'dashboard.twitch.tv',
        'help.twitch.tv',
        'safety.twitch.tv',
        'blog.twitch.tv',
        'brand.twitch.tv',
        'link.twitch.tv',
      ],
    },
    { pageType: 'feed', path: /^\/(following)?\/?$/ },
    { pageType: 'explore', path: /^\/directory(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'video', path: /^\/(videos\/\d+|[^/]+\/clip\/[^/]+|collections\/[^/]+)/ },
    { pageType: 'live', path: /^\/popout\// },
    { pageType: 'settings', path: /^\/(settings|subscriptions|wallet|drops|inventory)(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(p|downloads|jobs|turbo|prime|bits|login|signup|store|creatorcamp|broadcast|products|moderator)(\/|$)/,
    },
    { pageType: 'creator-profile', path: /^\/[^/]+\/(videos|clips|schedule|about)\/?$/ },
    // Any other first segment is a channel name: its page is the live player (or the offline screen).
    { pageType: 'live', path: /^\/[^/]+\/?$/ },
  ],
  signals: [
    {
      id: 'twitch.player',
      selector: '[data-a-target="video-player"]',
      side: 'media',
      weight: 0.3,
      text: 'a video or live stream player',
    },
    {
      id: 'twitch.chat-input',
      selector: '[data-a-target="chat-input"]',
      side: 'networking',
      weight: 0.2,
      text: "a live chat with the stream's audience",
    },
  ],
};
