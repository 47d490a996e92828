import type { PlatformDefinition } from '../types';

export const zhihu: PlatformDefinition = {
  id: 'zhihu',
  name: 'Zhihu',
  // A question-and-answer community, like Quora.
  lean: 'networking',
  domains: ['zhihu.com'],
  urlRules: [
    { pageType: 'post', hosts: ['zhuanlan.zhihu.com'], path: /^\/p\/\d+/ },
    // zhuanlan hosts columns, a writer's series of articles.
    { pageType: 'creator-profile', hosts: ['zhuanlan.zhihu.com'] },
    { pageType: 'feed', path: /^\/(follow)?\/?$/ },
    { pageType: 'thread', path: /^\/question\/\d+/ },
    { pageType: 'post', path: /^\/pin\/\d+/ },
    { pageType: 'video', path: /^\/(zvideo|video)\/\d+/ },
    { pageType: 'person-profile', path: /^\/people\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/org\/[^/]+/ },
    { pageType: 'group', path: /^\/club\/\d+/ },
    { pageType: 'explore', path: /^\/(hot|explore|topic|topics|billboard|roundtable)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'info', path: /^\/(signin|signup|term|terms)(\/|$)/ },
  ],
};
