import browser from 'webextension-polyfill';
import { CONTENT_SCRIPT_FILE } from './contentScriptFile';

export const ALL_SITES_ORIGINS = ['<all_urls>'];
const SCRIPT_ID = 'all-sites';

/**
 * Keeps the every-site content script in step with the optional `<all_urls>` permission: registered while
 * the user has granted it, gone as soon as it is given back. The permission itself is the setting, so the
 * two cannot disagree.
 */
export async function syncAllSitesScript(): Promise<void> {
  const granted = await browser.permissions.contains({ origins: ALL_SITES_ORIGINS });
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: ['https://*/*', 'http://*/*'],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}
