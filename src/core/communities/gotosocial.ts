import type { CommunityDefinition } from '../types';

// GoToSocial serves server-rendered pages for profiles and statuses (web/template/page.tmpl,
// superseriousbusiness/gotosocial); everything else happens in the apps people connect with.
export const gotosocial: CommunityDefinition = {
  kind: 'fediverse',
  id: 'gotosocial',
  name: 'GoToSocial',
  lean: 'both',
  domains: [],
  fingerprints: [
    // web/template/page_footer.tmpl: <div id="version"><a name="Source code" href="…/superseriousbusiness/gotosocial">
    // GoToSocial <span class="accent">version</span></a></div>, on every page.
    { selector: '#version a[href*="/superseriousbusiness/gotosocial"]', weight: 0.8 },
    // page.tmpl: <body class="page"> holding <header class="page-header"> and <footer class="page-footer">.
    { selector: 'body.page > footer.page-footer', weight: 0.2 },
  ],
  urlRules: [
    { pageType: 'thread', path: /^\/@[^/]+\/statuses\/[^/]+/ },
    { pageType: 'creator-profile', path: /^\/@[^/]+(\/(gallery|tagged\/[^/]+))?\/?$/ },
    { pageType: 'explore', path: /^\/tags\/[^/]+/ },
    { pageType: 'settings', path: /^\/settings(\/|$)/ },
    { pageType: 'info', path: /^\/(about|signup|login|auth|oauth|domain-blocklist|domain-allowlist)?(\/|$)/ },
  ],
};
