import type { Credit } from '../usage/schema';
import { intentionToday, nudgesAllowed } from './intentions';
import type { DriftState, Intentions } from './schema';

/**
 * Drift as a pure reducer over the usage credits (usage/accounting.ts): the worker hands it the credits each
 * usage event produced, with the stored intentions, and stores the state it returns in storage.session. A
 * credit in the other mode adds to the site's drift; a credit on the intention's side means it held, and the
 * drift starts again from zero; mixed time moves neither. Several minutes of drift give one nudge, and the
 * count starts again, so a user who stays is reminded at most once per that many minutes.
 */

/** "Scrolled the feed for several minutes" (the issue): five, long enough that a glance at the feed is not drift. */
export const DRIFT_MS = 5 * 60_000;

export type Nudge =
  | { kind: 'drift'; domain: string }
  /** The minutes the intention named ("20 minutes of videos") are used up. */
  | { kind: 'minutes'; domain: string };

export function initialDriftState(): DriftState {
  return { version: 1, day: null, prompted: [], sites: {} };
}

export function reduceDrift(
  state: DriftState,
  credits: readonly Credit[],
  intentions: Intentions,
  now: number,
  today: string,
): { state: DriftState; nudges: Nudge[] } {
  // A new day starts afresh: intentions are per day, and so is what drifted from them.
  const sameDay = state.day === today;
  const sites = sameDay ? { ...state.sites } : {};
  const nudges: Nudge[] = [];
  for (const credit of credits) {
    // Credits of yesterday that reach us after midnight belong to yesterday's intention, which is over.
    if (credit.day !== today) continue;
    const intention = intentionToday(intentions, credit.domain, today);
    if (!intention || credit.label === 'mixed') continue;
    const site = sites[credit.domain] ?? { offMs: 0, onMs: 0, minutesNudged: false };
    const next = { ...site };
    if (credit.label === intention.side) {
      next.offMs = 0;
      next.onMs += credit.ms;
    } else {
      next.offMs += credit.ms;
    }
    const allowed = nudgesAllowed(intentions, credit.domain, now);
    if (next.offMs >= DRIFT_MS) {
      next.offMs = 0;
      if (allowed) nudges.push({ kind: 'drift', domain: credit.domain });
    }
    if (intention.minutes !== null && !next.minutesNudged && next.onMs >= intention.minutes * 60_000) {
      next.minutesNudged = true;
      if (allowed) nudges.push({ kind: 'minutes', domain: credit.domain });
    }
    sites[credit.domain] = next;
  }
  return { state: { version: 1, day: today, prompted: sameDay ? state.prompted : [], sites }, nudges };
}

/** A new choice for the site counts from now: what drifted from the last one is forgotten. */
export function forgetDrift(state: DriftState, domain: string): DriftState {
  const { [domain]: _gone, ...sites } = state.sites;
  return { ...state, sites };
}
