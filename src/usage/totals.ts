import * as v from 'valibot';
import {
  COUNTED_LABELS,
  type Credit,
  CreditSchema,
  DaySchema,
  type SiteUsage,
  SiteUsageSchema,
  UsageDomain,
  type UsageTotals,
} from './schema';

/**
 * Usage totals as stored in storage.local, and what the popup and options page make of them. Pure: no
 * browser API, no clock; `today` is always passed in (the worker computes it with the same `dayOf` as the
 * accounting).
 */

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

const LABELS = COUNTED_LABELS;
const MS_PER_DAY = 86_400_000;

export function emptyUsage(): SiteUsage {
  return { media: 0, networking: 0, mixed: 0 };
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Calendar arithmetic on day keys, in UTC so that the machine's time zone cannot shift it. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The `days` days ending with `today`, oldest first. */
function lastDays(days: number, today: string): string[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
}

/** New totals with the credits added; the input is not changed. Malformed credits are skipped. */
export function addCredits(totals: UsageTotals, credits: readonly Credit[]): UsageTotals {
  const next: UsageTotals = { ...totals };
  const copied = new Set<string>();
  for (const c of credits) {
    if (!v.is(CreditSchema, c)) continue;
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

/** Per day of the last 7 or 30 days, oldest first, zeros where nothing was counted; one site's or all. */
export function dailySeries(totals: UsageTotals, days: 7 | 30, today: string, domain?: string): DayUsage[] {
  return lastDays(days, today).map((day) => {
    const sum: DayUsage = { day, ...emptyUsage() };
    const sites = own(totals, day) ?? {};
    const counted = domain === undefined ? Object.values(sites) : [own(sites, domain) ?? emptyUsage()];
    for (const site of counted) for (const l of LABELS) sum[l] += site[l];
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

interface SalvagedTotals {
  totals: UsageTotals;
  /** Whether anything was left out: the stored value is then backed up before it is replaced. */
  damaged: boolean;
}

/** Totals read back from storage, keeping only well-formed entries (a damaged entry must not break the UI). */
export function salvageTotals(value: unknown): SalvagedTotals {
  const totals: UsageTotals = {};
  if (value === undefined) return { totals, damaged: false };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { totals, damaged: true };
  let damaged = false;
  for (const [day, sites] of Object.entries(value)) {
    if (!v.is(DaySchema, day) || typeof sites !== 'object' || sites === null || Array.isArray(sites)) {
      damaged = true;
      continue;
    }
    const kept: Record<string, SiteUsage> = {};
    for (const [domain, site] of Object.entries(sites)) {
      const parsed = v.safeParse(SiteUsageSchema, site);
      if (v.is(UsageDomain, domain) && parsed.success) kept[domain] = parsed.output;
      else damaged = true;
    }
    if (Object.keys(kept).length > 0) totals[day] = kept;
  }
  return { totals, damaged };
}

export function restoreTotals(value: unknown): UsageTotals {
  return salvageTotals(value).totals;
}

/** The totals with `incoming`'s records set over them, per day and site (an import); the input is not changed. */
export function overlayTotals(totals: UsageTotals, incoming: UsageTotals): UsageTotals {
  const next: UsageTotals = { ...totals };
  for (const [day, sites] of Object.entries(incoming)) {
    next[day] = { ...(own(next, day) ?? {}), ...sites };
  }
  return next;
}

/** How many days of records `pruneOlderThan` would delete, and the newest of them: asked before lowering. */
export function daysOlderThan(
  totals: UsageTotals,
  retentionDays: number,
  today: string,
): { days: number; newest: string | null } {
  const oldest = addDays(today, -(Math.max(1, Math.floor(retentionDays)) - 1));
  const gone = Object.keys(totals)
    .filter((day) => day < oldest)
    .sort();
  return { days: gone.length, newest: gone.at(-1) ?? null };
}
