import browser from 'webextension-polyfill';
import type { TabState } from '../shared/messages';

/**
 * Per-tab verdicts live in `storage.session`, not in worker memory: the worker may be stopped at any moment
 * and the popup must still find what the badge shows.
 */
const PREFIX = 'tab:';
const key = (tabId: number) => `${PREFIX}${tabId}`;

export async function saveTabState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(state.tabId)]: state });
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(key(tabId));
  const value = stored[key(tabId)] as TabState | undefined;
  return value && value.tabId === tabId ? value : null;
}

export async function allTabStates(): Promise<TabState[]> {
  const stored = await browser.storage.session.get(null);
  return Object.entries(stored)
    .filter(([k]) => k.startsWith(PREFIX))
    .map(([, v]) => v as TabState);
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
