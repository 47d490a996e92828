import browser from 'webextension-polyfill';
import { BALANCE_PAGE } from '../shared/pages';
import { missingSiteAccess, requiredOrigins } from './siteAccess';

/** Which browser's words the welcome uses for its menus. */
export type BrowserKind = 'chrome' | 'firefox' | 'firefox-android';

/** Everything the welcome asks of the browser, behind one interface so component tests can pass a fake. */
export interface WelcomeApi {
  browserKind(): Promise<BrowserKind>;
  /**
   * The keys of the shortcut that opens the popup: a string, empty when the browser left it unassigned, null
   * where the browser has no commands API (Firefox for Android has no keyboard shortcuts).
   */
  shortcut(): Promise<string | null>;
  /** The required host patterns the extension may not use now; empty when it has them all. */
  missingSiteAccess(): Promise<string[]>;
  /**
   * Asks for the required hosts. Call it straight from the click: browsers show the prompt only for a user
   * gesture, and Firefox forgets the gesture at the first `await`.
   */
  requestSiteAccess(): Promise<boolean>;
  /** Calls back when the extension gains or loses permissions (from the browser's own menus too). */
  onPermissionsChange(callback: () => void): () => void;
  /** The options page, at one of its sections. */
  optionsUrl(section: 'notes'): string;
  /** The Balance page. */
  balanceUrl(): string;
}

const manifest = () => browser.runtime.getManifest() as Parameters<typeof requiredOrigins>[0];

export const browserWelcomeApi: WelcomeApi = {
  async browserKind() {
    if (!browser.runtime.getURL('').startsWith('moz-extension:')) return 'chrome';
    const { os } = await browser.runtime.getPlatformInfo();
    return os === 'android' ? 'firefox-android' : 'firefox';
  },
  async shortcut() {
    if (!browser.commands?.getAll) return null;
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === '_execute_action')?.shortcut ?? '';
  },
  missingSiteAccess: () => missingSiteAccess(browser.permissions, manifest()),
  requestSiteAccess: () => browser.permissions.request({ origins: requiredOrigins(manifest()) }),
  onPermissionsChange(callback) {
    const listener = () => callback();
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
  optionsUrl: (section) => browser.runtime.getURL(`src/options/index.html#${section}`),
  balanceUrl: () => browser.runtime.getURL(BALANCE_PAGE),
};
