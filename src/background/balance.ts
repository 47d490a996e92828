import { budgetStatuses, spentFor } from '../balance/budgets';
import { forgetDrift, initialDriftState, type Nudge } from '../balance/drift';
import { choose, intentionToday, promptDue, setIntentionsOn, snooze } from '../balance/intentions';
import { createBalance, hasBudget, readBudgets, readIntentions } from '../balance/runner';
import { type Budgets, CHOICES, type ChoiceId } from '../balance/schema';
import type { NudgeAction, NudgePayload, ShowNudgeMessage } from '../nudge/types';
import { t } from '../shared/i18n';
import { item, KEYS, readItem } from '../storage/keys';
import { localDayOf } from '../usage/accounting';
import type { Credit, SiteUsage } from '../usage/schema';
import { NUDGE_SCRIPT_FILE } from './contentScriptFile';
import type { WorkerEnv } from './env';
import type { TabStates } from './tabState';

/**
 * Intentions and budgets in the worker: after each usage step it hands the credits to the drift reducer and,
 * each minute, today's totals to the budgets (src/balance, pure); a nudge that is due is shown in the tab in
 * front, on that site, by injecting the nudge's own script. Everything lives in storage (runner.ts).
 */
const SNOOZE_MS = 30 * 60_000;

export interface BalanceWorker {
  /** After a usage step: its credits, and whether it was the minute's tick (when budgets are checked). */
  afterStep(credits: readonly Credit[], tick: boolean): Promise<void>;
  /** A page of a site reported: the arrival prompt, when the user opted in and has not chosen today. */
  onArrival(tabId: number, domain: string | null, counted: boolean): Promise<void>;
  /** A button of the nudge, from the tab it shows in. */
  onAction(tabId: number, action: NudgeAction, choice: ChoiceId | undefined): Promise<void>;
  setIntentionsOn(domain: string, on: boolean): Promise<void>;
  setBudgets(budgets: Budgets): Promise<void>;
  /** What the popup shows for a site: intentions on or off, today's intention, the budgets spent now. */
  status(domain: string): Promise<BalanceStatus>;
  /** A line for the badge's tooltip when a budget concerning the site is spent, else null. */
  budgetNote(domain: string | null): Promise<string | null>;
}

export interface BalanceStatus {
  on: boolean;
  intention: string | null;
  spent: string[];
}

interface Deps {
  env: Pick<WorkerEnv, 'storage' | 'scripting' | 'tabs' | 'now'>;
  tabStates: Pick<TabStates, 'loadTabState'>;
  /** Today's time on every site, including what is not written yet (background/usage.ts). */
  todayAll(): Promise<Record<string, SiteUsage>>;
  /** The budgets spent changed (reached, raised, lowered, a new day): the tooltips say it again. */
  budgetsChanged?(): Promise<void>;
}

export function choiceLabel(id: ChoiceId): string {
  // Spelled out so that the locale test sees every key the extension asks for.
  const labels: Record<ChoiceId, () => string> = {
    reply: () => t('choice_reply'),
    group: () => t('choice_group'),
    catchUp: () => t('choice_catchUp'),
    videos20: () => t('choice_videos20'),
    browse10: () => t('choice_browse10'),
  };
  return labels[id]();
}

function payload(kind: NudgePayload['kind'], domain: string, text: string): NudgePayload {
  return {
    kind,
    header: t('nudgeHeader', [domain]),
    text,
    choices: CHOICES.map((choice) => ({ id: choice.id, label: choiceLabel(choice.id) })),
    labels: {
      close: t('nudgeClose'),
      snooze: t('nudgeSnooze'),
      edit: t('nudgeEdit'),
      stop: t('nudgeStop'),
      pass: t('nudgePass'),
    },
  };
}

function spentText(id: string, domain: string | null): string {
  if (id.startsWith('media:') && domain) return t('budgetSpentSite', [domain]);
  return id === 'networking' ? t('budgetSpentNetworking') : t('budgetSpentMedia');
}

