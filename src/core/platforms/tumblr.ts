import type { PlatformDefinition } from '../types';

// The app lives on www; every other host is a blog (<blog>.tumblr.com).
const app = ['www.tumblr.com', 'tumblr.com'];

export const tumblr: PlatformDefinition = {
  id: 'tumblr',
  name: 'Tumblr',
  lean: 'media',
  domains: ['tumblr.com'],
  urlRules: [
    { pageType: 'feed', hosts: app, path: /^\/(dashboard(\/|$)|$)/ },
    { pageType: 'messages', hosts: app, path: /^\/(messaging|inbox)(\/|$)/ },
    { pageType: 'explore', hosts: app, path: /^\/(explore|tagged|recommended-for-you)(\/|$)/ },
    { pageType: 'search', hosts: app, path: /^\/search(\/|$)/ },
    { pageType: 'group', hosts: app, path: /^\/communities(\/|$)/ },
    { pageType: 'connections', hosts: app, path: /^\/(following|blog\/[^/]+\/followers)\/?$/ },
    { pageType: 'settings', hosts: app, path: /^\/(settings|blog\/[^/]+\/settings)(\/|$)/ },
    { pageType: 'post', hosts: app, path: /^\/new(\/|$)/ },
    {
      pageType: 'info',
      hosts: app,
      path: /^\/(login|register|logout|about|policy|privacy|help|support|docs|apps|business|buy|tumblrmart|premium)(\/|$)/,
    },
    { pageType: 'post', hosts: app, path: /^\/(blog\/view\/)?[^/]+\/\d+/ },
    { pageType: 'creator-profile', hosts: app, path: /^\/(blog\/view\/)?[^/]+\/?$/ },
    { pageType: 'post', path: /^\/post\/\d+/ },
    { pageType: 'creator-profile', path: /^\/((page|tagged|archive|likes)(\/|$)|$)/ },
  ],
  signals: [
    {
      id: 'tumblr.dashboard',
      selector: '[data-timeline*="dashboard"], [data-timeline-id*="dashboard"]',
      side: 'media',
      weight: 0.4,
      text: 'an endless dashboard of posts',
      pageType: 'feed',
    },
    {
      id: 'tumblr.community-timeline',
      selector: '[data-timeline*="communities"], [data-timeline-id^="communities-"]',
      side: 'networking',
      weight: 0.4,
      text: "a community's shared feed",
      pageType: 'group',
    },
    {
      id: 'tumblr.timeline',
      selector: '[data-timeline], [data-timeline-id]',
      side: 'media',
      weight: 0.2,
      text: 'a scrolling timeline of posts',
    },
  ],
};
