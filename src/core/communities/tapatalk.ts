import type { CommunityDefinition } from '../types';

// Tapatalk: the app's plugin for self-hosted forums (the "mobiquo" directory), and Tapatalk Groups, forums it
// hosts at www.tapatalk.com/groups/<name>/ (phpBB underneath, with its own addresses: <slug>-t<id>.html for a
// topic, <slug>-f<id>/ for a forum).
export const tapatalk: CommunityDefinition = {
  kind: 'forum',
  id: 'tapatalk',
  name: 'Tapatalk',
  lean: 'networking',
  domains: ['tapatalk.com'],
  fingerprints: [
    // The plugins add <script src="<forum>/mobiquo/tapatalkdetect.js"> before </head> (the MyBB plugin's
    // tapatalk_pre_output_page(), the Joomla plugin's output filter likewise; the directory is configurable).
    // The forum software underneath usually scores higher and names the pages; this counts where it is unknown.
    { selector: 'script[src*="tapatalkdetect"]', weight: 0.5 },
  ],
  urlRules: [
    { pageType: 'thread', path: /^\/groups\/[^/]+\/[^/]*-t\d+(-s\d+)?\.html$/ },
    { pageType: 'forum', path: /^\/groups\/[^/]+\/[^/]*-f\d+\/?$/ },
    { pageType: 'messages', path: /^\/groups\/[^/]+\/ucp\.php/, search: /[?&]i=pm/ },
    { pageType: 'connections', path: /^\/groups\/[^/]+\/memberlist\.php/ },
    { pageType: 'search', path: /^\/groups\/[^/]+\/search\.php/ },
    { pageType: 'forum', path: /^\/groups\/[^/]+\/?$/ },
    // The rest of tapatalk.com is the app's own site.
    { pageType: 'info', hosts: ['www.tapatalk.com', 'tapatalk.com'] },
    // A self-hosted forum recognised by the plugin alone: the common topic addresses of the packages it serves.
    { pageType: 'thread', path: /\/(viewtopic\.php|showthread\.php|threads\/|topic\/|t\/)/ },
  ],
  fallbackPageType: 'forum',
};
