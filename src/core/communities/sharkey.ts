import type { CommunityDefinition } from '../types';
import { misskey } from './misskey';

// Sharkey is a fork of Misskey: the same web client and routes under its own name.
export const sharkey: CommunityDefinition = {
  ...misskey,
  id: 'sharkey',
  name: 'Sharkey',
  domains: [],
  fingerprints: [
    // packages/backend/src/server/web/views/base.pug (transfem-org/Sharkey): meta(name='application-name'
    // content='Sharkey') in the head of every page.
    { selector: 'meta[name="application-name" i][content="Sharkey" i]', weight: 0.9 },
  ],
};
