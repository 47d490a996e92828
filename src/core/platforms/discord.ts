import type { PlatformDefinition } from '../types';

export const discord: PlatformDefinition = {
  id: 'discord',
  name: 'Discord',
  lean: 'networking',
  domains: ['discord.com', 'discord.gg', 'discordapp.com'],
  urlRules: [
    { pageType: 'group', hosts: ['discord.gg', 'www.discord.gg'] },
    { pageType: 'messages', path: /^\/channels\/@me(\/|$)/ },
    { pageType: 'group', path: /^\/channels\/\d+(\/|$)/ },
    { pageType: 'group', path: /^\/(invite|servers|discovery|guild-discovery)(\/|$)/ },
    { pageType: 'event', path: /^\/events\/\d+/ },
  ],
  // discord.com outside /channels is the marketing site, help centre and account flows.
  fallbackPageType: 'info',
  signals: [
    {
      id: 'discord.guilds-nav',
      selector: '[data-list-id="guildsnav"]',
      side: 'networking',
      weight: 0.2,
      text: 'a list of the servers you belong to',
    },
    {
      id: 'discord.message',
      selector: '[id^="message-username-"], [aria-roledescription="Message"]',
      side: 'networking',
      weight: 0.4,
      text: 'a conversation with messages from people',
    },
  ],
};
