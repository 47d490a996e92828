import type { SiteUsage } from '../usage/schema';
import type { BudgetNudges, Budgets, Side } from './schema';

/**
 * Daily budgets by mode, as pure functions of today's totals (usage/totals.ts): media time across all sites
 * (the balance the labels describe, labeling guide "Intentions and balance"), media time on one site, and
 * networking time across all sites. Mixed time counts toward neither: it is not clearly either mode.
 */

export interface BudgetStatus {
  /** `media`, `networking`, or `media:<domain>` for a site's own budget. */
  id: string;
  side: Side;
  /** The site a per-site budget is for; null for all sites. */
  domain: string | null;
  limitMs: number;
  usedMs: number;
  spent: boolean;
}

function sum(today: Record<string, SiteUsage>, side: Side): number {
  let total = 0;
  for (const site of Object.values(today)) total += site[side];
  return total;
}

function status(id: string, side: Side, domain: string | null, minutes: number, usedMs: number): BudgetStatus {
  const limitMs = minutes * 60_000;
  return { id, side, domain, limitMs, usedMs, spent: usedMs >= limitMs };
}

/** Every budget the user set, with today's use; `today` is `{ [domain]: usage }` for the current day. */
export function budgetStatuses(budgets: Budgets, today: Record<string, SiteUsage>): BudgetStatus[] {
  const out: BudgetStatus[] = [];
  if (budgets.media !== null) out.push(status('media', 'media', null, budgets.media, sum(today, 'media')));
  if (budgets.networking !== null) {
    out.push(status('networking', 'networking', null, budgets.networking, sum(today, 'networking')));
  }
  for (const [domain, minutes] of Object.entries(budgets.mediaPerSite).sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(status(`media:${domain}`, 'media', domain, minutes, today[domain]?.media ?? 0));
  }
  return out;
}

/** The spent budgets that concern a site: the all-sites ones and its own. */
export function spentFor(statuses: readonly BudgetStatus[], domain: string): BudgetStatus[] {
  return statuses.filter((s) => s.spent && (s.domain === null || s.domain === domain));
}

/**
 * The budgets spent and not yet nudged about today, and the record with them added. A new day forgets the
 * old record, so each budget nudges once a day, however often the worker restarts. A budget that is no longer
 * spent (the user raised it) leaves the record: it nudges again when its new limit is reached, not before.
 */
export function dueBudgetNudges(
  statuses: readonly BudgetStatus[],
  given: BudgetNudges | null,
  today: string,
): { due: BudgetStatus[]; given: BudgetNudges } {
  const spent = statuses.filter((s) => s.spent);
  const spentIds = new Set(spent.map((s) => s.id));
  const already = new Set((given?.day === today ? given.given : []).filter((id) => spentIds.has(id)));
  const due = spent.filter((s) => !already.has(s.id));
  for (const s of due) already.add(s.id);
  return { due, given: { day: today, given: [...already].sort() } };
}
