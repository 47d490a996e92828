import type { CommunityDefinition } from '../types';
import { misskey } from './misskey';

// Firefish (formerly Calckey) is a fork of Misskey: the same web client and routes under its own name.
export const firefish: CommunityDefinition = {
  ...misskey,
  id: 'firefish',
  name: 'Firefish',
  domains: [],
  fingerprints: [
    // packages/backend/src/server/web/views/base.pug (firefish): meta(name='application-name' content='Firefish')
    // in the head of every page. Unlike Misskey's, this template prints no #misskey_meta.
    { selector: 'meta[name="application-name" i][content="Firefish" i]', weight: 0.9 },
    { selector: 'meta[name="application-name" i][content="Calckey" i]', weight: 0.9 },
  ],
};
