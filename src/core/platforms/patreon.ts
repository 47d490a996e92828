import type { PlatformDefinition } from '../types';

// Patreon: creators publish posts for members who pay them. Post addresses as yt-dlp's Patreon extractor has
// them (yt_dlp/extractor/patreon.py: patreon.com/posts/<slug>-<id>, the older creation?hid=<id>, and creator
// pages patreon.com/<name>, /c/<name> and /cw/<name>).
export const patreon: PlatformDefinition = {
  id: 'patreon',
  name: 'Patreon',
  // Content for a paying audience: the guide's publishing platforms, media at most.
  lean: 'media',
  domains: ['patreon.com'],
  urlRules: [
    // support.patreon.com, privacy.patreon.com and the rest are help and company sites.
    { pageType: 'info', hosts: ['support.patreon.com', 'privacy.patreon.com', 'blog.patreon.com', 'pro.patreon.com'] },
    { pageType: 'feed', path: /^\/home\/?$/ },
    { pageType: 'post', path: /^\/(posts\/[^/]+|creation)/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'explore', path: /^\/(explore|search)(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|memberships|edit|dashboard|library|insights|payouts)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|create|product|pricing|policy|legal|about|careers|apps)(\/|$)/ },
    { pageType: 'info', path: /^\/?$/ },
    // A creator's page: /c/<name>, /cw/<name>, or the bare /<name> (and its /posts, /about, /membership tabs).
    { pageType: 'creator-profile', path: /^\/(c|cw)\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/[^/]+(\/(posts|about|membership|collections|shop))?\/?$/ },
  ],
};
