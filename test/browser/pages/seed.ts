import {
  type CustomSite,
  DEFAULT_SETTINGS,
  type Note,
  type ResolvedSitePrefs,
  SCHEMA_VERSION,
} from '../../../src/storage/schema';
import { localDayOf } from '../../../src/usage/accounting';
import type { UsageTotals } from '../../../src/usage/schema';

/**
 * Stored data for views that show something only once there is data: notes, a site's own choices, a custom
 * site and two weeks of counted time. Written straight into the extension's `storage.local` in the shapes the
 * storage module reads (src/storage/schema.ts, notes/; src/usage/schema.ts), as if the extension had been
 * used for two weeks. Every person, site and note here is made up, apart from the platforms' domains.
 */

const MINUTE = 60_000;

/** Minutes of media, networking and mixed use per site on a day, `back` days before today. */
function dayUsage(back: number): Record<string, { media: number; networking: number; mixed: number }> {
  // A steady pattern with some variation: weekdays lean to networking, the weekend to media.
  const weekend = back % 7 === 5 || back % 7 === 6;
  const wave = (back * 7) % 11;
  return {
    'linkedin.com': { media: (8 + wave) * MINUTE, networking: (weekend ? 5 : 25 + wave) * MINUTE, mixed: 3 * MINUTE },
    'youtube.com': { media: (weekend ? 70 : 20 + wave * 2) * MINUTE, networking: 0, mixed: 0 },
    'reddit.com': { media: (12 + wave) * MINUTE, networking: (9 + (wave % 5)) * MINUTE, mixed: 4 * MINUTE },
    'forum.example-makers.org': { media: 0, networking: (weekend ? 30 : 6) * MINUTE, mixed: 0 },
  };
}

/** The items for `storage.local`, with days counted back from `now` as the worker names them. */
export function seedItems(now: Date): Record<string, unknown> {
  const usageTotals: UsageTotals = {};
  for (let back = 0; back < 14; back++) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12);
    usageTotals[localDayOf(day.getTime())] = dayUsage(back);
  }
  const at = now.getTime();
  const sites: Record<string, ResolvedSitePrefs> = {
    'youtube.com': { labeling: true, override: 'media', reminder: true },
    'x.com': { labeling: false, override: 'auto', reminder: false },
  };
  const customSites: CustomSite[] = [{ domain: 'example-makers.org', name: 'Makers forum', lean: 'networking' }];
  const notes: Record<string, Note> = {
    'note:linkedin.com': {
      domain: 'linkedin.com',
      path: null,
      text: 'Only to reply to recruiters and to the two groups I run.',
      reminder: false,
      updatedAt: at - 3 * 86_400_000,
    },
    'note:youtube.com': {
      domain: 'youtube.com',
      path: null,
      text: 'One tutorial, then close the tab.',
      reminder: true,
      updatedAt: at - 86_400_000,
    },
    'note:reddit.com|/r/woodworking/': {
      domain: 'reddit.com',
      path: '/r/woodworking/',
      text: 'Ask about the bench vise, read the answers, leave.',
      reminder: false,
      updatedAt: at - 2 * 3_600_000,
    },
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: { ...DEFAULT_SETTINGS },
    sites,
    customSites,
    ...notes,
    usageTotals,
  };
}
