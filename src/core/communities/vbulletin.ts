import type { CommunityDefinition } from '../types';

// vBulletin 3/4 name pages by script (showthread.php...), with optional friendly paths (/threads/123-title);
// vBulletin 5 uses paths whose last segment is "<id>-<slug>" for topics.
export const vbulletin: CommunityDefinition = {
  kind: 'forum',
  id: 'vbulletin',
  name: 'vBulletin',
  lean: 'networking',
  domains: [],
  fingerprints: [
    { selector: 'meta[name="generator" i][content^="vBulletin" i]', weight: 0.9 },
    // vBulletin 5 page body.
    { selector: 'body#vb-page-body', weight: 0.7 },
    // vBulletin 3 and 4 without the generator tag (many boards remove it): the headinclude template loads
    // clientscript/vbulletin_global.js on every page.
    { selector: 'script[src*="clientscript/vbulletin_global.js"]', weight: 0.8 },
  ],
  urlRules: [
    { pageType: 'thread', path: /\/(showthread|showpost|newreply|printthread)\.php/ },
    { pageType: 'thread', path: /\/threads\/\d+/ },
    { pageType: 'forum', path: /\/(forumdisplay|forum|index)\.php/ },
    { pageType: 'forum', path: /\/forums\/\d+/ },
    { pageType: 'messages', path: /\/(private\.php|privatemessage)(\/|$)/ },
    { pageType: 'person-profile', path: /\/member\.php/ },
    { pageType: 'person-profile', path: /\/members?\/\d+/ },
    { pageType: 'connections', path: /\/(memberlist\.php|members\/list)/ },
    { pageType: 'settings', path: /\/(usercp|profile|subscription|settings)(\.php|\/|$)/ },
    { pageType: 'search', path: /\/search(\.php|\/|$)/ },
    { pageType: 'info', path: /\/(login|register|faq|sendmessage)(\.php|\/|$)/ },
    // vBulletin 5 topic: /forum/<channel>/.../<id>-<slug>
    { pageType: 'thread', path: /\/\d+-[^/]+\/?$/ },
    { pageType: 'forum', path: /^\/(forum(\/|$)|$)/ },
  ],
  fallbackPageType: 'forum',
};
