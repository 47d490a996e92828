import type { CommunityDefinition } from '../types';

export const lemmy: CommunityDefinition = {
  kind: 'fediverse',
  id: 'lemmy',
  name: 'Lemmy',
  // Link aggregation organised in communities, in the manner of Reddit's subreddits.
  lean: 'networking',
  domains: ['lemmy.world', 'lemmy.ml', 'beehaw.org', 'feddit.org', 'lemmy.ca'],
  fingerprints: [
    // lemmy-ui's App component renders this around every page, server side too.
    { selector: 'div#app.lemmy-site', weight: 0.8 },
    // The bundled stylesheet lives under a hashed /static/<hash>/ directory.
    { selector: 'link[href^="/static/"][href$="/styles/styles.css"]', weight: 0.3 },
  ],
  urlRules: [
    // The front page mixes posts from all communities: a feed, as Reddit's is.
    { pageType: 'feed', path: /^\/(home)?\/?$/ },
    { pageType: 'group', path: /^\/c\/[^/]+/ },
    // The community directory is where people find communities to join.
    { pageType: 'group', path: /^\/(communities|create_community)(\/|$)/ },
    { pageType: 'thread', path: /^\/(post|comment)\/\d+/ },
    { pageType: 'thread', path: /^\/create_post(\/|$)/ },
    { pageType: 'messages', path: /^\/(inbox|create_private_message)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/u\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|admin|reports|registration_applications|modlog)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|signup|legal|instances|password_change|login_reset|verify_email)(\/|$)/ },
  ],
};
