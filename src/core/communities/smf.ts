import type { CommunityDefinition } from '../types';

// SMF names pages by query parameters separated by ';' (index.php?topic=12.0, ?action=profile;u=3), or
// queryless as index.php/topic,12.0.html.
export const smf: CommunityDefinition = {
  kind: 'forum',
  id: 'smf',
  name: 'Simple Machines Forum',
  lean: 'networking',
  domains: [],
  fingerprints: [
    // The default theme's script, versioned "?fin20" by SMF 2.0 and "?smf21x" by SMF 2.1.
    { selector: 'script[src*="/scripts/script.js?fin2"], script[src*="/scripts/script.js?smf"]', weight: 0.7 },
    // SMF 1.1: index.template.php loads <default_theme_url>/script.js?fin11.
    { selector: 'script[src*="/script.js?fin11"]', weight: 0.7 },
    // Relative links of the head template: help lives at index.php?action=help.
    { selector: 'link[rel="help"][href*="action=help"]', weight: 0.4 },
    // SMF 2.1 body: <body id="<browser>" class="action_<action> board_<n>">.
    { selector: 'body[class^="action_"]', weight: 0.3 },
  ],
  urlRules: [
    { pageType: 'thread', search: /[?&;]topic=\d+/ },
    { pageType: 'thread', path: /\/topic,\d+/ },
    { pageType: 'thread', search: /[?&;]action=post\b/ },
    { pageType: 'forum', search: /[?&;]board=\d+/ },
    { pageType: 'forum', path: /\/board,\d+/ },
    { pageType: 'messages', search: /[?&;]action=pm\b/ },
    {
      pageType: 'settings',
      search:
        /[?&;]action=profile\b.*[;&]area=(account|forumprofile|theme|notification|ignoreboards|lists|authentication)\b/,
    },
    { pageType: 'person-profile', search: /[?&;]action=profile\b/ },
    { pageType: 'connections', search: /[?&;]action=(mlist|buddy)\b/ },
    { pageType: 'notifications', search: /[?&;]action=alerts\b/ },
    { pageType: 'search', search: /[?&;]action=search2?\b/ },
    { pageType: 'event', search: /[?&;]action=calendar\b/ },
    { pageType: 'settings', search: /[?&;]action=(admin|moderate)\b/ },
    { pageType: 'info', search: /[?&;]action=(login2?|logout|register|signup|reminder|help|agreement)\b/ },
    { pageType: 'forum', search: /[?&;]action=(unread|unreadreplies|recent|forum)\b/ },
    { pageType: 'forum', path: /(\/|\/index\.php)$/ },
  ],
  fallbackPageType: 'forum',
};
