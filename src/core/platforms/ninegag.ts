import type { PlatformDefinition } from '../types';

// 9GAG, a meme community. Post addresses as yt-dlp's extractor (yt_dlp/extractor/ninegag.py, _VALID_URL
// 9gag.com/gag/<id>) and 9GAG's own sections (/hot, /trending, /fresh, /top, /interest/<name>, /tag/<name>).
export const ninegag: PlatformDefinition = {
  id: 'ninegag',
  name: '9GAG',
  lean: 'media',
  domains: ['9gag.com'],
  urlRules: [
    { pageType: 'post', path: /^\/gag\/[A-Za-z0-9]+/ },
    { pageType: 'feed', path: /^\/(home|hot|trending|fresh|top)?\/?$/ },
    { pageType: 'explore', path: /^\/(interest|tag|tags|search)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/u\/[^/]+/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|privacy|tos|faq|advertise|contact|rules)(\/|$)/ },
    // A section such as /funny or /gaming is a feed of its own.
    { pageType: 'feed', path: /^\/[a-z0-9-]+\/?$/ },
  ],
};
