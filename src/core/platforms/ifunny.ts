import type { PlatformDefinition } from '../types';

// iFunny, a meme community: its share addresses name the kind of post, ifunny.co/picture/<id>,
// /video/<id>, /gif/<id>, /meme/<id>, and profiles /user/<name>.
export const ifunny: PlatformDefinition = {
  id: 'ifunny',
  name: 'iFunny',
  lean: 'media',
  domains: ['ifunny.co'],
  urlRules: [
    { pageType: 'post', path: /^\/(picture|video|gif|meme|comic|caption)\/[^/]+/ },
    { pageType: 'feed', path: /^\/(featured|collective|subscriptions)?\/?$/ },
    { pageType: 'explore', path: /^\/(tags|explore|search)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/user\/[^/]+/ },
    { pageType: 'messages', path: /^\/chats?(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|account)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|privacy|terms|about|app)(\/|$)/ },
  ],
};
