import type { PlatformDefinition } from '../types';

export const xing: PlatformDefinition = {
  id: 'xing',
  name: 'XING',
  lean: 'networking',
  domains: ['xing.com'],
  urlRules: [
    { pageType: 'info', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/(news|discover\/updates)(\/|$)/ },
    { pageType: 'messages', path: /^\/(chats|messages)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/profile\/[^/]+/ },
    { pageType: 'connections', path: /^\/(contacts|network|discover\/contacts)(\/|$)/ },
    { pageType: 'jobs', path: /^\/jobs(\/|$)/ },
    { pageType: 'company', path: /^\/(pages|companies)\/[^/]+/ },
    { pageType: 'group', path: /^\/communities(\/|$)/ },
    { pageType: 'event', path: /^\/events(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'info', path: /^\/(login|start|signup|about|help|legal|terms|privacy|imprint|impressum|app)(\/|$)/ },
  ],
};
