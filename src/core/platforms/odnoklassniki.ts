import type { PlatformDefinition } from '../types';

export const odnoklassniki: PlatformDefinition = {
  id: 'odnoklassniki',
  name: 'Odnoklassniki (OK)',
  // Built for finding classmates and friends, with a Facebook-like media feed and video.
  lean: 'both',
  domains: ['ok.ru'],
  urlRules: [
    { pageType: 'feed', path: /^\/(feed)?\/?$/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'connections', path: /^\/(friends|profile\/\d+\/friends)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/profile\/\d+/ },
    { pageType: 'group', path: /^\/(groups(\/|$)|group\/\d+)/ },
    { pageType: 'info', path: /^\/(videoembed|dk|help|regulations|about|ads|app|games|game)(\/|$)/ },
    { pageType: 'live', path: /^\/live(\/|$)/ },
    { pageType: 'video', path: /^\/video(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    // Vanity addresses of people (and some groups) use a single segment.
    { pageType: 'person-profile', path: /^\/[\w.]+\/?$/ },
  ],
};
