import { item, KEYS, readItem, type StorageAreaLike } from '../storage/keys';
import type { Credit, SiteUsage } from '../usage/schema';
import { type BudgetStatus, budgetStatuses, dueBudgetNudges } from './budgets';
import { initialDriftState, type Nudge, reduceDrift } from './drift';
import { type Budgets, DEFAULT_BUDGETS, type DriftState, type Intentions } from './schema';

/**
 * Drives the pure drift and budget logic from stored state, so that the worker keeps nothing in memory: the
 * intentions and budgets in storage.local, the drift in storage.session, the budgets already nudged about
 * in storage.local (a browser restart the same day does not nudge again). Storage is written only when
 * something changed: most minutes change nothing here.
 */
interface BalanceEnv {
  local: StorageAreaLike;
  session: StorageAreaLike;
  now(): number;
  dayOf(epochMs: number): string;
}

interface Balance {
  /** After a usage step: the credits it produced; the drift and intention nudges that are due. */
  afterCredits(credits: readonly Credit[]): Promise<Nudge[]>;
  /**
   * Today's budgets over today's totals (read only when a budget is set), the ones whose nudge is due now, and
   * whether the set of spent budgets changed since the last check (what the tooltips say).
   */
  checkBudgets(
    today: () => Promise<Record<string, SiteUsage>>,
  ): Promise<{ statuses: BudgetStatus[]; due: BudgetStatus[]; changed: boolean }>;
}

export async function readIntentions(local: StorageAreaLike): Promise<Intentions> {
  const read = readItem(KEYS.intentions, await local.get(KEYS.intentions.key));
  return read.status === 'ok' ? read.value : {};
}

export async function readBudgets(local: StorageAreaLike): Promise<Budgets> {
  const read = readItem(KEYS.budgets, await local.get(KEYS.budgets.key));
  return read.status === 'ok' ? read.value : DEFAULT_BUDGETS;
}

export function hasBudget(budgets: Budgets): boolean {
  return budgets.media !== null || budgets.networking !== null || Object.keys(budgets.mediaPerSite).length > 0;
}

export function createBalance(env: BalanceEnv): Balance {
  return {
    async afterCredits(credits) {
      if (credits.length === 0) return [];
      const intentions = await readIntentions(env.local);
      if (Object.keys(intentions).length === 0) return [];
      const stored = readItem(KEYS.drift, await env.session.get(KEYS.drift.key));
      const state: DriftState = stored.status === 'ok' ? stored.value : initialDriftState();
      const now = env.now();
      const next = reduceDrift(state, credits, intentions, now, env.dayOf(now));
      if (JSON.stringify(next.state) !== JSON.stringify(state)) await env.session.set(item(KEYS.drift, next.state));
      return next.nudges;
    },

    async checkBudgets(today) {
      const budgets = await readBudgets(env.local);
      const stored = readItem(KEYS.budgetNudges, await env.local.get(KEYS.budgetNudges.key));
      const given = stored.status === 'ok' ? stored.value : null;
      // No budget and nothing spent to forget: most minutes of most users, and nothing to read or write.
      if (!hasBudget(budgets) && !given?.given.length) return { statuses: [], due: [], changed: false };
      const statuses = hasBudget(budgets) ? budgetStatuses(budgets, await today()) : [];
      const result = dueBudgetNudges(statuses, given, env.dayOf(env.now()));
      const changed = JSON.stringify(result.given.given) !== JSON.stringify(given?.given ?? []);
      if (changed || given?.day !== result.given.day) await env.local.set(item(KEYS.budgetNudges, result.given));
      return { statuses, due: result.due, changed };
    },
  };
}
