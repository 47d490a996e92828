import type { CommunityDefinition } from '../types';

// GNU social (formerly StatusNet), the oldest federated microblogging software still running
// (diogogithub/gnu-social, lib/action/action.php and lib/util/router.php).
export const gnusocial: CommunityDefinition = {
  kind: 'fediverse',
  id: 'gnusocial',
  name: 'GNU social',
  // Public and home timelines of notices (media), conversations, groups and direct messages (networking).
  lean: 'both',
  domains: [],
  fingerprints: [
    // Action::showGNUsocialLicense() prints in <div id="footer"> "It runs on [GNU social](GNUSOCIAL_ENGINE_URL)",
    // the URL being https://www.gnu.org/software/social/ (1.x), https://gnusocial.network/ or
    // https://gnusocial.rocks/ (2.x) in lib/framework.php.
    {
      selector:
        '#footer a[href*="gnu.org/software/social"], #footer a[href^="https://gnusocial.network"], #footer a[href^="https://gnusocial.rocks"]',
      // Any site's footer may link there: the link counts only with the layout below.
      weight: 0.4,
    },
    // Action::showBody() and showCore(): <div id="wrap"> around <div id="core"> holding
    // <div id="aside_primary_wrapper">, on every page of every theme.
    { selector: '#wrap > #core > #aside_primary_wrapper', weight: 0.4 },
  ],
  urlRules: [
    // lib/util/router.php: notice/:notice, conversation/:id, group/:nickname, message/:message,
    // :nickname/all (the home timeline), main/public, tag/:tag, search/notice, panel/* and settings/*.
    { pageType: 'thread', path: /^\/(conversation|notice)\/\d+/ },
    { pageType: 'feed', path: /^\/(main\/(public|all)|[^/]+\/all)\/?$/ },
    { pageType: 'messages', path: /^\/(message\/|[^/]+\/(inbox|outbox)\/?$)/ },
    { pageType: 'group', path: /^\/(group|groups)(\/|$)/ },
    { pageType: 'connections', path: /^\/[^/]+\/(subscriptions|subscribers)\/?$/ },
    { pageType: 'notifications', path: /^\/[^/]+\/replies\/?$/ },
    { pageType: 'explore', path: /^\/tag\/[^/]+/ },
    { pageType: 'search', path: /^\/search\// },
    { pageType: 'settings', path: /^\/(settings|panel)\// },
    { pageType: 'info', path: /^\/(main\/(login|register|logout|recoverpassword)|doc\/[^/]+)\/?$/ },
    { pageType: 'feed', path: /^\/?$/ },
    // showstream: /:nickname (and its favorites), last because the reserved words above come first.
    { pageType: 'creator-profile', path: /^\/[^/]+(\/favorites)?\/?$/ },
  ],
};
