import type { PlatformDefinition } from '../types';

export const vimeo: PlatformDefinition = {
  id: 'vimeo',
  name: 'Vimeo',
  lean: 'media',
  domains: ['vimeo.com'],
  urlRules: [
    // player.vimeo.com only serves the player embedded in other sites.
    { pageType: 'info', hosts: ['player.vimeo.com'] },
    // The root is the logged-out landing page of a video-hosting business.
    { pageType: 'info', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/(home|feed)\/?$/ },
    {
      pageType: 'video',
      path: /^\/(\d+|(channels|groups)\/[^/]+\/(videos\/)?\d+|showcase\/\d+|ondemand\/[^/]+)(\/|$)/,
    },
    { pageType: 'group', path: /^\/groups\/[^/]+/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'explore', path: /^\/(watch|categories|channels)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|manage)(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(log_in|join|upgrade|features|solutions|enterprise|create|about|help|blog|jobs|legal|terms|privacy|cookie_policy|pricing|upload|live|stock|integrations|partners|developer|business|professionals|ott|apps|sitemap)(\/|$)/,
    },
    { pageType: 'video', path: /^\/[^/]+\/\d+\/?$/ },
    { pageType: 'creator-profile', path: /^\/[^/]+(\/(videos|likes|showcases|followers|following|about))?\/?$/ },
  ],
};
