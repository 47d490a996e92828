import type { PlatformDefinition } from '../types';

export const behance: PlatformDefinition = {
  id: 'behance',
  name: 'Behance',
  lean: 'media',
  domains: ['behance.net'],
  urlRules: [
    { pageType: 'feed', path: /^\/(for_you|following)?\/?$/ },
    { pageType: 'post', path: /^\/gallery\/\d+/ },
    { pageType: 'explore', path: /^\/(galleries|moodboard|assets)(\/|$)/ },
    { pageType: 'search', path: /^\/search(\/|$)/ },
    { pageType: 'jobs', path: /^\/(joblist|job|hire)(\/|$)/ },
    { pageType: 'live', path: /^\/live(\/|$)/ },
    { pageType: 'video', path: /^\/videos(\/|$)/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
    { pageType: 'settings', path: /^\/(account|settings)(\/|$)/ },
    { pageType: 'info', path: /^\/(about|faq|help|misc|pro|onboarding|signin|signup|join)(\/|$)/ },
    { pageType: 'creator-profile', path: /^\/[^/]+(\/|$)/ },
  ],
};
