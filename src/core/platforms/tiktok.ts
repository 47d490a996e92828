import type { PlatformDefinition } from '../types';

export const tiktok: PlatformDefinition = {
  id: 'tiktok',
  name: 'TikTok',
  lean: 'media',
  domains: ['tiktok.com'],
  urlRules: [
    // vm./vt. hosts only carry short links that redirect to one video.
    { pageType: 'short-video', hosts: ['vm.tiktok.com', 'vt.tiktok.com'] },
    { pageType: 'feed', path: /^\/(foryou|following|friends)?\/?$/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'live', path: /^\/(@[^/]+\/)?live(\/|$)/ },
    { pageType: 'short-video', path: /^\/@[^/]+\/video\/\d+/ },
    { pageType: 'post', path: /^\/@[^/]+\/photo\/\d+/ },
    { pageType: 'short-video', path: /^\/t\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/@[^/]+\/?$/ },
    { pageType: 'explore', path: /^\/(tag|music|explore|discover|channel|trending)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/settings?(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(login|signup|legal|about|privacy|community-guidelines|creators|business|tiktokstudio|upload|feedback|download|safety|transparency|coin|embed)(\/|$)/,
    },
  ],
  signals: [
    {
      id: 'tiktok.for-you',
      selector: '#main-content-homepage_hot',
      side: 'media',
      weight: 0.5,
      text: 'an endless feed of short videos',
      pageType: 'feed',
    },
    {
      id: 'tiktok.friends-feed',
      selector: '#main-content-friends_page',
      side: 'media',
      weight: 0.3,
      text: 'a feed of short videos from friends',
      pageType: 'feed',
    },
    {
      id: 'tiktok.video-detail',
      selector: '#main-content-video_detail',
      side: 'media',
      weight: 0.5,
      text: 'a short-video player',
      pageType: 'short-video',
    },
    {
      id: 'tiktok.profile',
      selector: '#main-content-others_homepage',
      side: 'media',
      weight: 0.4,
      text: "a creator's profile with their videos",
      pageType: 'creator-profile',
    },
    {
      id: 'tiktok.recommended-item',
      selector: '[data-e2e="recommend-list-item-container"]',
      side: 'media',
      weight: 0.3,
      text: 'recommended videos chosen by an algorithm',
    },
  ],
};
