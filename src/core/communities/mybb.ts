import type { CommunityDefinition } from '../types';

// MyBB names pages by script (showthread.php?tid=); its SEO option gives thread-12.html, forum-3.html, user-5.html.
export const mybb: CommunityDefinition = {
  kind: 'forum',
  id: 'mybb',
  name: 'MyBB',
  lean: 'networking',
  domains: [],
  fingerprints: [
    // The default headerinclude template loads MyBB's own script folder with a ?ver=<version> suffix.
    { selector: 'script[src*="/jscripts/general.js"]', weight: 0.7 },
    // MyBB's anti-CSRF field, in the quick login and reply forms.
    { selector: 'input[name="my_post_key"]', weight: 0.4 },
    // Template markup of the default theme, present when scripts load from another host (a CDN).
    { selector: '#quick_reply_form, .post_author, #posts_container', weight: 0.3 },
  ],
  urlRules: [
    { pageType: 'thread', path: /\/(showthread|newreply|newthread|printthread)\.php$/ },
    { pageType: 'thread', path: /\/thread-[^/]+$/i },
    { pageType: 'forum', path: /\/forumdisplay\.php$/ },
    { pageType: 'forum', path: /\/forum-[^/]+$/i },
    { pageType: 'messages', path: /\/private\.php$/ },
    {
      pageType: 'info',
      path: /\/member\.php$/,
      search: /[?&]action=(login|register|lostpw|resetpassword|activate)(&|$)/,
    },
    { pageType: 'person-profile', path: /\/member\.php$/ },
    { pageType: 'person-profile', path: /\/user-[^/]+$/i },
    { pageType: 'connections', path: /\/memberlist\.php$/ },
    { pageType: 'settings', path: /\/(usercp|modcp)\.php$/ },
    { pageType: 'search', path: /\/search\.php$/ },
    { pageType: 'info', path: /\/(misc|contact)\.php$/ },
    { pageType: 'forum', path: /(\/|\/index\.php|\/portal\.php)$/ },
  ],
  fallbackPageType: 'forum',
};
