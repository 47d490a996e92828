/**
 * Chromium for the demo: the same fresh profile and extension as `npm start`, driven through Playwright only so
 * that its request routing can answer every page (https included) from the repository: the demo works with
 * no network at all, and nothing it loads reaches one. Playwright's automation switches that would change what
 * a person sees are left out (the "controlled by automated test software" bar; its --disable-extensions).
 */
import { type BrowserContext, chromium } from 'playwright-core';
import { DEMO_INDEX_URL, type DemoResponse } from './demo';

export interface DemoBrowserOptions {
  executablePath: string;
  profileDir: string;
  extensionDir: string;
  route: (url: string) => DemoResponse | null;
  headless?: boolean;
}

export async function launchDemoBrowser(options: DemoBrowserOptions): Promise<BrowserContext> {
  const { executablePath, profileDir, extensionDir, route, headless = false } = options;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless,
    viewport: null,
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    args: [
      `--load-extension=${extensionDir}`,
      `--disable-extensions-except=${extensionDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      // What routing does not answer finds no host either: the demo stays offline even with a network.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  await context.route('**/*', async (request) => {
    const url = request.request().url();
    if (!/^https?:/.test(url)) return request.continue();
    const answer = route(url);
    if (!answer) return request.abort('blockedbyclient');
    return request.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
  });
  const first = context.pages()[0] ?? (await context.newPage());
  await first.goto(DEMO_INDEX_URL);
  return context;
}
