import browser from 'webextension-polyfill';
import { customSiteOrigins, hostOriginsOf } from '../shared/origins';
import { mergeCustomSites } from '../storage/managed';
import { listCustomSites } from '../storage/store';
import { localArea, managedPolicy } from './areas';
import { ANY_SITE_SCRIPT_FILE } from './contentScriptFile';

export const ALL_SITES_ORIGINS = ['<all_urls>'];
const ALL_SITES_ID = 'all-sites';
const CUSTOM_SITES_ID = 'custom-sites';

async function register(id: string, matches: string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id, matches, js: [ANY_SITE_SCRIPT_FILE], runAt: 'document_end', persistAcrossSessions: true },
  ]);
}

/**
 * Keeps the content scripts registered at run time in step with what the user granted: every site while
 * the optional `<all_urls>` permission is held (the permission is the setting, so the two cannot disagree),
 * and the user's custom sites whose hosts they allowed. An administrator can switch every-site labeling off.
 */
export async function syncDynamicScripts(): Promise<void> {
  const policy = await managedPolicy();
  const allSites = !policy.disableAllSites && (await browser.permissions.contains({ origins: ALL_SITES_ORIGINS }));
  await register(ALL_SITES_ID, allSites ? ['https://*/*', 'http://*/*'] : []);

  const custom = mergeCustomSites(await listCustomSites(localArea), policy);
  const granted: string[] = [];
  // A site labelled automatically from the popup holds the permission for its one host only.
  const held = (await browser.permissions.getAll()).origins ?? [];
  for (const site of custom) {
    const origins = customSiteOrigins(site.domain);
    if (await browser.permissions.contains({ origins })) granted.push(...origins);
    else granted.push(...hostOriginsOf(held, site.domain));
  }
  // Every-site labeling already covers them.
  await register(CUSTOM_SITES_ID, allSites ? [] : granted);
}
