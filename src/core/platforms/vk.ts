import type { PlatformDefinition } from '../types';

const video = ['vkvideo.ru', 'www.vkvideo.ru', 'm.vkvideo.ru'];

export const vk: PlatformDefinition = {
  id: 'vk',
  name: 'VK',
  // Like Facebook: friends, messages and communities next to a media feed, clips and video.
  lean: 'both',
  domains: ['vk.com', 'vk.ru', 'vkvideo.ru'],
  urlRules: [
    { pageType: 'creator-profile', hosts: video, path: /^\/@[^/]+\/?$/ },
    { pageType: 'video', hosts: video },
    { pageType: 'info', path: /^\/?$/ },
    { pageType: 'notifications', path: /^\/feed\/?$/, search: /[?&]section=notifications/ },
    { pageType: 'feed', path: /^\/feed\/?$/ },
    { pageType: 'messages', path: /^\/(im|mail)(\/|$)/ },
    { pageType: 'connections', path: /^\/friends(\/|$)/ },
    { pageType: 'short-video', path: /^\/clips?(\/|$|-?\d)/ },
    { pageType: 'video', path: /^\/videos?(\/|$|-?\d)/ },
    { pageType: 'post', path: /^\/wall-?\d+_\d+/ },
    { pageType: 'event', path: /^\/event\d+/ },
    { pageType: 'group', path: /^\/(groups(\/|$)|club\d+)/ },
    // public<id> communities are public pages that broadcast to subscribers.
    { pageType: 'creator-profile', path: /^\/public\d+/ },
    { pageType: 'marketplace', path: /^\/market(\/|$|-?\d)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(login|join|restore|support|terms|privacy|about|legal|ads|blog|dev|jobs|app\d+)(\/|$)/,
    },
    { pageType: 'person-profile', path: /^\/(id\d+|[\w.]+)\/?$/ },
  ],
};
