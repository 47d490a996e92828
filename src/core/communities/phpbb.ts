import type { CommunityDefinition } from '../types';

// phpBB names pages by script and query string, usually under a sub-folder (/forum/, /phpBB3/).
export const phpbb: CommunityDefinition = {
  kind: 'forum',
  id: 'phpbb',
  name: 'phpBB',
  lean: 'networking',
  domains: [],
  fingerprints: [
    // prosilver and the styles derived from it: <body id="phpbb" class="nojs notouch section-...">.
    { selector: 'body#phpbb', weight: 0.8 },
    // phpBB 3.0 templates credit the phpBB Group in a copyright meta tag.
    { selector: 'meta[name="copyright" i][content*="phpBB" i]', weight: 0.6 },
    // phpBB 2: overall_header.tpl links templates/subSilver/subSilver.css (or a style derived from it).
    { selector: 'link[rel="stylesheet"][href*="templates/subSilver/"]', weight: 0.6 },
  ],
  urlRules: [
    { pageType: 'thread', path: /\/(viewtopic|posting)\.php$/ },
    { pageType: 'forum', path: /\/viewforum\.php$/ },
    { pageType: 'messages', path: /\/ucp\.php$/, search: /[?&]i=(pm|ucp_pm)(&|$)/ },
    { pageType: 'connections', path: /\/ucp\.php$/, search: /[?&]i=(zebra|ucp_zebra)(&|$)/ },
    {
      pageType: 'info',
      path: /\/ucp\.php$/,
      search: /[?&]mode=(login|logout|register|sendpassword|terms|privacy|delete_cookies)(&|$)/,
    },
    { pageType: 'settings', path: /\/(ucp|mcp|adm\/index)\.php$/ },
    { pageType: 'person-profile', path: /\/memberlist\.php$/, search: /[?&]mode=viewprofile(&|$)/ },
    { pageType: 'connections', path: /\/memberlist\.php$/ },
    { pageType: 'search', path: /\/search\.php$/ },
    { pageType: 'info', path: /\/(faq|help)\.php$/ },
    { pageType: 'info', path: /\/help\/faq$/ },
    { pageType: 'forum', path: /(\/|\/index\.php)$/ },
  ],
  fallbackPageType: 'forum',
  signals: [
    {
      id: 'phpbb.posts',
      selector: '.post .postbody',
      side: 'networking',
      weight: 0.3,
      text: 'replies in a discussion',
      pageType: 'thread',
    },
    {
      id: 'phpbb.topic-list',
      selector: 'ul.topiclist',
      side: 'networking',
      weight: 0.2,
      text: 'a list of forum topics',
      pageType: 'forum',
    },
  ],
};
