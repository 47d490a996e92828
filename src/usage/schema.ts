import * as v from 'valibot';
import type { Label } from '../core/types';
import { MAX_DOMAIN_LENGTH } from '../storage/limits';

/**
 * The shapes of what usage accounting keeps (storage/keys.ts names where), described once: the totals in
 * `storage.local`, and the accounting state and the credits not yet written in `storage.session`.
 */

export const COUNTED_LABELS = ['media', 'networking', 'mixed'] as const;
/** The labels that time is counted under; `none` pages are not social use and are not counted. */
export type CountedLabel = (typeof COUNTED_LABELS)[number];
const ALL_LABELS = ['media', 'networking', 'mixed', 'none'] as const satisfies readonly Label[];
const IDLE_STATES = ['active', 'idle', 'locked'] as const;
export type IdleState = (typeof IDLE_STATES)[number];

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day, `YYYY-MM-DD`, that exists. */
export const DaySchema = v.pipe(
  v.string('must be a day such as 2025-01-31'),
  v.check(
    (day: string) => DAY_RE.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)),
    'must be a day such as 2025-01-31',
  ),
);

/**
 * A domain is a host name. `__proto__` is refused because assigning it as a key of a plain object would
 * change the object's prototype instead of adding an entry.
 */
export const UsageDomain = v.pipe(
  v.string('must be a host name'),
  v.check(
    (domain: string) => domain.length > 0 && domain.length <= MAX_DOMAIN_LENGTH && domain !== '__proto__',
    'must be a host name',
  ),
);

const Millis = v.pipe(
  v.number('must be a number of milliseconds'),
  v.check((ms: number) => Number.isFinite(ms) && ms >= 0, 'must be a number of milliseconds'),
);

export const SiteUsageSchema = v.object(
  { media: Millis, networking: Millis, mixed: Millis },
  'must be an object of media, networking and mixed time',
);
export type SiteUsage = v.InferOutput<typeof SiteUsageSchema>;

/** `{ [day]: { [domain]: { media, networking, mixed } } }`, all in milliseconds. Plain JSON. */
export const UsageTotalsSchema = v.record(
  DaySchema,
  v.record(UsageDomain, SiteUsageSchema, 'must be an object of sites'),
  'must be an object of days',
);
export type UsageTotals = Record<string, Record<string, SiteUsage>>;

export const CreditSchema = v.object({
  /** Local day, as `dayOf` named it when the slice was credited. */
  day: DaySchema,
  domain: UsageDomain,
  label: v.picklist(COUNTED_LABELS),
  ms: v.pipe(v.number(), v.finite(), v.gtValue(0)),
});
export type Credit = v.InferOutput<typeof CreditSchema>;

/** Credits handed to storage.local in one write, with an id so that a retried write is applied only once. */
const CreditBatchSchema = v.object({
  /**
   * Unique across worker and browser restarts: the time the batch was taken plus a counter. A counter alone
   * would start again at 1 when storage.session is cleared, and look like a batch already written.
   */
  id: v.string(),
  credits: v.array(CreditSchema),
});
export type CreditBatch = v.InferOutput<typeof CreditBatchSchema>;

/** What the worker keeps in storage.session, next to the accounting state and in the same `set` call. */
export const BatcherSnapshotSchema = v.object({
  pending: v.array(CreditSchema),
  /** Taken for writing but not yet acknowledged: retried after a restart. Only one at a time, so batches
   * reach storage.local in order and comparing with the last written id is enough to spot a retry. */
  inFlight: v.nullable(CreditBatchSchema),
  nextSeq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  lastFlushAt: v.nullable(v.pipe(v.number(), v.finite())),
});
export type BatcherSnapshot = v.InferOutput<typeof BatcherSnapshotSchema>;

const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

const TrackedTabSchema = v.object({
  domain: v.nullable(UsageDomain),
  label: v.picklist(ALL_LABELS),
  playing: v.boolean(),
});
export type TrackedTab = v.InferOutput<typeof TrackedTabSchema>;

/** Plain JSON: the worker stores it as is and hands it back after a restart. */
export const AccountingStateSchema = v.object({
  version: v.literal(1),
  /** Epoch ms up to which time has been accounted; null before the first event. */
  lastSeen: v.nullable(v.pipe(v.number(), v.finite())),
  activeTabId: v.nullable(TabId),
  windowFocused: v.boolean(),
  idle: v.picklist(IDLE_STATES),
  /** Keyed by tab id (JSON object keys are strings). */
  tabs: v.record(v.pipe(v.string(), v.regex(/^\d+$/)), TrackedTabSchema),
});
export type AccountingState = v.InferOutput<typeof AccountingStateSchema>;
