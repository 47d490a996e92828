import * as v from 'valibot';
import type { Label } from '../core/types';
import {
  type AccountingState,
  AccountingStateSchema,
  COUNTED_LABELS,
  type CountedLabel,
  type Credit,
  type IdleState,
  type TrackedTab,
} from './schema';

/**
 * Active-time accounting as a pure reducer. The worker feeds it browser events with the time they happened
 * and persists the returned state (storage.session) next to the credits it has not yet written to the totals
 * (storage.local). Nothing here touches a browser API or reads a clock, so the worker can be stopped and
 * restarted at any moment, and tests can replay any timeline.
 *
 * The model: the state says which tabs count *now*. Every event first credits the time since the previous
 * event to the tabs that counted during it, then changes the state. So a moment is credited exactly once,
 * by whichever event ends it.
 */

export type UsageEvent =
  /** The active tab of the focused window changed. Send it only for the focused window (see the worker notes). */
  | { type: 'tab-activated'; tabId: number }
  /** The browser gained or lost focus (all windows lost it: another application is in front). */
  | { type: 'window-focus'; focused: boolean }
  | { type: 'idle'; state: IdleState }
  /** The tab's current label and registrable domain; `none` or a null domain is not counted. */
  | { type: 'verdict'; tabId: number; domain: string | null; label: Label }
  /** Media started or stopped playing in a tab; a playing tab counts even unfocused or while idle. */
  | { type: 'media'; tabId: number; playing: boolean }
  | { type: 'tab-removed'; tabId: number }
  /** The minute alarm: credits the open interval and detects sleep. */
  | { type: 'tick' };

export interface AccountingOptions {
  /** Local calendar day of an instant, `YYYY-MM-DD`, in the time zone in force now. */
  dayOf: (epochMs: number) => string;
  /** A longer silence than this (no event, no tick) means the machine slept or the clock jumped. */
  maxGapMs?: number;
  /** After such a silence, time is credited only this far past the last event. */
  graceMs?: number;
}

interface UsageStep {
  state: AccountingState;
  credits: Credit[];
}

/** Three missed one-minute ticks: the alarm cannot have fired, so the machine was asleep. */
const DEFAULT_MAX_GAP_MS = 3 * 60_000;
/**
 * The last tick before a sleep came at most a minute before it; half a minute is the expected share of that
 * minute, and crediting more would count a closed lid as use.
 */
const DEFAULT_GRACE_MS = 30_000;

const COUNTED: ReadonlySet<string> = new Set<string>(COUNTED_LABELS);
/** A dayOf that changes its answer back and forth would otherwise split an interval forever. */
const MAX_SLICES = 1000;

export function initialAccountingState(): AccountingState {
  // Focused and active until told otherwise: the worker sends the real focus and idle state at start-up, and
  // nothing counts before a tab is activated anyway.
  return { version: 1, lastSeen: null, activeTabId: null, windowFocused: true, idle: 'active', tabs: {} };
}

