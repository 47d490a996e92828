import type { PlatformDefinition } from '../types';

export const strava: PlatformDefinition = {
  id: 'strava',
  name: 'Strava',
  // Athletes follow people they train with and join clubs; the feed is mostly friends' activities.
  lean: 'networking',
  domains: ['strava.com'],
  urlRules: [
    { pageType: 'info', hosts: ['support.strava.com', 'press.strava.com', 'labs.strava.com', 'developers.strava.com'] },
    // Members are redirected to /dashboard; the bare root is the sign-up landing page.
    { pageType: 'info', path: /^\/?$/ },
    { pageType: 'feed', path: /^\/dashboard(\/|$)/ },
    { pageType: 'post', path: /^\/activities\/\d+/ },
    { pageType: 'connections', path: /^\/(athletes\/[^/]+\/follows|athletes\/search|find-friends|suggestions)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/(athletes|pros)\/[^/]+/ },
    { pageType: 'event', path: /^\/clubs\/[^/]+\/group_events\// },
    { pageType: 'group', path: /^\/clubs(\/|$)/ },
    { pageType: 'explore', path: /^\/(segments|routes|local|maps|heatmap|challenges)(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    {
      pageType: 'info',
      path: /^\/(login|register|about|legal|subscribe|pricing|careers|features|mobile|upload|premium|summit|apps|partner|business|terms)(\/|$)/,
    },
  ],
};
