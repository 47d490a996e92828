import * as v from 'valibot';
import { DaySchema, UsageDomain } from '../usage/schema';

/**
 * What intentions and budgets keep (storage/keys.ts names where): the user's choices in `storage.local`, and
 * the running drift and the nudges already given in `storage.session` and `storage.local`, so that a
 * stopped worker neither forgets a drift nor nudges twice.
 */

const SIDES = ['media', 'networking'] as const;
export type Side = (typeof SIDES)[number];

/** The one-click choices the arrival prompt offers; each names its side and, for some, minutes. */
export const CHOICES = [
  { id: 'reply', side: 'networking', minutes: null },
  { id: 'group', side: 'networking', minutes: null },
  { id: 'catchUp', side: 'networking', minutes: null },
  { id: 'videos20', side: 'media', minutes: 20 },
  { id: 'browse10', side: 'media', minutes: 10 },
] as const satisfies ReadonlyArray<{ id: string; side: Side; minutes: number | null }>;
export type ChoiceId = (typeof CHOICES)[number]['id'];
export const CHOICE_IDS = CHOICES.map((choice) => choice.id) as [ChoiceId, ...ChoiceId[]];

const Minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60));
const Millis = v.pipe(v.number(), v.finite(), v.minValue(0));
const Epoch = v.pipe(v.number(), v.finite(), v.minValue(0));

/** One site's intention settings: `on` is the user's opt-in; `today` the choice made on the day it names. */
const SiteIntentionSchema = v.object({
  on: v.boolean(),
  today: v.nullable(v.object({ day: DaySchema, choice: v.picklist(CHOICE_IDS) })),
  /** No prompt and no nudge on this site before this instant. */
  snoozedUntil: v.nullable(Epoch),
});
export type SiteIntention = v.InferOutput<typeof SiteIntentionSchema>;

export const IntentionsSchema = v.record(UsageDomain, SiteIntentionSchema);
export type Intentions = v.InferOutput<typeof IntentionsSchema>;

/** Daily budgets in minutes; null is no budget. Off by default, as everything here. */
export const BudgetsSchema = v.object({
  media: v.nullable(Minutes),
  networking: v.nullable(Minutes),
  /** Media budgets of single sites, on top of (or instead of) the one for all sites. */
  mediaPerSite: v.record(UsageDomain, Minutes),
  /** The optional "pause the feed" cover when a media budget is spent; one click passes it. */
  pauseFeed: v.boolean(),
});
export type Budgets = v.InferOutput<typeof BudgetsSchema>;

export const DEFAULT_BUDGETS: Budgets = { media: null, networking: null, mediaPerSite: {}, pauseFeed: false };

/** Drift per site, for the day named (a new day starts afresh). */
export const DriftStateSchema = v.object({
  version: v.literal(1),
  day: v.nullable(DaySchema),
  /** The sites whose arrival prompt has shown today: it asks once a day, not on every page of the site. */
  prompted: v.optional(v.array(UsageDomain), []),
  sites: v.record(
    UsageDomain,
    v.object({
      /** Time in the other mode since the intention's side last held, or since the last nudge. */
      offMs: Millis,
      /** Time on the intention's side today, for an intention with minutes ("20 minutes of videos"). */
      onMs: Millis,
      /** Whether the nudge for those minutes has been given. */
      minutesNudged: v.boolean(),
    }),
  ),
});
export type DriftState = v.InferOutput<typeof DriftStateSchema>;

/** The budgets whose nudge has been given, on the day named: one nudge per budget and day. */
export const BudgetNudgesSchema = v.object({ day: DaySchema, given: v.array(v.string()) });
export type BudgetNudges = v.InferOutput<typeof BudgetNudgesSchema>;
