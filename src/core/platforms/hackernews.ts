import type { PlatformDefinition } from '../types';

export const hackernews: PlatformDefinition = {
  id: 'hackernews',
  name: 'Hacker News',
  lean: 'networking',
  domains: ['ycombinator.com'],
  // The rest of ycombinator.com is the accelerator's own site.
  hosts: ['news.ycombinator.com'],
  urlRules: [
    {
      pageType: 'feed',
      path: /^\/(news|newest|front|best|ask|show|shownew|asknew|active|pool|classic|noobstories|launches)?\/?$/,
    },
    { pageType: 'thread', path: /^\/(item|reply|edit)\/?$/, search: /[?&]id=\d+/ },
    { pageType: 'person-profile', path: /^\/(user|submitted|threads|favorites)\/?$/, search: /[?&]id=/ },
    { pageType: 'jobs', path: /^\/jobs\/?$/ },
    { pageType: 'explore', path: /^\/(from|past)\/?$/ },
    { pageType: 'post', path: /^\/submit\/?$/ },
    { pageType: 'info', path: /^\/([\w-]+\.html|login|lists)$/ },
  ],
  // The markup news.arc prints: a story row <tr class="athing submission" id="<id>">, and the replies under an
  // item in <table class="comment-tree">.
  signals: [
    {
      id: 'hackernews.stories',
      selector: 'tr.athing:not(.comtr)',
      side: 'media',
      weight: 0.2,
      text: 'a ranked list of shared links',
    },
    {
      id: 'hackernews.comments',
      selector: 'table.comment-tree',
      side: 'networking',
      weight: 0.35,
      text: 'replies in a discussion',
      pageType: 'thread',
    },
  ],
};
