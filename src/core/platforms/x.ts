import type { PlatformDefinition } from '../types';

export const x: PlatformDefinition = {
  id: 'x',
  name: 'X (Twitter)',
  lean: 'media',
  domains: ['x.com', 'twitter.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/home\/?$/ },
    {
      pageType: 'info',
      path: /^\/i\/(flow|grok|premium\w*|verified\w*|keyboard_shortcuts|jf|account_analytics|monetization)(\/|$)/,
    },
    { pageType: 'messages', path: /^\/(messages|i\/chat)(\/|$)/ },
    { pageType: 'group', path: /^\/(i|[^/]+)\/communities(\/|$)/ },
    { pageType: 'post', path: /^\/([^/]+|i\/web)\/status\/\d+/ },
    { pageType: 'explore', path: /^\/(explore|hashtag|i\/trends|i\/topics)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'live', path: /^\/i\/(spaces|broadcasts)\// },
    { pageType: 'feed', path: /^\/i\/(lists\/|bookmarks)/ },
    { pageType: 'connections', path: /^\/(i\/connect_people|follower_requests)(\/|$)/ },
    { pageType: 'connections', path: /^\/[^/]+\/(followers|following|verified_followers|followers_you_follow)\/?$/ },
    { pageType: 'jobs', path: /^\/jobs(\/|$)/ },
    { pageType: 'post', path: /^\/compose(\/|$)/ },
    { pageType: 'info', path: /^\/(login|logout|signup|tos|privacy|rules|about|download|intent|share|account)(\/|$)/ },
    // Logged-in visitors are redirected to /home; the bare root is the logged-out landing page.
    { pageType: 'info', path: /^\/?$/ },
    // /i/ is X's own namespace and never a username; unknown app routes must not read as profiles.
    { pageType: 'unknown', path: /^\/i(\/|$)/ },
    {
      pageType: 'creator-profile',
      path: /^\/\w{1,15}(\/(with_replies|media|likes|highlights|articles|superfollows|affiliates|photo|header_photo|lists))?\/?$/,
    },
  ],
  signals: [
    {
      id: 'x.timeline',
      selector: '[data-testid="primaryColumn"] section[role="region"] [data-testid="cellInnerDiv"]',
      side: 'media',
      weight: 0.3,
      text: 'an endless timeline of posts',
    },
    {
      id: 'x.tweet',
      selector: '[data-testid="tweet"]',
      side: 'media',
      weight: 0.2,
      text: 'posts written for followers and the public',
    },
    {
      id: 'x.dm-conversation',
      selector: '[data-testid="DmActivityViewport"], [data-testid="dmComposerTextInput"]',
      side: 'networking',
      weight: 0.5,
      text: 'a conversation with one person or a small group',
      pageType: 'messages',
    },
    {
      id: 'x.dm-drawer',
      selector: '[data-testid="DMDrawer"], [data-testid="chat-drawer-root"]',
      side: 'networking',
      weight: 0.1,
      text: 'a messages drawer beside the timeline',
    },
    {
      id: 'x.user-cell',
      selector: '[data-testid="primaryColumn"] [data-testid="UserCell"]',
      side: 'networking',
      weight: 0.2,
      text: 'a list of people to follow',
    },
  ],
};
