import type { CommunityDefinition } from '../types';
import { bookwyrm } from './bookwyrm';
import { discourse } from './discourse';
import { firefish } from './firefish';
import { flarum } from './flarum';
import { forumotion } from './forumotion';
import { friendica } from './friendica';
import { funkwhale } from './funkwhale';
import { gnusocial } from './gnusocial';
import { gotosocial } from './gotosocial';
import { hubzilla } from './hubzilla';
import { iceshrimp } from './iceshrimp';
import { invision } from './invision';
import { lemmy } from './lemmy';
import { mastodon } from './mastodon';
import { mbin } from './mbin';
import { misskey } from './misskey';
import { mobilizon } from './mobilizon';
import { mybb } from './mybb';
import { nodebb } from './nodebb';
import { peertube } from './peertube';
import { phpbb } from './phpbb';
import { pixelfed } from './pixelfed';
import { pleroma } from './pleroma';
import { proboards } from './proboards';
import { sharkey } from './sharkey';
import { smf } from './smf';
import { tapatalk } from './tapatalk';
import { vbulletin } from './vbulletin';
import { writefreely } from './writefreely';
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
  sharkey,
  gotosocial,
  bookwyrm,
  funkwhale,
  mobilizon,
  writefreely,
  gnusocial,
  hubzilla,
  firefish,
  iceshrimp,
  mbin,
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
  forumotion,
  proboards,
  tapatalk,
];
