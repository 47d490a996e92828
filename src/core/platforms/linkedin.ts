import type { PlatformDefinition } from '../types';

export const linkedin: PlatformDefinition = {
  id: 'linkedin',
  name: 'LinkedIn',
  lean: 'networking',
  domains: ['linkedin.com', 'lnkd.in'],
  urlRules: [
    { pageType: 'feed', path: /^\/feed\/?$/ },
    { pageType: 'post', path: /^\/(feed\/update|posts|pulse)\// },
    { pageType: 'connections', path: /^\/mynetwork(\/|$)/ },
    { pageType: 'messages', path: /^\/messaging(\/|$)/ },
    { pageType: 'person-profile', path: /^\/in\/[^/]+/ },
    { pageType: 'group', path: /^\/groups(\/|$)/ },
    { pageType: 'event', path: /^\/events(\/|$)/ },
    { pageType: 'jobs', path: /^\/jobs(\/|$)/ },
    { pageType: 'company', path: /^\/(company|school|showcase)\// },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'search', path: /^\/search\// },
    { pageType: 'settings', path: /^\/(mypreferences|psettings|settings)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|help|legal|learning|premium|ad|campaignmanager)(\/|$)/ },
    { pageType: 'info', path: /^\/?$/ },
  ],
  signals: [
    {
      id: 'linkedin.invitation-card',
      selector: '[componentkey^="urn:li:invitation:"]',
      side: 'networking',
      weight: 0.5,
      text: 'a list of connection requests',
      pageType: 'connections',
    },
    {
      id: 'linkedin.main-feed',
      selector: '[componentkey^="container-update-list_mainFeed"], .scaffold-finite-scroll',
      side: 'media',
      weight: 0.3,
      text: 'an endless feed of posts',
    },
    {
      id: 'linkedin.guest-company',
      selector: 'meta[name="pageKey"][content^="d_org_guest_company"]',
      side: 'networking',
      weight: 0.3,
      text: 'a company page, where people follow employers and find jobs',
      pageType: 'company',
    },
  ],
};
