import type { CommunityDefinition } from '../types';

export const peertube: CommunityDefinition = {
  kind: 'fediverse',
  id: 'peertube',
  name: 'PeerTube',
  // Video hosting in the manner of YouTube.
  lean: 'media',
  domains: ['framatube.org', 'tilvids.com'],
  fingerprints: [
    // Part of the client's index page, which the server serves for every route.
    { selector: 'meta:is([property="og:platform" i], [name="og:platform" i])[content="PeerTube" i]', weight: 0.9 },
    // Angular root element; also the name of old Angular tutorial apps, so weak.
    { selector: 'my-app', weight: 0.3 },
    { selector: 'body#custom-css', weight: 0.3 },
  ],
  urlRules: [
    { pageType: 'video', path: /^\/(w|videos\/watch|videos\/embed)\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/(c|a|video-channels|accounts)\/[^/]+/ },
    { pageType: 'feed', path: /^\/videos\/subscriptions(\/|$)/ },
    { pageType: 'explore', path: /^\/?$/ },
    { pageType: 'explore', path: /^\/(home|videos\/(trending|recently-added|local|overview|browse)|videos\/?$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'notifications', path: /^\/my-account\/notifications(\/|$)/ },
    { pageType: 'connections', path: /^\/my-library\/(subscriptions|follows)(\/|$)/ },
    { pageType: 'settings', path: /^\/(my-account|my-library|admin|videos\/upload|videos\/update)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|login|signup|verify-account|reset-password)(\/|$)/ },
  ],
  signals: [
    {
      id: 'peertube.watch',
      selector: 'my-video-watch',
      side: 'media',
      weight: 0.3,
      text: 'a video watch page',
      pageType: 'video',
    },
  ],
};
