import { accessSync, constants } from 'node:fs';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { DIST, requireBuilds } from './paths';
import type { BrowserHarness, BrowserName, LaunchOptions } from './types';

export { DIST, ROOT, requireBuilds } from './paths';
export type {
  ActionPopup,
  BrowserHarness,
  BrowserName,
  FileUpload,
  HarnessPage,
  LaunchOptions,
  RequestRecord,
  ShadowContent,
  StoredTabState,
} from './types';
export { isNetworkUrl, poll } from './types';
export { WELCOME_PATH, welcomeTabIds } from './welcome';

export interface BrowserEntry {
  name: BrowserName;
  executablePath: string;
  available: boolean;
  /** Why it is not available and how to fix that; empty when available. */
  reason: string;
  launch(options?: Omit<LaunchOptions, 'extensionDir' | 'executablePath'>): Promise<BrowserHarness>;
}

const BROWSERS: Record<BrowserName, { env: string; fallback: string; install: string }> = {
  chromium: { env: 'CHROMIUM_PATH', fallback: '/usr/bin/chromium', install: 'apt-get install -y chromium' },
  firefox: { env: 'FIREFOX_PATH', fallback: '/usr/bin/firefox-esr', install: 'apt-get install -y firefox-esr' },
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Both browsers, each with whether its executable is there. A missing one is skipped with a message naming its
 * install command, except on CI (`CI=true`), where it is an error: a green run must have driven both.
 * Throws when the extension has not been built for both browsers.
 */
export function availableBrowsers(): BrowserEntry[] {
  requireBuilds();
  const entries = (Object.keys(BROWSERS) as BrowserName[]).map((name): BrowserEntry => {
    const { env, fallback, install } = BROWSERS[name];
    const executablePath = process.env[env] ?? fallback;
    const available = isExecutable(executablePath);
    const reason = available ? '' : `${name} not found at ${executablePath} (set ${env}, or run: ${install})`;
    const launch = (options: Omit<LaunchOptions, 'extensionDir' | 'executablePath'> = {}) =>
      name === 'chromium'
        ? launchChromium({ ...options, extensionDir: DIST.chromium, executablePath })
        : launchFirefox({ ...options, extensionDir: DIST.firefox, executablePath });
    return { name, executablePath, available, reason, launch };
  });
  const missing = entries.filter((entry) => !entry.available);
  if (missing.length > 0 && process.env.CI === 'true') {
    throw new Error(`Browser tests on CI need both browsers: ${missing.map((entry) => entry.reason).join('; ')}`);
  }
  for (const entry of missing) console.warn(`Skipping the ${entry.name} browser tests: ${entry.reason}`);
  return entries;
}
