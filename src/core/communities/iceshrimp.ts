import type { CommunityDefinition } from '../types';

// Iceshrimp.NET, the rewrite of the Misskey-family Iceshrimp (iceshrimp/Iceshrimp.NET): server-rendered public
// pages for notes, users and tags (Iceshrimp.Backend/Pages), and a Blazor web client for everything else.
export const iceshrimp: CommunityDefinition = {
  kind: 'fediverse',
  id: 'iceshrimp',
  name: 'Iceshrimp',
  lean: 'both',
  domains: [],
  fingerprints: [
    // Pages/Shared/_Layout.cshtml links ~/Iceshrimp.Backend.styles.css; Pages/Shared/FrontendSPA.cshtml links
    // ~/Iceshrimp.Frontend.styles.css (ASP.NET's scoped-CSS bundles, named after the assembly).
    {
      selector: 'link[href$="Iceshrimp.Backend.styles.css"], link[href$="Iceshrimp.Frontend.styles.css"]',
      weight: 0.8,
    },
    // FrontendSPA.cshtml: icons and fonts from the Razor class libraries under /_content/Iceshrimp.Assets.*.
    { selector: 'link[href*="/_content/Iceshrimp.Assets."]', weight: 0.5 },
  ],
  urlRules: [
    // Pages/Note.cshtml: @page "/notes/{id}", the note and the note it quotes.
    { pageType: 'thread', path: /^\/notes\/[^/]+/ },
    // Pages/User.cshtml and Tag.cshtml.
    { pageType: 'creator-profile', path: /^\/@[^/]+\/?$/ },
    { pageType: 'explore', path: /^\/tags\/[^/]+/ },
    { pageType: 'settings', path: /^\/(settings|admin)(\/|$)/ },
    { pageType: 'info', path: /^\/(login|register|about|oauth)(\/|$)/ },
    // The web client's home timeline.
    { pageType: 'feed', path: /^\/?$/ },
  ],
};
