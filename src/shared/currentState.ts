import { boundedUrl } from '../core/boundedUrl';
import type { TabState } from './messages';

/**
 * Same page as the stored verdict? Single-page apps update the stored URL as the user moves; a report
 * carries a long address shortened (src/core/boundedUrl.ts). An unknown address (no permission to read it)
 * is taken as the same. The popup and the side panel ask this before they show a stored verdict.
 */
export function isCurrent(state: TabState | null, tabUrl: string | undefined): state is TabState {
  if (!state) return false;
  if (!tabUrl) return true;
  return state.url.split('#')[0] === boundedUrl(tabUrl).split('#')[0];
}
