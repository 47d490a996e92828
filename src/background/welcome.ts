import type { RuntimeEnv, TabsEnv } from './env';

/** The welcome page, as built (vite.config.ts lists it as a page of its own: nothing in the manifest names it). */
export const WELCOME_PAGE = 'src/welcome/index.html';

/**
 * Only a first install opens the welcome. `runtime.onInstalled` also fires for `update` (a new version of the
 * extension), `chrome_update` / `browser_update` (a new browser) and `shared_module_update`
 * (https://developer.chrome.com/docs/extensions/reference/api/runtime#type-OnInstalledReason; MDN
 * runtime.OnInstalledReason), none of which is a new user.
 */
export function opensWelcome(details: { reason: string }): boolean {
  return details.reason === 'install';
}

/** Opens the welcome in a new tab in front, the way a store install leaves the person looking at it. */
export async function openWelcome(
  details: { reason: string },
  api: { tabs: Pick<TabsEnv, 'create'>; runtime: Pick<RuntimeEnv, 'getURL'> },
): Promise<boolean> {
  if (!opensWelcome(details)) return false;
  await api.tabs.create({ url: api.runtime.getURL(WELCOME_PAGE), active: true });
  return true;
}
