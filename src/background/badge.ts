import type { Label, Verdict } from '../core/types';
import { describeVerdict } from '../shared/describe';

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

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(verdict: Verdict | null): BadgeState {
  if (!verdict) return { text: '', color: BADGE_COLOR.none, title: 'Reach or Relate' };
  return { text: BADGE_TEXT[verdict.label], color: BADGE_COLOR[verdict.label], title: describeVerdict(verdict) };
}