/** `dayOf` for the worker: the machine's current time zone, as `Date` applies it at the moment of the call. */
export function localDayOf(epochMs: number): string {
  const d = new Date(epochMs);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${mm}-${dd}`;
}

function isCounted(label: Label): label is CountedLabel {
  return COUNTED.has(label);
}

/**
 * What counts at this moment: the focused active tab while the user is present, and every tab playing media.
 * One entry per domain, so a video playing in the background on the site the user is browsing is not
 * counted twice for the same moment; the focused tab names the label, since that is where attention is.
 */
function countingNow(state: AccountingState): Array<{ domain: string; label: CountedLabel }> {
  const byDomain = new Map<string, CountedLabel>();
  const consider = (tab: TrackedTab | undefined) => {
    if (!tab || tab.domain === null || !isCounted(tab.label) || byDomain.has(tab.domain)) return;
    byDomain.set(tab.domain, tab.label);
  };
  if (state.activeTabId !== null && state.windowFocused && state.idle === 'active') {
    consider(state.tabs[String(state.activeTabId)]);
  }
  const playing = Object.keys(state.tabs)
    .filter((id) => state.tabs[id]?.playing)
    .sort((a, b) => Number(a) - Number(b));
  for (const id of playing) consider(state.tabs[id]);
  return [...byDomain].map(([domain, label]) => ({ domain, label }));
}

/**
 * Cuts [from, to) where `dayOf` changes its answer. The pieces always add up to exactly `to - from`, whatever
 * `dayOf` does (a time-zone change, a daylight-saving jump), so a change of offset can move time to another
 * day but never create or lose any.
 */
export function splitByDay(from: number, to: number, dayOf: (epochMs: number) => string): Map<string, number> {
  const slices = new Map<string, number>();
  let start = from;
  for (let n = 0; start < to; n++) {
    const day = dayOf(start);
    let end = to;
    const last = Math.max(start, to - 1);
    if (n < MAX_SLICES && dayOf(last) !== day) {
      // Bisection for the first instant of another day: about 40 calls even for a long interval.
      let lo = start;
      let hi = last;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (dayOf(mid) === day) lo = mid;
        else hi = mid;
      }
      end = hi;
    }
    slices.set(day, (slices.get(day) ?? 0) + (end - start));
    start = end;
  }
  return slices;
}

function creditInterval(state: AccountingState, from: number, to: number, dayOf: AccountingOptions['dayOf']) {
  const credits: Credit[] = [];
  if (!(to > from)) return credits;
  const counting = countingNow(state);
  if (counting.length === 0) return credits;
  const slices = splitByDay(from, to, dayOf);
  for (const { domain, label } of counting) {
    for (const [day, ms] of slices) if (ms > 0) credits.push({ day, domain, label, ms });
  }
  return credits;
}

function withTab(state: AccountingState, tabId: number, change: Partial<TrackedTab>): AccountingState {
  const key = String(tabId);
  const current = state.tabs[key] ?? { domain: null, label: 'none', playing: false };
  return { ...state, tabs: { ...state.tabs, [key]: { ...current, ...change } } };
}

function apply(state: AccountingState, event: UsageEvent): AccountingState {
  switch (event.type) {
    case 'tab-activated':
      return { ...state, activeTabId: event.tabId };
    case 'window-focus':
      return { ...state, windowFocused: event.focused };
    case 'idle':
      return { ...state, idle: event.state };
    case 'verdict':
      return withTab(state, event.tabId, { domain: event.domain, label: event.label });
    case 'media':
      return withTab(state, event.tabId, { playing: event.playing });
    case 'tab-removed': {
      const { [String(event.tabId)]: _removed, ...tabs } = state.tabs;
      return { ...state, tabs, activeTabId: state.activeTabId === event.tabId ? null : state.activeTabId };
    }
    case 'tick':
      return state;
  }
}

/**
 * Credits the time since the last event to what counted during it, then applies the event.
 * `now` is the event's epoch ms (the injected clock); credits of one call are merged per day, domain and label.
 */
export function reduceUsage(
  state: AccountingState,
  event: UsageEvent,
  now: number,
  options: AccountingOptions,
): UsageStep {
  const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  if (!Number.isFinite(now)) return { state: apply(state, event), credits: [] };

  let credits: Credit[] = [];
  const last = state.lastSeen;
  if (last !== null && now > last) {
    // A gap no tick could have left means sleep (or a clock set forward): the user was certainly not there
    // for all of it, so only a grace period past the last sign of life counts.
    const until = now - last > maxGapMs ? last + Math.min(graceMs, now - last) : now;
    credits = creditInterval(state, last, until, options.dayOf);
  }
  // A clock set back gives now < last: nothing is credited and accounting restarts from the new clock, which
  // can neither produce negative time nor credit the same wall-clock stretch twice per tab.
  const next = apply(state, event);
  return { state: { ...next, lastSeen: now }, credits: mergeCredits(credits) };
}

/** One entry per day, domain and label, in a stable order. */
export function mergeCredits(credits: readonly Credit[]): Credit[] {
  const merged = new Map<string, Credit>();
  for (const c of credits) {
    const key = JSON.stringify([c.day, c.domain, c.label]);
    const found = merged.get(key);
    if (found) found.ms += c.ms;
    else merged.set(key, { ...c });
  }
  return [...merged.values()].sort((a, b) => cmp(a.day, b.day) || cmp(a.domain, b.domain) || cmp(a.label, b.label));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The state as read back from storage, checked: anything else (another version, a damaged value) starts
 * afresh, which loses at most the open interval instead of crediting nonsense.
 */
export function restoreAccountingState(value: unknown): AccountingState {
  const parsed = v.safeParse(AccountingStateSchema, value);
  return parsed.success ? parsed.output : initialAccountingState();
}
