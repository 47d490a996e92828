import type { PlatformDefinition } from '../types';

export const stackexchange: PlatformDefinition = {
  id: 'stackexchange',
  name: 'Stack Exchange',
  // Question-and-answer communities (Stack Overflow and its sister sites): forum-like.
  lean: 'networking',
  domains: [
    'stackoverflow.com',
    'stackexchange.com',
    'superuser.com',
    'serverfault.com',
    'askubuntu.com',
    'mathoverflow.net',
    'stackapps.com',
  ],
  urlRules: [
    { pageType: 'group', hosts: ['chat.stackoverflow.com', 'chat.stackexchange.com', 'chat.meta.stackexchange.com'] },
    { pageType: 'thread', path: /^\/(questions|q|a)\/\d+/ },
    { pageType: 'thread', path: /^\/questions\/ask(\/|$)/ },
    { pageType: 'forum', path: /^\/((questions|unanswered)(\/|$)|$)/ },
    { pageType: 'explore', path: /^\/(tags|users)\/?$/ },
    { pageType: 'forum', path: /^\/tags\/[^/]+/ },
    { pageType: 'info', path: /^\/users\/(login|signup)(\/|$)/ },
    { pageType: 'settings', path: /^\/users\/(edit|preferences|email\/settings)\// },
    { pageType: 'person-profile', path: /^\/users\/-?\d+/ },
    { pageType: 'group', path: /^\/collectives(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'info', path: /^\/(help|tour|legal|teams|advertising|company|beta|election|review|sites)(\/|$)/ },
  ],
  // The question page's own markup: <div id="question" data-questionid="<id>"> and <div id="answers">.
  signals: [
    {
      id: 'stackexchange.question',
      selector: '#question[data-questionid]',
      side: 'networking',
      weight: 0.35,
      text: 'a question answered by members of a community',
      pageType: 'thread',
    },
  ],
};
