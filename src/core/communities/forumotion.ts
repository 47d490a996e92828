import type { CommunityDefinition } from '../types';

// Forumotion (Forumactif in French), a forum hosting service: forums at <name>.forumotion.com, .forumactif.com
// and their own domains. Its templates (viewtopic_body and the rest that forum owners edit) address topics as
// /t<id>-<slug>, forums as /f<id>-<slug> and members as /u<id>.
export const forumotion: CommunityDefinition = {
  kind: 'forum',
  id: 'forumotion',
  name: 'Forumotion',
  lean: 'networking',
  domains: ['forumotion.com', 'forumactif.com', 'forumactif.org', 'forumotion.net'],
  fingerprints: [
    // Every template loads the service's scripts and styles from its static host, e.g.
    // https://illiweb.com/rs3/71/frm/SCEditor/src/themes/fa.default.min.css.
    { selector: 'link[href*="illiweb.com/rs3/"], script[src*="illiweb.com/rs3/"]', weight: 0.8 },
  ],
  urlRules: [
    // The service's own home and sign-up pages.
    { pageType: 'info', hosts: ['www.forumotion.com', 'www.forumactif.com', 'forumotion.com', 'forumactif.com'] },
    { pageType: 'thread', path: /^\/t\d+/ },
    { pageType: 'thread', path: /^\/post$/ },
    { pageType: 'forum', path: /^\/(f\d+|c\d+|forum)(-|\/|$)/ },
    { pageType: 'messages', path: /^\/privmsg(\/|$)/ },
    { pageType: 'person-profile', path: /^\/u\d+/ },
    { pageType: 'connections', path: /^\/(memberlist|groups)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'info', path: /^\/(login|register|faq|profile)(\/|$)/ },
    { pageType: 'forum', path: /^\/?$/ },
  ],
  fallbackPageType: 'forum',
};
