import type { PlatformDefinition } from '../types';

// The Steam Community (steamcommunity.com): player profiles and friends, groups, game hubs with discussion
// boards, the workshop, broadcasts and web chat. Addresses as the tools that read them use them: yt-dlp's
// SteamCommunityBroadcastIE and streamlink's steam plugin (/broadcast/watch/<steamid>), ArchiSteamFarm's group
// resolver (/groups/<name>, /gid/<id>), and the profile patterns /id/<vanity> and /profiles/<steamid64>.
export const steam: PlatformDefinition = {
  id: 'steam',
  name: 'Steam Community',
  // Friends, groups and discussions among players; hubs, the workshop and broadcasts are content.
  lean: 'networking',
  domains: ['steamcommunity.com'],
  urlRules: [
    { pageType: 'live', path: /^\/broadcast\/watch\/\d+/ },
    { pageType: 'messages', path: /^\/chat(\/|$)/ },
    // Discussion boards of a game hub, of a group, or the general ones: a topic is a thread, a board a forum.
    { pageType: 'thread', path: /^\/((app\/\d+|groups\/[^/]+)\/)?discussions\/\d+\/\d+/ },
    { pageType: 'forum', path: /^\/((app\/\d+|groups\/[^/]+)\/)?discussions(\/|$)/ },
    { pageType: 'group', path: /^\/(groups|gid)\/[^/]+/ },
    { pageType: 'connections', path: /^\/(id|profiles)\/[^/]+\/(friends|followedgames|groups)(\/|$)/ },
    { pageType: 'feed', path: /^\/(id|profiles)\/[^/]+\/home(\/|$)/ },
    { pageType: 'person-profile', path: /^\/(id|profiles)\/[^/]+/ },
    { pageType: 'post', path: /^\/sharedfiles\/filedetails(\/|$)/ },
    {
      pageType: 'explore',
      path: /^\/(workshop|sharedfiles|app\/\d+\/(workshop|screenshots|images|videos|broadcasts|guides|reviews|positivereviews|negativereviews))(\/|$)/,
    },
    { pageType: 'marketplace', path: /^\/(market|tradeoffer)(\/|$)/ },
    // A game's community hub: everything people share about it, newest first.
    { pageType: 'feed', path: /^\/(app\/\d+)?\/?$/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'info', path: /^\/(login|openid|linkfilter)(\/|$)/ },
  ],
};
