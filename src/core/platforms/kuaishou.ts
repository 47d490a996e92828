import type { PlatformDefinition } from '../types';

// Kuaishou (快手), short video and live streams. Addresses as KS-Downloader and the tools built on it read them:
// www.kuaishou.com/short-video/<id>, share links v.kuaishou.com/<code> and www.kuaishou.com/f/<code>, the share
// page v.m.chenzhongtech.com/fw/photo/<id>, and profiles at www.kuaishou.com/profile/<id> and
// live.kuaishou.com/profile/<id>.
export const kuaishou: PlatformDefinition = {
  id: 'kuaishou',
  name: 'Kuaishou',
  lean: 'media',
  domains: ['kuaishou.com', 'chenzhongtech.com'],
  urlRules: [
    { pageType: 'short-video', hosts: ['v.kuaishou.com'] },
    { pageType: 'creator-profile', path: /^\/profile\/[^/]+/ },
    // Everything else on live.kuaishou.com is a live room or the directory of them.
    { pageType: 'live', hosts: ['live.kuaishou.com'] },
    { pageType: 'short-video', path: /^\/(short-video|fw\/photo|f)\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    // The home page plays recommended short videos one after another.
    { pageType: 'short-video', path: /^\/(new-reco|brilliant)?\/?$/ },
  ],
};
