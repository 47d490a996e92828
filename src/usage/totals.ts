import type { CountedLabel, Credit } from './accounting';
import { mergeCredits } from './accounting';

/**
 * Usage totals as stored in storage.local, and what the popup and options page make of them. Pure: no
 * browser API, no clock; `today` is always passed in (the worker computes it with the same `dayOf` as the
 * accounting).
 */

export type SiteUsage = Record<CountedLabel, number>;
/** `{ [day 'YYYY-MM-DD']: { [domain]: { media, networking, mixed } } }`, all in milliseconds. Plain JSON. */
export type UsageTotals = Record<string, Record<string, SiteUsage>>;

export interface DayUsage extends SiteUsage {
  day: string;
}

export interface SiteRow extends SiteUsage {
  domain: string;
  total: number;
}

export interface Balance extends SiteUsage {
  /** media / networking; null when there is no networking time to divide by. */
  ratio: number | null;
  /** media / (media + networking), 0..1; null when there is neither. Steadier for a balance bar than `ratio`. */
  mediaShare: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LABELS: readonly CountedLabel[] = ['media', 'networking', 'mixed'];
const MS_PER_DAY = 86_400_000;

export function emptyUsage(): SiteUsage {
  return { media: 0, networking: 0, mixed: 0 };
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * A domain is a host name. `__proto__` is refused because assigning it as a key of a plain object would
 * change the object's prototype instead of adding an entry.
 */
function isDomainKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 253 && value !== '__proto__';
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Calendar arithmetic on day keys, in UTC so that the machine's time zone cannot shift it. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The `days` days ending with `today`, oldest first. */
export function lastDays(days: number, today: string): string[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
}

/** New totals with the credits added; the input is not changed. Malformed credits are skipped. */
export function addCredits(totals: UsageTotals, credits: readonly Credit[]): UsageTotals {
  const next: UsageTotals = { ...totals };
  const copied = new Set<string>();
  for (const c of credits) {
    if (!isDay(c.day) || !isDomainKey(c.domain) || !LABELS.includes(c.label)) continue;
    if (!(Number.isFinite(c.ms) && c.ms > 0)) continue;
    if (!copied.has(c.day)) {
      next[c.day] = { ...(own(next, c.day) ?? {}) };
      copied.add(c.day);
    }
    const sites = next[c.day] as Record<string, SiteUsage>;
    const site = { ...(own(sites, c.domain) ?? emptyUsage()) };
    site[c.label] += c.ms;
    sites[c.domain] = site;
  }
  return next;
}

/**
 * Keeps the last `retentionDays` days up to and including `today`. Days after `today` are kept: after a move
 * to a time zone further west, the day just credited can be "tomorrow" for a while.
 */
export function pruneOlderThan(totals: UsageTotals, retentionDays: number, today: string): UsageTotals {
  const oldest = addDays(today, -(Math.max(1, Math.floor(retentionDays)) - 1));
  const next: UsageTotals = {};
  for (const [day, sites] of Object.entries(totals)) if (day >= oldest) next[day] = sites;
  return next;
}

/** Per day of the last 7 or 30 days, oldest first, zeros where nothing was counted. */
export function dailySeries(totals: UsageTotals, days: 7 | 30, today: string): DayUsage[] {
  return lastDays(days, today).map((day) => {
    const sum: DayUsage = { day, ...emptyUsage() };
    for (const site of Object.values(own(totals, day) ?? {})) for (const l of LABELS) sum[l] += site[l];
    return sum;
  });
}

/** Per site over the last `days` days, most used first. */
export function siteTable(totals: UsageTotals, days: number, today: string): SiteRow[] {
  const rows = new Map<string, SiteRow>();
  for (const day of lastDays(days, today)) {
    for (const [domain, site] of Object.entries(own(totals, day) ?? {})) {
      let row = rows.get(domain);
      if (!row) {
        row = { domain, ...emptyUsage(), total: 0 };
        rows.set(domain, row);
      }
      for (const l of LABELS) {
        row[l] += site[l];
        row.total += site[l];
      }
    }
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || (a.domain < b.domain ? -1 : 1));
}

/**
 * Media against networking time over the last `days` days, for one site or all. Mixed time is reported but
 * left out of the ratio: it is both at once, and splitting it would only dilute the comparison.
 */
export function ratio(totals: UsageTotals, days: number, today: string, domain?: string): Balance {
  const sum = emptyUsage();
  for (const row of siteTable(totals, days, today)) {
    if (domain !== undefined && row.domain !== domain) continue;
    for (const l of LABELS) sum[l] += row[l];
  }
  const both = sum.media + sum.networking;
  return {
    ...sum,
    ratio: sum.networking > 0 ? sum.media / sum.networking : null,
    mediaShare: both > 0 ? sum.media / both : null,
  };
}

export function todayForSite(totals: UsageTotals, domain: string, today: string): SiteUsage & { total: number } {
  const site = own(own(totals, today) ?? {}, domain) ?? emptyUsage();
  return {
    media: site.media,
    networking: site.networking,
    mixed: site.mixed,
    total: site.media + site.networking + site.mixed,
  };
}

/**
 * A field as RFC 4180 wants it, and safe to open in a spreadsheet: text starting with = + - @ (or a tab or
 * carriage return) would be run as a formula, so it gets a leading apostrophe, as OWASP recommends.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** All totals as CSV (CRLF line ends, per RFC 4180), whole seconds, sorted by day then domain. */
export function toCsv(totals: UsageTotals): string {
  const lines = ['day,domain,media_seconds,networking_seconds,mixed_seconds'];
  for (const day of Object.keys(totals).sort()) {
    const sites = own(totals, day) ?? {};
    for (const domain of Object.keys(sites).sort()) {
      const site = sites[domain] as SiteUsage;
      const seconds = LABELS.map((l) => String(Math.round(site[l] / 1000)));
      lines.push([csvField(day), csvField(domain), ...seconds].join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function isUsage(value: unknown): value is SiteUsage {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return LABELS.every((l) => typeof record[l] === 'number' && Number.isFinite(record[l]) && (record[l] as number) >= 0);
}

/** Totals read back from storage, keeping only well-formed entries (a damaged entry must not break the UI). */
export function restoreTotals(value: unknown): UsageTotals {
  const totals: UsageTotals = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return totals;
  for (const [day, sites] of Object.entries(value)) {
    if (!isDay(day) || typeof sites !== 'object' || sites === null) continue;
    const kept: Record<string, SiteUsage> = {};
    for (const [domain, site] of Object.entries(sites)) {
      if (isDomainKey(domain) && isUsage(site))
        kept[domain] = { media: site.media, networking: site.networking, mixed: site.mixed };
    }
    if (Object.keys(kept).length > 0) totals[day] = kept;
  }
  return totals;
}

// ---- Batched persistence -------------------------------------------------------------------------------

/** Credits handed to storage.local in one write, with an id so that a retried write is applied only once. */
export interface CreditBatch {
  /**
   * Unique across worker and browser restarts: the time the batch was taken plus a counter. A counter alone
   * would start again at 1 when storage.session is cleared, and look like a batch already written.
   */
  id: string;
  credits: Credit[];
}

/** What the worker keeps in storage.session, next to the accounting state and in the same `set` call. */
export interface BatcherSnapshot {
  pending: Credit[];
  /** Taken for writing but not yet acknowledged: retried after a restart. Only one at a time, so batches
   * reach storage.local in order and comparing with the last written id is enough to spot a retry. */
  inFlight: CreditBatch | null;
  nextSeq: number;
  lastFlushAt: number | null;
}

export interface BatcherOptions {
  /** Regular writes: at most one per this interval. */
  minIntervalMs: number;
  /** Writes asked for (a tab closed): still no more often than this, so closing twenty tabs is not twenty writes. */
  minForcedIntervalMs: number;
}

export const DEFAULT_BATCHER_OPTIONS: BatcherOptions = { minIntervalMs: 60_000, minForcedIntervalMs: 15_000 };

function isCredit(value: unknown): value is Credit {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    isDay(c.day) &&
    isDomainKey(c.domain) &&
    LABELS.includes(c.label as CountedLabel) &&
    typeof c.ms === 'number' &&
    Number.isFinite(c.ms) &&
    c.ms > 0
  );
}

function restoreSnapshot(value: unknown): BatcherSnapshot {
  const fresh: BatcherSnapshot = { pending: [], inFlight: null, nextSeq: 1, lastFlushAt: null };
  if (typeof value !== 'object' || value === null) return fresh;
  const s = value as Record<string, unknown>;
  const pending = Array.isArray(s.pending) ? s.pending.filter(isCredit) : [];
  const f = s.inFlight as Record<string, unknown> | null | undefined;
  const inFlight =
    f && typeof f.id === 'string' && Array.isArray(f.credits)
      ? { id: f.id, credits: f.credits.filter(isCredit) }
      : null;
  const nextSeq = typeof s.nextSeq === 'number' && Number.isInteger(s.nextSeq) && s.nextSeq > 0 ? s.nextSeq : 1;
  const lastFlushAt = typeof s.lastFlushAt === 'number' && Number.isFinite(s.lastFlushAt) ? s.lastFlushAt : null;
  return { pending: mergeCredits(pending), inFlight, nextSeq, lastFlushAt };
}

/**
 * Collects credits between writes to storage.local and says when a write is due: at most once a minute, or
 * sooner when asked (a tab closed) but never more than a few times a minute. Its snapshot is JSON and belongs
 * in storage.session with the accounting state, so credits not yet written survive a worker restart.
 */
export class WriteBatcher {
  private state: BatcherSnapshot;

  constructor(
    snapshot?: unknown,
    private readonly options: BatcherOptions = DEFAULT_BATCHER_OPTIONS,
  ) {
    this.state = restoreSnapshot(snapshot);
  }

  add(credits: readonly Credit[]): void {
    if (credits.length === 0) return;
    this.state = { ...this.state, pending: mergeCredits([...this.state.pending, ...credits.filter(isCredit)]) };
  }

  get hasWork(): boolean {
    return this.state.inFlight !== null || this.state.pending.length > 0;
  }

  /** Whether to write now; `force` for a write the worker asks for (tab closed, popup opened). */
  shouldFlush(now: number, force = false): boolean {
    if (!this.hasWork) return false;
    const last = this.state.lastFlushAt;
    // A clock set back must not stall writing until it catches up again.
    if (last === null || now < last) return true;
    return now - last >= (force ? this.options.minForcedIntervalMs : this.options.minIntervalMs);
  }

  /**
   * The batch to write: the unacknowledged one first (a write that a restart interrupted), else everything
   * pending. Null when there is nothing to write. Counts as a write for the rate limit.
   */
  take(now: number): CreditBatch | null {
    if (!this.hasWork) return null;
    let inFlight = this.state.inFlight;
    let { pending, nextSeq } = this.state;
    if (!inFlight) {
      inFlight = { id: `${now}:${nextSeq}`, credits: pending };
      pending = [];
      nextSeq += 1;
    }
    this.state = { pending, inFlight, nextSeq, lastFlushAt: now };
    return inFlight;
  }

  /** The batch with this id is in storage.local. */
  ack(id: string): void {
    if (this.state.inFlight?.id === id) this.state = { ...this.state, inFlight: null };
  }

  snapshot(): BatcherSnapshot {
    return structuredClone(this.state);
  }
}

export interface StoredTotals {
  totals: UsageTotals;
  /** Id of the last batch written; stored in the same `storage.local.set` call as the totals. */
  lastBatchId: string | null;
}

/**
 * Adds a batch unless it was already written: a worker stopped between writing the totals and acknowledging
 * the batch retries it after restarting, and the sequence number makes that retry harmless.
 */
export function applyBatch(stored: StoredTotals, batch: CreditBatch): StoredTotals & { applied: boolean } {
  if (batch.id === stored.lastBatchId) return { ...stored, applied: false };
  return { totals: addCredits(stored.totals, batch.credits), lastBatchId: batch.id, applied: true };
}
