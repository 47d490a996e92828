import type { PlatformDefinition } from '../types';

export const flickr: PlatformDefinition = {
  id: 'flickr',
  name: 'Flickr',
  lean: 'media',
  domains: ['flickr.com', 'flic.kr'],
  urlRules: [
    { pageType: 'post', hosts: ['flic.kr', 'www.flic.kr'] },
    { pageType: 'feed', path: /^\/(photos\/friends|activity)?\/?$/ },
    { pageType: 'explore', path: /^\/(explore|photos\/tags)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(about|help|signin|signup|login|create|services|jobs|prints|photos\/upload|account\/upgrade)(\/|$)/,
    },
    { pageType: 'settings', path: /^\/account(\/|$)/ },
    { pageType: 'messages', path: /^\/mail(\/|$)/ },
    { pageType: 'thread', path: /^\/groups\/[^/]+\/discuss\/\d+/ },
    { pageType: 'group', path: /^\/groups(\/|$)/ },
    { pageType: 'connections', path: /^\/(people\/[^/]+\/)?contacts(\/|$)/ },
    { pageType: 'post', path: /^\/photos\/[^/]+\/\d+/ },
    { pageType: 'creator-profile', path: /^\/(photos|people)\/[^/]+(\/|$)/ },
  ],
};
