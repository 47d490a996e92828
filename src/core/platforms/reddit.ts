import type { PlatformDefinition } from '../types';

const sort = '(best|hot|new|top|rising|controversial)';

export const reddit: PlatformDefinition = {
  id: 'reddit',
  name: 'Reddit',
  lean: 'both',
  domains: ['reddit.com', 'redd.it'],
  urlRules: [
    // i./v.redd.it serve a bare image or video file; redd.it itself only redirects to a post thread.
    { pageType: 'post', hosts: ['i.redd.it', 'v.redd.it', 'preview.redd.it'] },
    { pageType: 'thread', hosts: ['redd.it', 'www.redd.it'] },
    { pageType: 'messages', hosts: ['chat.reddit.com'] },
    { pageType: 'feed', path: new RegExp(`^\\/(${sort}\\/?)?$`) },
    { pageType: 'feed', path: new RegExp(`^\\/r\\/(popular|all)(\\/${sort})?\\/?$`, 'i') },
    { pageType: 'thread', path: /^\/((r|u|user)\/[^/]+\/)?comments\/[^/]+/ },
    { pageType: 'thread', path: /^\/r\/[^/]+\/s\/[^/]+/ },
    { pageType: 'messages', path: /^\/(message|chat)(\/|$)/ },
    { pageType: 'feed', path: /^\/(user|u)\/[^/]+\/m\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/(user|u)\/[^/]+(\/|$)/ },
    { pageType: 'group', path: /^\/r\/[^/]+(\/|$)/ },
    { pageType: 'feed', path: /^\/domain\/[^/]+/ },
    { pageType: 'live', path: /^\/live\/[^/]+/ },
    { pageType: 'explore', path: /^\/(subreddits|explore|topics|t)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|prefs)(\/|$)/ },
    { pageType: 'post', path: /^\/(submit|media)(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(login|register|password|account|premium|coins|policies|help|wiki|ads|advertising|dev)(\/|$)/,
    },
  ],
  signals: [
    {
      id: 'reddit.feed',
      selector: 'shreddit-feed',
      side: 'media',
      weight: 0.3,
      text: 'an endless feed of posts',
    },
    {
      id: 'reddit.comments',
      selector: 'shreddit-comment, [data-testid="comment"], .commentarea .comment',
      side: 'networking',
      weight: 0.3,
      text: 'a discussion thread with replies',
      pageType: 'thread',
    },
  ],
};
