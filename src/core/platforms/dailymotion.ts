import type { PlatformDefinition } from '../types';

export const dailymotion: PlatformDefinition = {
  id: 'dailymotion',
  name: 'Dailymotion',
  lean: 'media',
  domains: ['dailymotion.com', 'dai.ly'],
  urlRules: [
    { pageType: 'video', hosts: ['dai.ly', 'www.dai.ly'] },
    // geo.dailymotion.com serves the player other sites embed.
    { pageType: 'info', hosts: ['geo.dailymotion.com'] },
    { pageType: 'feed', path: /^\/((following|library)(\/|$)|$)/ },
    { pageType: 'video', path: /^\/(video|playlist)\/[^/]+/ },
    { pageType: 'explore', path: /^\/(explore|trending|topic|tag|hashtag)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'info', path: /^\/(embed|signin|signup|legal|about|partner|creator|upload|player)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/[^/]+(\/(videos|playlists|about))?\/?$/ },
  ],
};
