import type { PlatformDefinition } from '../types';

export const soundcloud: PlatformDefinition = {
  id: 'soundcloud',
  name: 'SoundCloud',
  lean: 'media',
  domains: ['soundcloud.com'],
  urlRules: [
    { pageType: 'post', hosts: ['on.soundcloud.com'] },
    { pageType: 'feed', path: /^\/(discover|stream|feed)?\/?$/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'explore', path: /^\/(charts|tags|trending-music|stations)(\/|$)/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(signin|upload|pages|terms-of-use|imprint|jobs|pro|you|mobile|creator|artists|connect|premium|go|legal)(\/|$)/,
    },
    // Every other first segment is an artist; the second is a track unless it names a profile tab.
    { pageType: 'connections', path: /^\/[^/]+\/(followers|following)\/?$/ },
    { pageType: 'post', path: /^\/[^/]+\/sets\/[^/]+/ },
    {
      pageType: 'creator-profile',
      path: /^\/[^/]+\/(tracks|albums|sets|reposts|popular-tracks|likes|comments|spotlight)\/?$/,
    },
    { pageType: 'post', path: /^\/[^/]+\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/[^/]+\/?$/ },
  ],
};
