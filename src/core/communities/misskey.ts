import type { CommunityDefinition } from '../types';

export const misskey: CommunityDefinition = {
  kind: 'fediverse',
  id: 'misskey',
  name: 'Misskey',
  // Microblogging like Mastodon: timelines are media, note threads, chats and channels networking.
  lean: 'both',
  domains: ['misskey.io', 'misskey.design'],
  fingerprints: [
    // Rendered by the server's base template in the head of every page.
    { selector: 'meta[name="application-name" i][content="Misskey" i]', weight: 0.8 },
    // Instance metadata for the boot loader; forks that rename the app keep it.
    { selector: '#misskey_meta', weight: 0.7 },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/(timeline|my\/lists|my\/antennas|my\/favorites|my\/clips)(\/|$)/ },
    { pageType: 'messages', path: /^\/(chat|my\/messaging)(\/|$)/ },
    { pageType: 'notifications', path: /^\/(my\/)?notifications(\/|$)/ },
    { pageType: 'connections', path: /^\/my\/follow-requests(\/|$)/ },
    { pageType: 'connections', path: /^\/@[^/]+\/(followers|following)\/?$/ },
    { pageType: 'explore', path: /^\/(explore|tags|gallery|featured)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    // Channels are topic communities people join and post in.
    { pageType: 'group', path: /^\/channels(\/|$)/ },
    { pageType: 'thread', path: /^\/notes\/[^/]+/ },
    { pageType: 'post', path: /^\/(clips|pages|@[^/]+\/pages)\// },
    { pageType: 'creator-profile', path: /^\/@[^/]+/ },
    { pageType: 'settings', path: /^\/(settings|admin|my\/drive)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|about-misskey|signin|signup|signup-complete|reset-password)(\/|$)/ },
  ],
};
