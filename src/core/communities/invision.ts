import type { CommunityDefinition } from '../types';

// Invision Community's friendly URLs (/topic/123-slug/) may also appear after index.php? (?/topic/123-slug/),
// and the suite is often installed under a folder such as /forums/.
export const invision: CommunityDefinition = {
  kind: 'forum',
  id: 'invision',
  name: 'Invision Community',
  lean: 'networking',
  // Invision's hosted service: communities at <name>.invisioncloud.com.
  domains: ['invisioncloud.com'],
  fingerprints: [
    // The front end's body boots the core app controller.
    { selector: 'body[data-controller^="core.front.core.app"]', weight: 0.8 },
    { selector: 'body.ipsApp', weight: 0.6 },
    // IP.Board 3: the skin's globalTemplate opens <body id='ipboard_body'>, which its scripts address
    // ($('ipboard_body') in public/js/ips.js).
    { selector: 'body#ipboard_body', weight: 0.8 },
    // IP.Board 2 and 3 wrap the page in <div id="ipbwrapper">.
    { selector: 'div#ipbwrapper', weight: 0.5 },
  ],
  urlRules: [
    { pageType: 'thread', path: /\/topic\/\d+/ },
    { pageType: 'thread', search: /^\?\/topic\/\d+/ },
    { pageType: 'messages', path: /\/messenger(\/|$)/ },
    { pageType: 'messages', search: /^\?\/messenger(\/|&|$)/ },
    { pageType: 'notifications', path: /\/notifications(\/|$)/ },
    { pageType: 'settings', path: /\/(settings|admin|modcp)(\/|$)/ },
    { pageType: 'person-profile', path: /\/profile\/\d+/ },
    { pageType: 'person-profile', search: /^\?\/profile\/\d+/ },
    { pageType: 'connections', path: /\/(members|staff|online)(\/|$)/ },
    { pageType: 'group', path: /\/clubs(\/|$)/ },
    { pageType: 'event', path: /\/(calendar|events)(\/|$)/ },
    { pageType: 'search', path: /\/search(\/|$)/ },
    { pageType: 'info', path: /\/(login|register|lostpassword|guidelines|terms|privacy)(\/|$)/ },
    { pageType: 'forum', path: /\/(forum|forums|discover)(\/|$)/ },
    { pageType: 'forum', search: /^\?\/forum\// },
    { pageType: 'forum', path: /(\/|\/index\.php)$/ },
  ],
  fallbackPageType: 'forum',
  signals: [
    {
      id: 'invision.topic',
      selector: 'body[data-pagecontroller="topic"]',
      side: 'networking',
      weight: 0.4,
      text: 'a discussion thread',
      pageType: 'thread',
    },
  ],
};
