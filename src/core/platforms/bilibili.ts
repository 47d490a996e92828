import type { PlatformDefinition } from '../types';

export const bilibili: PlatformDefinition = {
  id: 'bilibili',
  name: 'Bilibili',
  lean: 'media',
  domains: ['bilibili.com', 'b23.tv'],
  urlRules: [
    { pageType: 'video', hosts: ['b23.tv', 'www.b23.tv'] },
    { pageType: 'live', hosts: ['live.bilibili.com'] },
    { pageType: 'creator-profile', hosts: ['space.bilibili.com'] },
    { pageType: 'messages', hosts: ['message.bilibili.com'] },
    { pageType: 'post', hosts: ['t.bilibili.com'], path: /^\/\d+/ },
    // t.bilibili.com is the "dynamics" timeline of followed creators.
    { pageType: 'feed', hosts: ['t.bilibili.com'] },
    { pageType: 'search', hosts: ['search.bilibili.com'] },
    { pageType: 'settings', hosts: ['account.bilibili.com'] },
    { pageType: 'info', hosts: ['passport.bilibili.com', 'member.bilibili.com'] },
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'video', path: /^\/(video|bangumi\/play|list)\// },
    { pageType: 'post', path: /^\/(opus\/\d+|read\/cv\d+)/ },
    { pageType: 'explore', path: /^\/(v|ranking|anime|movie|guochuang|documentary|tv|variety)(\/|$)/ },
  ],
};
