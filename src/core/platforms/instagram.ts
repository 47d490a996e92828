import type { PlatformDefinition } from '../types';

export const instagram: PlatformDefinition = {
  id: 'instagram',
  name: 'Instagram',
  lean: 'media',
  domains: ['instagram.com'],
  urlRules: [
    { pageType: 'feed', path: /^\/?$/ },
    { pageType: 'connections', path: /^\/explore\/people(\/|$)/ },
    { pageType: 'explore', path: /^\/explore(\/|$)/ },
    { pageType: 'short-video', path: /^\/(reels?|[\w.]+\/reel)(\/|$)/ },
    { pageType: 'stories', path: /^\/stories(\/|$)/ },
    { pageType: 'post', path: /^\/([\w.]+\/)?(p|tv)\/[^/]+/ },
    { pageType: 'messages', path: /^\/direct(\/|$)/ },
    { pageType: 'notifications', path: /^\/(accounts\/activity|notifications)(\/|$)/ },
    { pageType: 'info', path: /^\/accounts\/(login|signup|emailsignup|password)(\/|$)/ },
    { pageType: 'settings', path: /^\/(accounts|settings|your_activity|emails|session)(\/|$)/ },
    // First path segments Instagram keeps for itself; anything else is a username.
    {
      pageType: 'info',
      path: /^\/(about|legal|privacy|terms|developer|ads|business|web|challenge|oauth|download|directory|press|api)(\/|$)/,
    },
    { pageType: 'connections', path: /^\/[\w.]+\/(followers|following)\/?$/ },
    { pageType: 'creator-profile', path: /^\/[\w.]+(\/(reels|tagged|saved|guides|channel|feed))?\/?$/ },
  ],
  signals: [
    {
      id: 'instagram.profile-meta',
      selector: 'meta[property="og:type"][content="profile"]',
      side: 'media',
      weight: 0.3,
      text: "a creator's profile page",
      pageType: 'creator-profile',
    },
    {
      id: 'instagram.dm-thread-link',
      selector: 'a[href^="/direct/t/"]',
      side: 'networking',
      weight: 0.4,
      text: 'a list of conversations',
      pageType: 'messages',
    },
    {
      id: 'instagram.suggested-people',
      selector: 'a[href="/explore/people/"]',
      side: 'networking',
      weight: 0.1,
      text: 'suggestions of people to follow',
    },
  ],
};