export function createBalanceWorker({ env, tabStates, todayAll, budgetsChanged }: Deps): BalanceWorker {
  const { local, session } = env.storage;
  const dayOf = localDayOf;
  const balance = createBalance({ local, session, now: env.now, dayOf });

  async function show(tabId: number, nudge: NudgePayload): Promise<void> {
    try {
      await env.scripting.executeScript({ target: { tabId }, files: [NUDGE_SCRIPT_FILE] });
      const message: ShowNudgeMessage = { type: 'show-nudge', nudge };
      await env.tabs.sendMessage(tabId, message);
    } catch {
      // A tab that closed or navigated away meanwhile: the nudge is not worth a retry.
    }
  }

  /** The tab in front and its site, when it has a verdict. */
  async function front(): Promise<{ tabId: number; domain: string; label: string } | null> {
    const [active] = await env.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id === undefined) return null;
    const state = await tabStates.loadTabState(active.id);
    if (!state?.domain) return null;
    return { tabId: active.id, domain: state.domain, label: state.verdict.label };
  }

  async function nudgeText(nudge: Nudge): Promise<string | null> {
    const intention = intentionToday(await readIntentions(local), nudge.domain, dayOf(env.now()));
    if (!intention) return null;
    const label = choiceLabel(intention.choice);
    if (nudge.kind === 'minutes') return t('nudgeMinutes', [label]);
    const toMedia = intention.side === 'networking';
    return toMedia ? t('nudgeDriftToMedia', [label]) : t('nudgeDriftToNetworking', [label]);
  }

  async function driftState() {
    const read = readItem(KEYS.drift, await session.get(KEYS.drift.key));
    return read.status === 'ok' ? read.value : initialDriftState();
  }

  /** The budgets spent now for the site, from the budgets and today's totals as they are, in words. */
  async function spentNow(domain: string): Promise<string[]> {
    const budgets = await readBudgets(local);
    if (!hasBudget(budgets)) return [];
    return spentFor(budgetStatuses(budgets, await todayAll()), domain).map((s) => spentText(s.id, s.domain));
  }

  return {
    async afterStep(credits, tick) {
      const nudges = await balance.afterCredits(credits);
      const here = nudges.length > 0 || tick ? await front() : null;
      for (const nudge of nudges) {
        const text = await nudgeText(nudge);
        if (here && text && here.domain === nudge.domain) await show(here.tabId, payload('nudge', here.domain, text));
      }
      if (!tick) return;
      const { due, changed } = await balance.checkBudgets(todayAll);
      if (changed) await budgetsChanged?.();
      if (!here || due.length === 0) return;
      const concerning = spentFor(due, here.domain);
      if (concerning.length === 0) return;
      const text = concerning.map((s) => spentText(s.id, s.domain)).join(' ');
      const budgets = await readBudgets(local);
      const cover = budgets.pauseFeed && here.label === 'media' && concerning.some((s) => s.side === 'media');
      await show(here.tabId, payload(cover ? 'cover' : 'nudge', here.domain, text));
    },

    async onArrival(tabId, domain, counted) {
      if (!domain || !counted) return;
      const intentions = await readIntentions(local);
      const now = env.now();
      const day = dayOf(now);
      if (!promptDue(intentions, domain, day, now)) return;
      const state = await driftState();
      const prompted = state.day === day ? state.prompted : [];
      if (prompted.includes(domain)) return;
      const next = state.day === day ? state : { ...initialDriftState(), day };
      await session.set(item(KEYS.drift, { ...next, prompted: [...prompted, domain] }));
      await show(tabId, payload('prompt', domain, t('promptQuestion')));
    },

    async onAction(tabId, action, choice) {
      const state = await tabStates.loadTabState(tabId);
      const domain = state?.domain;
      if (!domain) return;
      const intentions = await readIntentions(local);
      const now = env.now();
      if (action === 'choose' && choice) {
        await local.set(item(KEYS.intentions, choose(intentions, domain, choice, dayOf(now))));
        await session.set(item(KEYS.drift, forgetDrift(await driftState(), domain)));
      } else if (action === 'snooze') {
        await local.set(item(KEYS.intentions, snooze(intentions, domain, now + SNOOZE_MS)));
      } else if (action === 'stop') {
        await local.set(item(KEYS.intentions, setIntentionsOn(intentions, domain, false)));
      }
    },

    async setIntentionsOn(domain, on) {
      await local.set(item(KEYS.intentions, setIntentionsOn(await readIntentions(local), domain, on)));
    },

    async setBudgets(budgets) {
      await local.set(item(KEYS.budgets, budgets));
      // Raised past today's time, a budget is no longer spent: the tooltips say so now, not at the next minute.
      await budgetsChanged?.();
    },

    async status(domain) {
      const intentions = await readIntentions(local);
      const intention = intentionToday(intentions, domain, dayOf(env.now()));
      return {
        on: Boolean(intentions[domain]?.on),
        intention: intention ? choiceLabel(intention.choice) : null,
        spent: await spentNow(domain),
      };
    },

    // No `this` here: the labeler is handed this function on its own, unbound (worker.ts).
    async budgetNote(domain) {
      if (!domain) return null;
      const spent = await spentNow(domain);
      return spent.length > 0 ? spent.join(' ') : null;
    },
  };
}
