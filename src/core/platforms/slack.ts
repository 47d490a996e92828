import type { PlatformDefinition } from '../types';

export const slack: PlatformDefinition = {
  id: 'slack',
  name: 'Slack',
  // Workplace chat: channels with colleagues and direct messages.
  lean: 'networking',
  domains: ['slack.com'],
  urlRules: [
    // Conversation ids start with D for direct messages and C or G for channels.
    { pageType: 'messages', path: /^\/(client\/[^/]+|archives)\/D[A-Z0-9]+/ },
    { pageType: 'group', path: /^\/(client\/[^/]+|archives)\/[CG][A-Z0-9]+/ },
    { pageType: 'messages', hosts: ['app.slack.com'], path: /^\/(client|huddle)(\/|$)/ },
    { pageType: 'messages', path: /^\/messages(\/|$)/ },
  ],
  // slack.com itself is the product, pricing and help site.
  fallbackPageType: 'info',
};
