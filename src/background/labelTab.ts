import type { ActivityCounts } from '../core/activity';
import { type ClassifyContext, classify } from '../core/classify';
import { registrableDomain } from '../core/domain';
import { applyOverride } from '../core/override';
import type { Label, PageFeatures, Verdict } from '../core/types';
import type { TabState } from '../shared/messages';
import { mergeCustomSites } from '../storage/managed';
import { resolveSitePrefs, type SitePrefs, type StoredData } from '../storage/schema';
import type { Areas } from './areas';
import { showVerdict } from './badge';
import type { ActionEnv } from './env';
import type { Reminders } from './reminders';
import type { StoredDataCache } from './storedData';
import type { TabStates } from './tabState';

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

export interface Labeler {
  /** Classifies a tab's reported features, applies the site's preferences, shows the result and keeps it. */
  labelTab(tabId: number, features: PageFeatures, activity?: ActivityCounts): Promise<TabState>;
  /** After the user changes a site's preferences or note, every open tab of that site shows it at once. */
  relabelSite(domain: string): Promise<void>;
  /** A budget was spent, raised or lowered: every tab's tooltip says so at once, the label unchanged. */
  refreshTooltips(): Promise<void>;
}

interface Deps {
  action: ActionEnv;
  areas: Pick<Areas, 'managedPolicy'>;
  stored: Pick<StoredDataCache, 'storedData'>;
  tabStates: Pick<TabStates, 'saveTabState' | 'allTabStates'>;
  reminders: Pick<Reminders, 'hasNote'>;
  recordVerdict(tabId: number, domain: string | null, label: Label): Promise<void>;
  /** A spent budget for the site, said in the tooltip: the badge's text stays the label. */
  budgetNote?(domain: string | null): Promise<string | null>;
  now(): number;
}

export function createLabeler({
  action,
  areas,
  stored,
  tabStates,
  reminders,
  recordVerdict,
  budgetNote,
  now,
}: Deps): Labeler {
  /** What the tooltip adds to the label: whether the site has a note, and a spent budget. */
  const showExtras = async (state: TabState, shown: Verdict | null, always: boolean): Promise<void> => {
    const noted = Boolean(shown && (await reminders.hasNote(state.domain)));
    const spent = shown ? await budgetNote?.(state.domain) : null;
    if (always || noted || spent) await showVerdict(action, state.tabId, shown, noted, spent ?? undefined);
  };

  const show = async (state: TabState): Promise<void> => {
    const shown = state.prefs.labeling ? state.verdict : null;
    // The badge first; the note and the budgets only add to the tooltip, once known.
    await showVerdict(action, state.tabId, shown);
    await showExtras(state, shown, false);
    // Time is counted under the label the user sees; a site they turned labeling off for is not counted.
    await recordVerdict(state.tabId, state.domain, shown?.label ?? 'none');
  };

  const customSiteFor = async (data: StoredData, domain: string | null): Promise<ClassifyContext['customSite']> => {
    if (!domain) return undefined;
    const site = mergeCustomSites(data.customSites, await areas.managedPolicy()).find((s) => s.domain === domain);
    return site ? { domain: site.domain, name: site.name, lean: site.lean } : undefined;
  };

  return {
    async labelTab(tabId, features, activity) {
      const domain = domainOf(features.url);
      const data = await stored.storedData();
      const customSite = features.siteId ? undefined : await customSiteFor(data, domain);
      const automatic = classify(features, {
        ...(activity ? { activity } : {}),
        ...(customSite ? { customSite } : {}),
      });
      const prefs = resolveSitePrefs(domain ? data.sites[domain] : undefined);
      const state: TabState = {
        tabId,
        url: features.url,
        domain,
        automatic,
        verdict: effectiveVerdict(automatic, prefs),
        prefs,
        updatedAt: now(),
      };
      await Promise.all([show(state), tabStates.saveTabState(state)]);
      return state;
    },

    async relabelSite(domain) {
      const prefs = resolveSitePrefs((await stored.storedData()).sites[domain]);
      for (const state of await tabStates.allTabStates()) {
        if (state.domain !== domain) continue;
        const next = { ...state, prefs, verdict: effectiveVerdict(state.automatic, prefs), updatedAt: now() };
        await tabStates.saveTabState(next);
        await show(next).catch(() => {
          // The tab may have closed meanwhile.
        });
      }
    },

    async refreshTooltips() {
      for (const state of await tabStates.allTabStates()) {
        await showExtras(state, state.prefs.labeling ? state.verdict : null, true).catch(() => {
          // The tab may have closed meanwhile.
        });
      }
    },
  };
}
