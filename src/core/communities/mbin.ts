import type { CommunityDefinition } from '../types';

// Mbin, the community fork of /kbin (MbinOrg/mbin, ernestwisniewski/kbin): link threads and microblog posts in
// "magazines", federated with Lemmy and Mastodon. Reddit-like.
export const mbin: CommunityDefinition = {
  kind: 'fediverse',
  id: 'mbin',
  name: 'Mbin / kbin',
  lean: 'networking',
  domains: ['fedia.io', 'kbin.earth'],
  fingerprints: [
    // templates/base.html.twig: <body ... data-controller="kbin notifications"> (the Stimulus controllers).
    { selector: 'body[data-controller~="kbin"]', weight: 0.7 },
    // The same template: <div id="middle"> holding <div class="kbin-container">.
    { selector: '#middle > .kbin-container', weight: 0.5 },
  ],
  // templates/entry/single.html.twig, the page of a link thread: base.html.twig's <div id="middle"> gets the
  // class page-entry-single, and the comments come in <div id="comments">.
  signals: [
    {
      id: 'mbin.comments',
      selector: '#middle.page-entry-single #comments',
      side: 'networking',
      weight: 0.35,
      text: 'replies in a discussion',
      pageType: 'thread',
    },
  ],
  urlRules: [
    // config/mbin_routes/entry.yaml and post.yaml: /m/{magazine}/t/{entry_id}/{slug} (a link thread with its
    // comments) and /m/{magazine}/p/{post_id}/{slug} (a microblog post with its replies).
    { pageType: 'thread', path: /^\/m\/[^/]+\/[tp]\/\d+/ },
    { pageType: 'thread', path: /^\/m\/[^/]+\/new_entry\/?$/ },
    // front.yaml: /m/{name}/... is the magazine's front page.
    { pageType: 'group', path: /^\/m\/[^/]+/ },
    { pageType: 'group', path: /^\/magazines(\/|$)/ },
    // message.yaml: /profile/messages and /u/{username}/message; user.yaml: /settings/notifications.
    { pageType: 'messages', path: /^\/(profile\/messages|u\/[^/]+\/message)(\/|$)/ },
    { pageType: 'notifications', path: /^\/settings\/notifications(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|admin|profile)(\/|$)/ },
    // user.yaml: /u/{username}/followers, /following; people.yaml: /people.
    { pageType: 'connections', path: /^\/(people|u\/[^/]+\/(followers|following))(\/|$)/ },
    { pageType: 'person-profile', path: /^\/u\/[^/]+/ },
    { pageType: 'explore', path: /^\/tag\/[^/]+/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'info', path: /^\/(login|register|terms|privacy-policy|about|faq|stats)(\/|$)/ },
    // front.yaml: /{subscription}/{content}/{sortBy}/..., all the aggregated front pages (home, sub, mod, fav,
    // microblog, comments).
    {
      pageType: 'feed',
      path: /^\/((all|sub|mod|fav|home|microblog|threads|comments|top|hot|newest|active|commented)(\/|$)|$)/,
    },
  ],
};
