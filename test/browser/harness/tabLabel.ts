import type { Reason } from '../../../src/core/types';
import type { BrowserHarness, HarnessPage, StoredTabState } from './types';

/** The badge of `page`'s tab and the state the worker stored for it, read together. */
export async function tabLabelOf(
  harness: BrowserHarness,
  page: HarnessPage,
): Promise<{ badge: string; state: StoredTabState | undefined }> {
  const tabId = await harness.tabIdOf(page);
  const [badge, states] = await Promise.all([harness.badgeText(tabId), harness.tabStates()]);
  return { badge, state: states.get(tabId) };
}

/** The reasons of a stored verdict that come from what the user did on the page. */
export function activityReasons(state: StoredTabState | undefined): Reason[] {
  const reasons = (state?.verdict.reasons ?? []) as Reason[];
  return reasons.filter((reason) => reason.signal.startsWith('activity.'));
}
