import type { PlatformDefinition } from '../types';

// Truth Social runs a Mastodon fork behind a web app built on Soapbox; the routes below are Soapbox's
// (soapbox-pub/soapbox, src/features/ui/index.tsx: /@:username/posts/:statusId, /group/:groupSlug, /chats, …),
// and the post addresses match the ones public tools link to (truthsocial.com/@<user>/posts/<id>).
export const truthsocial: PlatformDefinition = {
  id: 'truthsocial',
  name: 'Truth Social',
  // Microblogging for a broad audience, like X.
  lean: 'media',
  domains: ['truthsocial.com'],
  // Soapbox renders each post in <div data-testid="status"> (src/components/status.tsx), which is what public
  // scrapers of truthsocial.com wait for (div[data-testid='status']).
  signals: [
    {
      id: 'truthsocial.status',
      selector: '[data-testid="status"]',
      side: 'media',
      weight: 0.2,
      text: 'posts written for followers and the public',
    },
  ],
  urlRules: [
    { pageType: 'feed', path: /^\/(home|lists?(\/[^/]+)?|bookmarks)?\/?$/ },
    { pageType: 'explore', path: /^\/(tags\/[^/]+|explore|discover)(\/|$)/ },
    { pageType: 'messages', path: /^\/(chats|messages)(\/|$)/ },
    { pageType: 'notifications', path: /^\/notifications(\/|$)/ },
    { pageType: 'connections', path: /^\/(follow_requests|suggestions|directory)(\/|$)/ },
    { pageType: 'connections', path: /^\/@[^/]+\/(followers|following)\/?$/ },
    // Groups people join and post in; a group's post is a discussion among its members.
    { pageType: 'thread', path: /^\/groups?\/[^/]+\/posts\/[^/]+/ },
    { pageType: 'group', path: /^\/groups?(\/|$)/ },
    { pageType: 'post', path: /^\/(@[^/]+\/posts|statuses)\/[^/]+/ },
    // The old Mastodon form /@user/<id> redirects to /@user/posts/<id>.
    { pageType: 'post', path: /^\/@[^/]+\/\d+\/?$/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|filters|blocks|mutes|developers)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|logout|about|info|reset-password|share)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/@[^/]+/ },
  ],
};
