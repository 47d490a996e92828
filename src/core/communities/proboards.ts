import type { CommunityDefinition } from '../types';

// ProBoards, a forum hosting service: forums at <name>.proboards.com, on its free domains (<name>.boards.net,
// <name>.freeforums.net) and on owners' own domains. Addresses and markup as forum-dl's ProBoards extractor
// reads them (mikwielgus/forum-dl, forum_dl/extractors/proboards.py, tested against support.proboards.com).
export const proboards: CommunityDefinition = {
  kind: 'forum',
  id: 'proboards',
  name: 'ProBoards',
  lean: 'networking',
  domains: ['proboards.com', 'boards.net', 'freeforums.net'],
  fingerprints: [
    // The board index and sub-board lists: <tr id="board-<id>"> rows holding <a class="board-<id>">.
    { selector: 'tr[id^="board-"] a[class^="board-"]', weight: 0.5 },
    // Thread lists and thread pages: <a class="thread-link thread-<id>">.
    { selector: 'a.thread-link', weight: 0.3 },
    // Thread pages: the breadcrumb <div class="nav-tree-wrapper"> with schema.org itemprop="item" links.
    { selector: '.nav-tree-wrapper a[itemprop="item"]', weight: 0.3 },
  ],
  urlRules: [
    // www.proboards.com is the service's own site (sign-up, pricing, its forum directory).
    { pageType: 'info', hosts: ['www.proboards.com', 'proboards.com'] },
    { pageType: 'thread', path: /^\/(thread|post)\/\d+/ },
    { pageType: 'forum', path: /^\/board\/\d+/ },
    { pageType: 'messages', path: /^\/conversations?(\/|$)/ },
    { pageType: 'person-profile', path: /^\/user\/\d+/ },
    { pageType: 'connections', path: /^\/members(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'info', path: /^\/(login|register|help)(\/|$)/ },
    { pageType: 'forum', path: /^\/?$/ },
  ],
  fallbackPageType: 'forum',
};
