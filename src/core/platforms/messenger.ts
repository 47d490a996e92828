import type { PlatformDefinition } from '../types';

export const messenger: PlatformDefinition = {
  id: 'messenger',
  name: 'Messenger',
  lean: 'networking',
  domains: ['messenger.com'],
  urlRules: [
    { pageType: 'info', path: /^\/(login|features|desktop|download|privacy|help|legal|terms)(\/|$)/ },
    { pageType: 'messages', path: /^\/(t|e2ee\/t|groups|marketplace\/t)(\/|$)/ },
    { pageType: 'messages', path: /^\/?$/ },
  ],
  fallbackPageType: 'messages',
};
