import browser from 'webextension-polyfill';
import { FAMILIES, item, parseValue, tabStateKey } from '../storage/keys';
import type { TabState } from '../storage/schema';

/**
 * Per-tab verdicts live in `storage.session`, not in worker memory: the worker may be stopped at any moment
 * and the popup must still find what the badge shows. Every read is validated: a damaged entry reads as no
 * state (the tab is labelled again at its next report) and never reaches the popup or a relabel.
 */
export async function saveTabState(state: TabState): Promise<void> {
  await browser.storage.session.set(item({ key: tabStateKey(state.tabId), schema: FAMILIES.tabState.schema }, state));
}

function valid(value: unknown, tabId?: number): TabState | null {
  const read = parseValue(FAMILIES.tabState.schema, value);
  return read.status === 'ok' && (tabId === undefined || read.value.tabId === tabId) ? read.value : null;
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const key = tabStateKey(tabId);
  return valid((await browser.storage.session.get(key))[key], tabId);
}

export async function allTabStates(): Promise<TabState[]> {
  const stored = await browser.storage.session.get(null);
  return Object.entries(stored).flatMap(([key, value]) => {
    if (!key.startsWith(FAMILIES.tabState.prefix)) return [];
    const state = valid(value);
    return state && key === tabStateKey(state.tabId) ? [state] : [];
  });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}
