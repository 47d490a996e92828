import type { PlatformDefinition } from '../types';

export const whatsapp: PlatformDefinition = {
  id: 'whatsapp',
  name: 'WhatsApp Web',
  lean: 'networking',
  domains: ['whatsapp.com'],
  // www.whatsapp.com and the rest of the domain are product, help and business pages.
  hosts: ['web.whatsapp.com'],
  urlRules: [{ pageType: 'messages', hosts: ['web.whatsapp.com'] }],
  fallbackPageType: 'messages',
  signals: [
    {
      id: 'whatsapp.chat-list',
      selector: '#pane-side',
      side: 'networking',
      weight: 0.4,
      text: 'a list of your conversations',
      pageType: 'messages',
    },
    {
      id: 'whatsapp.open-chat',
      selector: '#main footer [contenteditable="true"], [data-testid="conversation-compose-box-input"]',
      side: 'networking',
      weight: 0.5,
      text: 'an open conversation with a person or group',
      pageType: 'messages',
    },
    {
      id: 'whatsapp.send',
      selector: '[data-icon="send"]',
      side: 'networking',
      weight: 0.2,
      text: 'a message ready to send',
    },
    {
      id: 'whatsapp.link-qr',
      selector: 'div[data-ref] canvas',
      side: 'networking',
      weight: 0.1,
      text: 'a QR code to link your phone (not signed in yet)',
      pageType: 'info',
    },
  ],
};
