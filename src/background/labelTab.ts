import browser from 'webextension-polyfill';
import { classify } from '../core/classify';
import type { PageFeatures, Verdict } from '../core/types';
import { badgeFor } from './badge';
import { saveTabState } from './tabState';

export async function showVerdict(tabId: number, verdict: Verdict | null): Promise<void> {
  const badge = badgeFor(verdict);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]);
  // Chrome otherwise picks black or white by itself; white on these colours is what was checked for contrast.
  await browser.action.setBadgeTextColor?.({ tabId, color: '#FFFFFF' });
}

/** Classifies a tab's reported features, shows the result and keeps it for the popup. */
export async function labelTab(tabId: number, features: PageFeatures): Promise<Verdict> {
  const verdict = classify(features);
  await showVerdict(tabId, verdict);
  await saveTabState({ tabId, url: features.url, verdict, updatedAt: Date.now() });
  return verdict;
}
