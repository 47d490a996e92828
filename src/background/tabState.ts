import { FAMILIES, item, parseValue, type StorageAreaLike, tabStateKey } from '../storage/keys';
import type { TabState } from '../storage/schema';

/**
 * Per-tab verdicts live in `storage.session`, not in worker memory: the worker may be stopped at any moment
 * and the popup must still find what the badge shows. Every read is validated: a damaged entry reads as no
 * state (the tab is labelled again at its next report) and never reaches the popup or a relabel.
 */
function valid(value: unknown, tabId?: number): TabState | null {
  const read = parseValue(FAMILIES.tabState.schema, value);
  return read.status === 'ok' && (tabId === undefined || read.value.tabId === tabId) ? read.value : null;
}

export interface TabStates {
  saveTabState(state: TabState): Promise<void>;
  loadTabState(tabId: number): Promise<TabState | null>;
  allTabStates(): Promise<TabState[]>;
  forgetTab(tabId: number): Promise<void>;
}

export function createTabStates(session: StorageAreaLike): TabStates {
  return {
    async saveTabState(state) {
      await session.set(item({ key: tabStateKey(state.tabId), schema: FAMILIES.tabState.schema }, state));
    },

    async loadTabState(tabId) {
      const key = tabStateKey(tabId);
      return valid((await session.get(key))[key], tabId);
    },

    async allTabStates() {
      const stored = await session.get(null);
      return Object.entries(stored).flatMap(([key, value]) => {
        if (!key.startsWith(FAMILIES.tabState.prefix)) return [];
        const state = valid(value);
        return state && key === tabStateKey(state.tabId) ? [state] : [];
      });
    },

    async forgetTab(tabId) {
      await session.remove(tabStateKey(tabId));
    },
  };
}
