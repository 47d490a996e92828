import type { CommunityDefinition } from '../types';

export const pixelfed: CommunityDefinition = {
  kind: 'fediverse',
  id: 'pixelfed',
  name: 'Pixelfed',
  // Photo sharing in the manner of Instagram.
  lean: 'media',
  domains: ['pixelfed.social', 'pixelfed.de'],
  fingerprints: [
    // The layouts hard-code these; neither identifies Pixelfed alone.
    { selector: 'meta[name="medium" i][content="image" i]', weight: 0.3 },
    { selector: 'meta[name="theme-color" i][content="#10c5f8" i]', weight: 0.3 },
    // Recent layouts name the software as site name; older ones use the server's name.
    { selector: 'meta:is([property="og:site_name" i], [name="og:site_name" i])[content="pixelfed" i]', weight: 0.4 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/i\/web(\/timeline\/[^/]+)?\/?$/ },
    { pageType: 'feed', path: /^\/timeline(\/|$)/ },
    { pageType: 'messages', path: /^\/(i\/web\/direct|account\/direct)(\/|$)/ },
    { pageType: 'notifications', path: /^\/(i\/web\/notifications|account\/activity)(\/|$)/ },
    { pageType: 'connections', path: /^\/i\/web\/(followers|following)\// },
    { pageType: 'connections', path: /^\/account\/follow-requests(\/|$)/ },
    { pageType: 'explore', path: /^\/(discover|i\/web\/discover|i\/web\/hashtag)(\/|$)/ },
    { pageType: 'search', path: /^\/(search|i\/web\/search)(\/|$)/ },
    { pageType: 'stories', path: /^\/(stories|i\/web\/stories)\// },
    { pageType: 'group', path: /^\/(groups|i\/web\/groups)(\/|$)/ },
    { pageType: 'post', path: /^\/p\/[^/]+\/\d+/ },
    { pageType: 'post', path: /^\/i\/web\/post\/\d+/ },
    { pageType: 'creator-profile', path: /^\/i\/web\/profile\/[^/]+/ },
    { pageType: 'settings', path: /^\/(settings|i\/admin|i\/web\/compose)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|register|password|site|auth|i\/web\/help)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/[^/]+\/?$/ },
  ],
};
