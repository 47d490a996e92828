import type { PlatformDefinition } from '../types';

const channel = String.raw`(@[^/]+|channel\/[^/]+|c\/[^/]+|user\/[^/]+)`;

export const youtube: PlatformDefinition = {
  id: 'youtube',
  name: 'YouTube',
  lean: 'media',
  // youtube-nocookie.com only serves players embedded in other sites, which are not social pages.
  domains: ['youtube.com', 'youtu.be'],
  urlRules: [
    { pageType: 'video', hosts: ['youtu.be', 'www.youtu.be'] },
    // Creator tools, music streaming and TV are YouTube products without social activity.
    { pageType: 'info', hosts: ['studio.youtube.com', 'music.youtube.com', 'tv.youtube.com', 'accounts.youtube.com'] },
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'video', path: /^\/watch\/?$/ },
    { pageType: 'short-video', path: /^\/shorts(\/|$)/ },
    { pageType: 'live', path: /^\/live\/[^/]+/ },
    { pageType: 'live', path: new RegExp(String.raw`^\/${channel}\/live\/?$`) },
    { pageType: 'feed', path: /^\/(feed\/subscriptions|playlist)(\/|$)/ },
    { pageType: 'explore', path: /^\/(feed\/(trending|explore)|gaming|podcasts|hashtag)(\/|$)/ },
    { pageType: 'search', path: /^\/results\/?$/ },
    { pageType: 'post', path: /^\/post\/[^/]+/ },
    { pageType: 'creator-profile', path: new RegExp(String.raw`^\/${channel}(\/|$)`) },
    { pageType: 'settings', path: /^\/account(_\w+)?\/?$/ },
    {
      pageType: 'info',
      path: /^\/(feed\/(history|library|you|playlists|downloads|channels)|about|t|howyoutubeworks|creators|premium|ads|yt|embed|logout|signin|redirect|supported_browsers|upload|kids)(\/|$)/,
    },
  ],
  signals: [
    {
      id: 'youtube.home-grid',
      selector: 'ytd-browse[page-subtype="home"] ytd-rich-grid-renderer',
      side: 'media',
      weight: 0.4,
      text: 'a grid of recommended videos',
      pageType: 'feed',
    },
    {
      id: 'youtube.subscriptions',
      selector: 'ytd-browse[page-subtype="subscriptions"]',
      side: 'media',
      weight: 0.3,
      text: 'new videos from subscribed channels',
      pageType: 'feed',
    },
    {
      id: 'youtube.channel',
      selector: 'ytd-browse[page-subtype="channels"]',
      side: 'media',
      weight: 0.4,
      text: "a creator's channel page",
      pageType: 'creator-profile',
    },
    {
      id: 'youtube.watch-next',
      selector: 'ytd-watch-next-secondary-results-renderer',
      side: 'media',
      weight: 0.3,
      text: 'recommended videos next to the player',
      pageType: 'video',
    },
    {
      id: 'youtube.shorts-player',
      selector: 'ytd-shorts, ytd-reel-video-renderer',
      side: 'media',
      weight: 0.5,
      text: 'a short-video player',
      pageType: 'short-video',
    },
    {
      id: 'youtube.live-chat',
      selector: 'ytd-live-chat-frame',
      side: 'media',
      weight: 0.2,
      text: 'a live stream with its chat',
    },
    {
      id: 'youtube.comments',
      selector: 'ytd-comments',
      side: 'networking',
      weight: 0.1,
      text: 'a comment section',
    },
  ],
};
