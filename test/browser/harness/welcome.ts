import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserHarness, poll } from './types';

/** The page the extension opens on first install (src/background/welcome.ts). */
export const WELCOME_PATH = 'src/welcome/index.html';

/**
 * Extension-context function: the ids of the tabs showing the extension page at `url`, from
 * `runtime.getContexts` (Chrome 116, Firefox 128), which lists the extension's own documents without the
 * "tabs" permission. Serialized, so self-contained.
 */
export async function extensionTabIds(url: string): Promise<number[]> {
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB' as chrome.runtime.ContextType] });
  return contexts.filter((context) => context.documentUrl?.split('#')[0] === url).map((context) => context.tabId);
}

/** The tabs in which the extension's welcome page is open now. */
export function welcomeTabIds(harness: BrowserHarness): Promise<number[]> {
  return harness.evaluateInExtension(extensionTabIds, `${harness.extensionOrigin}/${WELCOME_PATH}`);
}

/**
 * Waits for the welcome tab a fresh install opens and closes it, so that every test starts from the same tabs.
 * A build without the welcome page (an older one under DIST_DIR) opens none and is left alone.
 */
export async function closeWelcome(harness: BrowserHarness, extensionDir: string): Promise<void> {
  if (!existsSync(join(extensionDir, WELCOME_PATH))) return;
  const tabs = await poll(
    () => welcomeTabIds(harness),
    (ids) => ids.length > 0,
    10_000,
    50,
  );
  if (tabs.length === 0) throw new Error(`the extension opened no welcome page on install (${WELCOME_PATH})`);
  await harness.evaluateInExtension((ids) => chrome.tabs.remove(ids), tabs);
}
