import { ANY_SITE_SCRIPT_FILE } from './contentScriptFile';
import type { ScriptingEnv } from './env';

/**
 * Classifies a tab of a site that is not on the list, when the user opens the popup there. `activeTab`
 * grants access to that one tab for that moment; the injected script reports like the declared one does.
 */
export async function classifyOnDemand(
  scripting: Pick<ScriptingEnv, 'executeScript'>,
  tabId: number,
): Promise<boolean> {
  try {
    await scripting.executeScript({ target: { tabId }, files: [ANY_SITE_SCRIPT_FILE] });
    return true;
  } catch {
    // No access: a browser page, the web store, a PDF viewer, or the grant has lapsed.
    return false;
  }
}
