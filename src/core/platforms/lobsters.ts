import type { PlatformDefinition } from '../types';

// Lobsters, a link aggregator with threaded discussion (lobsters/lobsters, config/routes.rb; markup from
// app/views/stories/_listdetail.html.erb and app/views/comments/_comment.html.erb).
export const lobsters: PlatformDefinition = {
  id: 'lobsters',
  name: 'Lobsters',
  lean: 'networking',
  domains: ['lobste.rs'],
  urlRules: [
    { pageType: 'feed', path: /^\/(newest|recent|active|top(\/[^/]+)?|page\/\d+)?\/?$/ },
    { pageType: 'thread', path: /^\/s\/[a-z0-9]+/ },
    { pageType: 'thread', path: /^\/(comments|threads)(\/|$)/ },
    { pageType: 'explore', path: /^\/(t|domains?|origins)\/[^/]+/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'notifications', path: /^\/(replies|inbox)(\/|$)/ },
    { pageType: 'person-profile', path: /^\/(~|u\/)[^/]+/ },
    { pageType: 'connections', path: /^\/users\/?$/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'settings', path: /^\/(settings|invitations|hidden|saved)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|login|signup|privacy|chat|filters|moderations|mod)(\/|$)/ },
  ],
  signals: [
    {
      id: 'lobsters.stories',
      // <ol class="stories list"> of <li id="story_<id>" data-shortid="<id>" class="story …">.
      selector: 'li.story[data-shortid]',
      side: 'media',
      weight: 0.2,
      text: 'a ranked list of shared links',
    },
    {
      id: 'lobsters.comments',
      // <div class="comment" data-shortid="<id>"> inside <ol class="comments">.
      selector: 'ol.comments .comment[data-shortid]',
      side: 'networking',
      weight: 0.35,
      text: 'replies in a discussion',
      pageType: 'thread',
    },
  ],
};
