import type { Label, Verdict } from '../core/types';
import { describeVerdict } from '../shared/describe';
import { t } from '../shared/i18n';
import type { ActionEnv } from './env';

export const BADGE_TEXT: Record<Label, string> = { media: 'MED', networking: 'NET', mixed: 'MIX', none: '' };

/**
 * Orange for media and blue for networking stay apart for every common colour-vision deficiency; violet
 * for mixed is told apart by its text too. All three carry white text above 4.5:1.
 */
export const BADGE_COLOR: Record<Label, string> = {
  media: '#C2410C',
  networking: '#1D4ED8',
  mixed: '#6D28D9',
  none: '#4B5563',
};

interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(verdict: Verdict | null, noted = false): BadgeState {
  if (!verdict) return { text: '', color: BADGE_COLOR.none, title: t('actionTitle') };
  // The badge keeps the label; that the site has a note shows in the tooltip and the popup header.
  const title = noted ? `${describeVerdict(verdict)} · ${t('tooltipNote')}` : describeVerdict(verdict);
  return { text: BADGE_TEXT[verdict.label], color: BADGE_COLOR[verdict.label], title };
}

/** Shows a verdict (or nothing) on the tab's toolbar button: badge text, its colours and the tooltip. */
export async function showVerdict(
  action: ActionEnv,
  tabId: number,
  verdict: Verdict | null,
  noted = false,
  spent?: string,
): Promise<void> {
  const badge = badgeFor(verdict, noted);
  if (spent) badge.title = `${badge.title} · ${spent}`;
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    action.setTitle({ tabId, title: badge.title }),
    // Chrome otherwise picks black or white by itself; white on these colours is what was checked for contrast.
    action.setBadgeTextColor?.({ tabId, color: '#FFFFFF' }),
  ]);
}
