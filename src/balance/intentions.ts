import { CHOICES, type ChoiceId, type Intentions, type Side, type SiteIntention } from './schema';

/**
 * Intentions as pure functions over the stored map (no clock, no storage): the worker passes the day and the
 * instant, so tests can replay any timeline and a restarted worker reaches the same answers from storage.
 *
 * An intention holds for the local day it was chosen on: the next day's first visit asks again, which is what
 * "on arrival" means for a site one opens many times a day.
 */

function choiceOf(id: ChoiceId): (typeof CHOICES)[number] {
  return CHOICES.find((choice) => choice.id === id) ?? CHOICES[0];
}

const OFF: SiteIntention = { on: false, today: null, snoozedUntil: null };

export function siteIntention(intentions: Intentions, domain: string): SiteIntention {
  return Object.hasOwn(intentions, domain) ? (intentions[domain] ?? OFF) : OFF;
}

function snoozed(site: SiteIntention, now: number): boolean {
  return site.snoozedUntil !== null && now < site.snoozedUntil;
}

/** Today's intention for a site, when the user opted in and chose one today. */
export function intentionToday(
  intentions: Intentions,
  domain: string,
  day: string,
): { choice: ChoiceId; side: Side; minutes: number | null } | null {
  const site = siteIntention(intentions, domain);
  if (!site.on || site.today?.day !== day) return null;
  const choice = choiceOf(site.today.choice);
  return { choice: choice.id, side: choice.side, minutes: choice.minutes };
}

/** Whether arriving on the site now asks what the user is there for. */
export function promptDue(intentions: Intentions, domain: string, day: string, now: number): boolean {
  const site = siteIntention(intentions, domain);
  return site.on && site.today?.day !== day && !snoozed(site, now);
}

/** Whether nudges may show on the site now (opted in, not snoozed). */
export function nudgesAllowed(intentions: Intentions, domain: string, now: number): boolean {
  const site = siteIntention(intentions, domain);
  return site.on && !snoozed(site, now);
}

function withSite(intentions: Intentions, domain: string, change: Partial<SiteIntention>): Intentions {
  return { ...intentions, [domain]: { ...siteIntention(intentions, domain), ...change } };
}

export function setIntentionsOn(intentions: Intentions, domain: string, on: boolean): Intentions {
  if (on) return withSite(intentions, domain, { on: true });
  // "Stop reminding me" and switching off forget the site's entry: nothing about it stays stored.
  const { [domain]: _gone, ...rest } = intentions;
  return rest;
}

export function choose(intentions: Intentions, domain: string, choice: ChoiceId, day: string): Intentions {
  return withSite(intentions, domain, { on: true, today: { day, choice }, snoozedUntil: null });
}

export function snooze(intentions: Intentions, domain: string, until: number): Intentions {
  return withSite(intentions, domain, { snoozedUntil: until });
}
