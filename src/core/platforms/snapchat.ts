import type { PlatformDefinition } from '../types';

const locale = '([a-z]{2}-[a-z]{2}\\/)?';

export const snapchat: PlatformDefinition = {
  id: 'snapchat',
  name: 'Snapchat',
  lean: 'media',
  domains: ['snapchat.com'],
  urlRules: [
    { pageType: 'messages', hosts: ['web.snapchat.com'] },
    { pageType: 'explore', hosts: ['map.snapchat.com'] },
    { pageType: 'stories', hosts: ['story.snapchat.com'] },
    {
      pageType: 'info',
      hosts: [
        'accounts.snapchat.com',
        'ads.snapchat.com',
        'help.snapchat.com',
        'businesshelp.snapchat.com',
        'developers.snapchat.com',
      ],
    },
    { pageType: 'short-video', path: new RegExp(`^\\/${locale}spotlight(\\/|$)`, 'i') },
    { pageType: 'messages', path: /^\/web(\/|$)/ },
    { pageType: 'explore', path: new RegExp(`^\\/${locale}(discover|explore|lens)(\\/|$)`, 'i') },
    // /add/<name> is the link people share so others can add them as a friend.
    { pageType: 'person-profile', path: /^\/add\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/@[^/]+/ },
  ],
  // Everything else on www.snapchat.com is marketing, legal or download pages.
  fallbackPageType: 'info',
};
