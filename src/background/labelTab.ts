import browser from 'webextension-polyfill';
import type { ActivityCounts } from '../core/activity';
import { type ClassifyContext, classify } from '../core/classify';
import { registrableDomain } from '../core/domain';
import { applyOverride } from '../core/override';
import type { PageFeatures, Verdict } from '../core/types';
import type { TabState } from '../shared/messages';
import { mergeCustomSites } from '../storage/managed';
import { resolveSitePrefs, type SitePrefs, type StoredData } from '../storage/schema';
import { managedPolicy } from './areas';
import { badgeFor } from './badge';
import { hasNote } from './reminders';
import { storedData } from './storedData';
import { allTabStates, saveTabState } from './tabState';
import { recordVerdict } from './usage';

export async function showVerdict(tabId: number, verdict: Verdict | null, noted = false): Promise<void> {
  const badge = badgeFor(verdict, noted);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
    // Chrome otherwise picks black or white by itself; white on these colours is what was checked for contrast.
    browser.action.setBadgeTextColor?.({ tabId, color: '#FFFFFF' }),
  ]);
}

function domainOf(url: string): string | null {
  try {
    return registrableDomain(new URL(url).hostname);
  } catch {
    return null;
  }
}

/**
 * The verdict the user sees, as its own copy: Firefox's storage keeps only the first of two references to one
 * object, so a shared `automatic` would come back without `verdict`.
 */
function effectiveVerdict(automatic: Verdict, prefs: SitePrefs): Verdict {
  return structuredClone(applyOverride(automatic, prefs.override ?? 'auto'));
}

async function show(state: TabState): Promise<void> {
  const shown = state.prefs.labeling ? state.verdict : null;
  // The badge first; whether the site has a note only adds to the tooltip, once known.
  await showVerdict(state.tabId, shown);
  if (shown && (await hasNote(state.domain))) await showVerdict(state.tabId, shown, true);
  // Time is counted under the label the user sees; a site they turned labeling off for is not counted.
  await recordVerdict(state.tabId, state.domain, shown?.label ?? 'none');
}

async function customSiteFor(data: StoredData, domain: string | null): Promise<ClassifyContext['customSite']> {
  if (!domain) return undefined;
  const site = mergeCustomSites(data.customSites, await managedPolicy()).find((s) => s.domain === domain);
  return site ? { domain: site.domain, name: site.name, lean: site.lean } : undefined;
}

/** Classifies a tab's reported features, applies the site's preferences, shows the result and keeps it. */
export async function labelTab(tabId: number, features: PageFeatures, activity?: ActivityCounts): Promise<TabState> {
  const domain = domainOf(features.url);
  const data = await storedData();
  const customSite = features.siteId ? undefined : await customSiteFor(data, domain);
  const automatic = classify(features, { ...(activity ? { activity } : {}), ...(customSite ? { customSite } : {}) });
  const prefs = resolveSitePrefs(domain ? data.sites[domain] : undefined);
  const state: TabState = {
    tabId,
    url: features.url,
    domain,
    automatic,
    verdict: effectiveVerdict(automatic, prefs),
    prefs,
    updatedAt: Date.now(),
  };
  await Promise.all([show(state), saveTabState(state)]);
  return state;
}

/** After the user changes a site's preferences or note, every open tab of that site shows it at once. */
export async function relabelSite(domain: string): Promise<void> {
  const prefs = resolveSitePrefs((await storedData()).sites[domain]);
  for (const state of await allTabStates()) {
    if (state.domain !== domain) continue;
    const next = { ...state, prefs, verdict: effectiveVerdict(state.automatic, prefs), updatedAt: Date.now() };
    await saveTabState(next);
    await show(next).catch(() => {
      // The tab may have closed meanwhile.
    });
  }
}
