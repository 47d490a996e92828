import { customSiteOrigins, hostOriginsOf } from '../shared/origins';
import { mergeCustomSites } from '../storage/managed';
import { listCustomSites } from '../storage/store';
import type { Areas } from './areas';
import { ANY_SITE_SCRIPT_FILE } from './contentScriptFile';
import type { PermissionsEnv, ScriptingEnv } from './env';

const ALL_SITES_ORIGINS = ['<all_urls>'];
export const ALL_SITES_ID = 'all-sites';
export const CUSTOM_SITES_ID = 'custom-sites';

interface Deps {
  scripting: ScriptingEnv;
  permissions: Pick<PermissionsEnv, 'contains' | 'getAll'>;
  areas: Pick<Areas, 'local' | 'managedPolicy'>;
}

async function register(scripting: ScriptingEnv, id: string, matches: string[]): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [id] });
  if (matches.length === 0) return;
  await scripting.registerContentScripts([
    { id, matches, js: [ANY_SITE_SCRIPT_FILE], runAt: 'document_end', persistAcrossSessions: true },
  ]);
}

/**
 * Keeps the content scripts registered at run time in step with what the user granted: every site while
 * the optional `<all_urls>` permission is held (the permission is the setting, so the two cannot disagree),
 * and the user's custom sites whose hosts they allowed. An administrator can switch every-site labeling off.
 */
export async function syncDynamicScripts({ scripting, permissions, areas }: Deps): Promise<void> {
  const policy = await areas.managedPolicy();
  const allSites = !policy.disableAllSites && (await permissions.contains({ origins: ALL_SITES_ORIGINS }));
  await register(scripting, ALL_SITES_ID, allSites ? ['https://*/*', 'http://*/*'] : []);

  const custom = mergeCustomSites(await listCustomSites(areas.local), policy);
  const granted: string[] = [];
  // A site labelled automatically from the popup holds the permission for its one host only.
  const held = (await permissions.getAll()).origins ?? [];
  for (const site of custom) {
    const origins = customSiteOrigins(site.domain);
    if (await permissions.contains({ origins })) granted.push(...origins);
    else granted.push(...hostOriginsOf(held, site.domain));
  }
  // Every-site labeling already covers them.
  await register(scripting, CUSTOM_SITES_ID, allSites ? [] : granted);
}
