import type { CommunityDefinition } from '../types';

export const friendica: CommunityDefinition = {
  kind: 'fediverse',
  id: 'friendica',
  name: 'Friendica',
  // Built like Facebook: a network stream that is media, and contacts, groups, messages and events.
  lean: 'both',
  // Servers are small and many; they are recognised by fingerprint.
  domains: [],
  fingerprints: [
    // Every theme's head template prints "Friendica <version>" as generator.
    { selector: 'meta[name="generator" i][content^="Friendica" i]', weight: 0.9 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/(network|community|channel)(\/|$)/ },
    { pageType: 'thread', path: /^\/(display|item)\/[^/]+/ },
    { pageType: 'messages', path: /^\/message(\/|$)/ },
    { pageType: 'notifications', path: /^\/(notifications|notify)(\/|$)/ },
    { pageType: 'connections', path: /^\/(contact|circle|group|directory|suggest|follow)(\/|$)/ },
    { pageType: 'event', path: /^\/(events|calendar|cal)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/(profile|photos)\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|admin|moderation|delegation)(\/|$)/ },
    { pageType: 'info', path: /^\/?$/ },
    { pageType: 'info', path: /^\/(login|register|friendica|help|tos|lostpass)(\/|$)/ },
  ],
};
