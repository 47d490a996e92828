import type { CommunityDefinition } from '../types';

// Hubzilla (formerly the Red Matrix), a federated platform of channels: a network stream, connections,
// private mail, forums (group channels), events and files (hubzilla/core).
export const hubzilla: CommunityDefinition = {
  kind: 'fediverse',
  id: 'hubzilla',
  name: 'Hubzilla',
  // Built for connections and permissions like Friendica; the network stream is media.
  lean: 'both',
  domains: [],
  fingerprints: [
    // view/php/default.php, the page layout every theme uses: <main> holding <aside id="region_1">,
    // <section id="region_2"> (ending in <div id="page-footer"> and <div id="pause">) and <aside id="region_3">.
    { selector: 'main > aside#region_1 ~ section#region_2', weight: 0.4 },
    { selector: 'section#region_2 > #page-footer ~ #pause', weight: 0.4 },
    // Older releases' view/tpl/head.tpl: <meta name="generator" content="{{$generator}}">, filled with the
    // platform name (RED_PLATFORM, later "hubzilla") and its version.
    {
      selector: 'meta[name="generator" i][content^="hubzilla" i], meta[name="generator" i][content^="redmatrix" i]',
      weight: 0.9,
    },
  ],
  urlRules: [
    // Module names are the first path segment (Zotlabs/Module/*.php).
    { pageType: 'feed', path: /^\/(network|pubstream|stream)(\/|$)/ },
    { pageType: 'thread', path: /^\/(display|item)(\/|$)/ },
    { pageType: 'messages', path: /^\/(mail|chat)(\/|$)/ },
    { pageType: 'connections', path: /^\/(connections|connedit|directory|suggestions|follow|group)(\/|$)/ },
    { pageType: 'notifications', path: /^\/(notifications|notify)(\/|$)/ },
    { pageType: 'event', path: /^\/(events|cal|cdav\/calendar)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/(profile|channel|photos)\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|admin|manage|apps)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|register|help|siteinfo|lostpass)(\/|$)/ },
    { pageType: 'info', path: /^\/?$/ },
  ],
};
