import type { PlatformDefinition } from '../types';

// Slashdot: stories with threaded comments, on slashdot.org and its section hosts (tech., science., …).
// Story addresses follow Slash's own scheme, /story/<yy>/<mm>/<dd>/<sid>/<slug>; the comment list is Slash's
// <ul id="commentlisting"> (slashcode templates, dispComment / printCommentsMain).
export const slashdot: PlatformDefinition = {
  id: 'slashdot',
  name: 'Slashdot',
  lean: 'networking',
  domains: ['slashdot.org'],
  urlRules: [
    { pageType: 'thread', path: /^\/(story|submission|comments\.pl|journal)(\/|$)/ },
    { pageType: 'thread', path: /^\/~[^/]+\/journal\/\d+/ },
    { pageType: 'person-profile', path: /^\/~[^/]+/ },
    { pageType: 'feed', path: /^\/(index2?\.pl|popular|recent|archive\.pl)?\/?$/ },
    { pageType: 'explore', path: /^\/(tag|topic|polls?)(\/|$)/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'settings', path: /^\/(my|users\.pl)(\/|$)/ },
    { pageType: 'info', path: /^\/(faq|help|terms|privacystatement|login\.pl|submit)(\/|$)/ },
  ],
  signals: [
    {
      id: 'slashdot.comments',
      selector: '#commentlisting',
      side: 'networking',
      weight: 0.35,
      text: 'replies in a discussion',
      pageType: 'thread',
    },
  ],
};
