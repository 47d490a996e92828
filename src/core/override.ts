import type { Verdict } from './types';

type UserOverride = 'auto' | 'media' | 'networking';

/** The verdict the user sees once their "wrong label?" answer for the site is applied. */
export function applyOverride(verdict: Verdict, override: UserOverride): Verdict {
  if (override === 'auto' || verdict.label === 'none') return verdict;
  return {
    ...verdict,
    label: override,
    confidence: 1,
    reasons: [
      { signal: 'user-override', leans: override, weight: 1, text: 'you chose this label for the site' },
      ...verdict.reasons,
    ],
  };
}
