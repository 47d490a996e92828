import type { PlatformDefinition } from '../types';

export const telegram: PlatformDefinition = {
  id: 'telegram',
  name: 'Telegram',
  lean: 'networking',
  domains: ['telegram.org', 't.me', 'telegram.me'],
  // telegram.org outside the web app is the project's site (apps, FAQ, blog, API docs).
  hosts: ['web.telegram.org', 't.me', 'telegram.me', 'www.telegram.me'],
  urlRules: [
    { pageType: 'messages', hosts: ['web.telegram.org'] },
    { pageType: 'group', path: /^\/(\+|%2B|joinchat\/|addlist\/)/i },
    {
      pageType: 'info',
      path: /^\/(addstickers|addemoji|addtheme|share|setlanguage|proxy|socks|login|iv|boost|contact)(\/|$)/,
    },
    // /c/<id>/<msg> links point into a private chat the reader must already belong to.
    { pageType: 'messages', path: /^\/c\/\d+/ },
    { pageType: 'post', path: /^\/(s\/)?\w+\/\d+\/?$/ },
    // A public username is usually a channel broadcasting to subscribers.
    { pageType: 'creator-profile', path: /^\/(s\/)?\w+\/?$/ },
  ],
  signals: [
    {
      id: 'telegram.join-invite',
      selector: 'meta[property="al:android:url"][content^="tg://join?invite="]',
      side: 'networking',
      weight: 0.3,
      text: 'an invitation to join a group',
      pageType: 'group',
    },
  ],
};
