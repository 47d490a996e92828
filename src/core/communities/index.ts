import type { CommunityDefinition } from '../types';
import { discourse } from './discourse';
import { flarum } from './flarum';
import { friendica } from './friendica';
import { invision } from './invision';
import { lemmy } from './lemmy';
import { mastodon } from './mastodon';
import { misskey } from './misskey';
import { mybb } from './mybb';
import { nodebb } from './nodebb';
import { peertube } from './peertube';
import { phpbb } from './phpbb';
import { pixelfed } from './pixelfed';
import { pleroma } from './pleroma';
import { smf } from './smf';
import { vbulletin } from './vbulletin';
import { xenforo } from './xenforo';

/** Community software recognised on any domain by its fingerprints, and on its big public servers by domain. */
export const communities: readonly CommunityDefinition[] = [
  // Fediverse servers
  mastodon,
  misskey,
  pleroma,
  pixelfed,
  peertube,
  lemmy,
  friendica,
  // Forums
  discourse,
  phpbb,
  xenforo,
  flarum,
  vbulletin,
  mybb,
  nodebb,
  invision,
  smf,
];
