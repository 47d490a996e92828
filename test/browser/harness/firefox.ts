import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type HTTPRequest,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import { fixtureKey } from '../../../scripts/lib/extension';
import { BlockingProxy, parseTabEntries, readTabEntries } from './shared';
import {
  type ActionPopup,
  type BackgroundStatus,
  type BrowserHarness,
  type FileUpload,
  type Fixture,
  type HarnessPage,
  type LaunchOptions,
  poll,
  type RequestRecord,
  type StoredTabState,
  toFixture,
} from './types';
import { closeWelcome } from './welcome';

const EXTENSION_SCHEME = 'moz-extension:';
/** Puppeteer's default Firefox preferences send the browser's own services (blocklist, reports) to this host. */
const DUMMY_SERVICE_HOST = 'dummy.test';
/** An extension resource that runs no extension code but is an extension document with the extension's APIs. */
const CONTROL_PATH = 'manifest.json';
const POPUP_PATH = 'src/popup/index.html';

class FirefoxPage implements HarnessPage {
  constructor(
    readonly page: Page,
    /** Where files given to file inputs are written (see setInputFiles). */
    private readonly scratchDir: string,
    /** Puppeteer does not see navigations into moz-extension: documents; their URL is kept here. */
    private readonly extensionUrl: string | null = null,
  ) {}

  url(): string {
    return this.extensionUrl ?? this.page.url();
  }

  textContent(selector: string): Promise<string | null> {
    return this.page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>;
  }

  async runScript(source: string): Promise<void> {
    // A string goes to BiDi's script.evaluate as it is, which the page's CSP does not govern.
    await this.page.evaluate(source);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  click(selector: string): Promise<void> {
    return this.page.click(selector);
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  focus(selector: string): Promise<void> {
    return this.page.focus(selector);
  }

  type(text: string, { delay = 0 }: { delay?: number } = {}): Promise<void> {
    return this.page.keyboard.type(text, { delay });
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key as KeyInput);
  }

  clickAt(x: number, y: number): Promise<void> {
    return this.page.mouse.click(x, y);
  }

  wheel(deltaX: number, deltaY: number): Promise<void> {
    return this.page.mouse.wheel({ deltaX, deltaY });
  }

  async setInputFiles(selector: string, files: readonly FileUpload[]): Promise<void> {
    const input = await this.page.$(selector);
    if (!input) throw new Error(`no element matches ${selector}`);
    // BiDi's input.setFiles takes paths: the files are written out, into the profile (removed with it), since
    // the page reads a chosen file from disk only when it asks for its contents. Firefox then types each file by
    // its name's extension: `mimeType` cannot be passed on.
    await mkdir(this.scratchDir, { recursive: true });
    const dir = await mkdtemp(join(this.scratchDir, 'upload-'));
    try {
      const paths = await Promise.all(
        files.map(async ({ name, contents }, index) => {
          const path = join(dir, String(index), basename(name));
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, contents);
          return path;
        }),
      );
      await (input as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    } finally {
      await input.dispose();
    }
  }

  setViewport(width: number, height: number): Promise<void> {
    return this.page.setViewport({ width, height });
  }

  async screenshot(path: string, { width }: { width: number }): Promise<void> {
    // A short viewport first, so that the height measured is the content's, not the viewport's.
    await this.page.setViewport({ width, height: 100 });
    const height = await this.page.evaluate(() =>
      Math.max(1, Math.ceil(document.body?.getBoundingClientRect().bottom ?? 0) + window.scrollY),
    );
    await this.page.setViewport({ width, height });
    await this.page.screenshot({ path: path as `${string}.png`, clip: { x: 0, y: 0, width, height } });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/**
 * The real popup, reached through the control page: `extension.getViews` hands an extension page the windows
 * of the extension's other pages, the popup's included.
 */
class FirefoxActionPopup implements ActionPopup {
  constructor(
    readonly url: string,
    private readonly control: FirefoxPage,
  ) {}

  textContent(selector: string): Promise<string | null> {
    return this.control.evaluate(
      (s) => chrome.extension.getViews({ type: 'popup' })[0]?.document.querySelector(s)?.textContent ?? null,
      selector,
    );
  }

  async click(selector: string): Promise<void> {
    await this.control.evaluate((s) => {
      chrome.extension.getViews({ type: 'popup' })[0]?.document.querySelector<HTMLElement>(s)?.click();
    }, selector);
  }

  async close(): Promise<void> {
    await this.control.evaluate(() => {
      for (const view of chrome.extension.getViews({ type: 'popup' })) view.close();
    });
  }
}

/**
 * Firefox ESR driven by Puppeteer over WebDriver BiDi, with the built extension installed as a temporary add-on.
 *
 * - Extension APIs: the extension's internal UUID is pinned with `extensions.webextensions.uuids`, so its pages
 *   are at a known moz-extension: URL. WebDriver BiDi refuses to navigate to moz-extension: URLs unless the
 *   remote agent is given system access (`--remote-allow-system-access`); with it, an extension document is kept
 *   open in a tab and `evaluateInExtension` runs there.
 * - Host permissions: Firefox MV3 treats them as optional, but grants those the manifest asks for at install when
 *   `extensions.originControls.grantByDefault` is true (the default, set here explicitly), temporary add-ons
 *   included.
 * - Requests: Puppeteer's request interception (BiDi `network.addIntercept`) is per tab and sees nothing from
 *   the extension's background page, so the browser is also pointed at a proxy that refuses and logs whatever
 *   gets past interception.
 */
export class FirefoxHarness implements BrowserHarness {
  readonly name = 'firefox' as const;
  readonly requests: RequestRecord[];
  readonly extensionOrigin: string;
  readonly actionGrantsActiveTab = false;
  readonly #fixtures = new Map<string, Required<Fixture>>();
  readonly #browser: Browser;
  readonly #proxy: BlockingProxy;
  readonly #profileDir: string;
  #control: FirefoxPage | null = null;

  private constructor(
    browser: Browser,
    proxy: BlockingProxy,
    profileDir: string,
    requests: RequestRecord[],
    extensionOrigin: string,
  ) {
    this.#browser = browser;
    this.#proxy = proxy;
    this.#profileDir = profileDir;
    this.requests = requests;
    this.extensionOrigin = extensionOrigin;
  }

  static async launch({
    extensionDir,
    executablePath,
    colorScheme,
    siteAccess = 'granted',
    keepWelcome = false,
  }: LaunchOptions): Promise<FirefoxHarness> {
    const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    const geckoId = manifest.browser_specific_settings?.gecko?.id;
    if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);

    const uuid = randomUUID();
    const requests: RequestRecord[] = [];
    const proxy = await BlockingProxy.start(requests, [DUMMY_SERVICE_HOST]);
    const profileDir = await mkdtemp(join(tmpdir(), 'reach-or-relate-firefox-'));
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        protocol: 'webDriverBiDi',
        headless: true,
        userDataDir: profileDir,
        args: ['--remote-allow-system-access'],
        // Release builds ignore `services.settings.server` (which Puppeteer points at the dummy host) without it,
        // and would keep asking Mozilla's Remote Settings servers.
        env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
          'extensions.originControls.grantByDefault': siteAccess === 'granted',
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxy.port,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxy.port,
          'network.proxy.share_proxy_settings': true,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': true,
          'network.dns.disablePrefetch': true,
          'network.prefetch-next': false,
          // action.openPopup() without a user gesture: BiDi cannot click the toolbar (see openActionPopup).
          'extensions.openPopupWithoutUserGesture.enabled': true,
          // permissions.request() (still only from a user gesture) is granted without the doorhanger that BiDi
          // cannot reach: what the user's "Allow" would do.
          'extensions.webextOptionalPermissionPrompts': false,
          // 0 dark, 1 light: BiDi has no per-page emulation of prefers-color-scheme.
          ...(colorScheme
            ? { 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 }
            : {}),
        },
      });
      const installedId = await browser.installExtension(resolve(extensionDir));
      if (installedId !== geckoId) throw new Error(`installed ${installedId}, expected ${geckoId}`);
      const harness = new FirefoxHarness(browser, proxy, profileDir, requests, `${EXTENSION_SCHEME}//${uuid}`);
      harness.#control = await harness.#openExtensionPage(CONTROL_PATH);
      if (!keepWelcome) await closeWelcome(harness, extensionDir);
      return harness;
    } catch (error) {
      await FirefoxHarness.#shutDown(browser);
      await proxy.close();
      await rm(profileDir, { recursive: true, force: true });
      throw error;
    }
  }

  static async #shutDown(browser: Browser | undefined): Promise<void> {
    if (!browser) return;
    const closed = browser.close().then(
      () => true,
      () => false,
    );
    const timedOut = new Promise<false>((done) => setTimeout(() => done(false), 10_000));
    if (!(await Promise.race([closed, timedOut]))) browser.process()?.kill('SIGKILL');
  }

  get #scratchDir(): string {
    return join(this.#profileDir, 'harness-uploads');
  }

  async #newPage(extensionPage: boolean, background = false): Promise<Page> {
    const page = await this.#browser.newPage({ background });
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.#answer(request, extensionPage));
    return page;
  }

  async #answer(request: HTTPRequest, extensionPage: boolean): Promise<void> {
    const url = request.url();
    const frameUrl = request.frame()?.url() ?? null;
    // Puppeteer reports an extension document's frame as about:blank (see FirefoxPage); the tab knows better.
    const initiator = extensionPage ? this.extensionOrigin : frameUrl;
    const fromExtension = extensionPage || (frameUrl?.startsWith(this.extensionOrigin) ?? false);
    if (url.startsWith(EXTENSION_SCHEME)) {
      this.requests.push({ url, fromExtension, initiator, outcome: 'extension' });
      return request.continue();
    }
    const fixture = this.#fixtures.get(fixtureKey(url));
    this.requests.push({ url, fromExtension, initiator, outcome: fixture ? 'served' : 'aborted' });
    if (!fixture) return request.abort('blockedbyclient');
    return request.respond({
      status: fixture.status,
      contentType: fixture.contentType,
      body: typeof fixture.body === 'string' ? fixture.body : Buffer.from(fixture.body),
    });
  }

  /**
   * Opens an extension document in a new tab. BiDi navigation into moz-extension: never reports completion to
   * Puppeteer, so the navigation is not awaited; the document is polled until it has loaded.
   */
  async #openExtensionPage(path: string, background = false): Promise<FirefoxPage> {
    const url = `${this.extensionOrigin}/${path}`;
    const page = await this.#newPage(true, background);
    page.goto(url, { timeout: 5_000 }).catch(() => {});
    const deadline = Date.now() + 10_000;
    for (;;) {
      const loaded = await page
        .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
        .catch(() => false);
      if (loaded) return new FirefoxPage(page, this.#scratchDir, url);
      if (Date.now() >= deadline) throw new Error(`${url} did not load`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  serve(url: string, fixture: Fixture | string): void {
    this.#fixtures.set(fixtureKey(url), toFixture(fixture));
  }

  async open(url: string): Promise<HarnessPage> {
    if (url.startsWith(EXTENSION_SCHEME)) {
      if (!url.startsWith(`${this.extensionOrigin}/`)) throw new Error(`not this extension's page: ${url}`);
      return this.#openExtensionPage(url.slice(this.extensionOrigin.length + 1));
    }
    const page = await this.#newPage(false);
    await page.goto(url, { waitUntil: 'load' });
    return new FirefoxPage(page, this.#scratchDir);
  }

  async tabIdOf(page: HarnessPage): Promise<number> {
    if (!(page instanceof FirefoxPage)) throw new TypeError('not a page of this harness');
    await page.page.bringToFront();
    const tab = await this.evaluateInExtension(async () => {
      const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs.length === 1 ? { id: tabs[0]?.id ?? null, url: tabs[0]?.url ?? null } : null;
    });
    // Firefox shows the extension the URLs of tabs on hosts it may access: check when it can.
    if (!tab || tab.id === null || (tab.url !== null && tab.url !== page.url())) {
      throw new Error(`no single active tab for ${page.url()} (found ${JSON.stringify(tab)})`);
    }
    return tab.id;
  }

  badgeText(tabId: number): Promise<string> {
    return this.evaluateInExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  async waitForBadge(page: HarnessPage, expected: string, timeoutMs = 5_000): Promise<string> {
    const tabId = await this.tabIdOf(page);
    return poll(
      () => this.badgeText(tabId),
      (text) => text === expected,
      timeoutMs,
    );
  }

  async tabStates(): Promise<Map<number, StoredTabState>> {
    return parseTabEntries(await this.evaluateInExtension(readTabEntries));
  }

  evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    if (!this.#control) throw new Error('the harness is closed');
    return this.#control.evaluate(fn, arg);
  }

  async background(): Promise<BackgroundStatus> {
    // Firefox MV3 runs `background.scripts` in a generated background page, which an extension page can reach.
    const url = await this.evaluateInExtension(async () => {
      const page = await chrome.runtime.getBackgroundPage();
      return page && page.document.readyState === 'complete' ? page.location.href : null;
    });
    return { running: url?.startsWith(this.extensionOrigin) ?? false, url };
  }

  popupPage(): Promise<HarnessPage> {
    return this.#openExtensionPage(POPUP_PATH);
  }

  async popupPageFor(page: HarnessPage): Promise<HarnessPage> {
    return this.extensionPageFor(page, POPUP_PATH);
  }

  async extensionPageFor(page: HarnessPage, path: string): Promise<HarnessPage> {
    await this.tabIdOf(page);
    return this.#openExtensionPage(path, true);
  }

  async openActionPopup(page: HarnessPage): Promise<ActionPopup> {
    await this.tabIdOf(page);
    const control = this.#control;
    if (!control) throw new Error('the harness is closed');
    await control.evaluate(() => chrome.action.openPopup());
    const url = `${this.extensionOrigin}/${POPUP_PATH}`;
    const opened = await poll(
      () =>
        control.evaluate((expected) => {
          const view = chrome.extension.getViews({ type: 'popup' })[0];
          return view?.location.href === expected && view.document.readyState === 'complete';
        }, url),
      Boolean,
      10_000,
      50,
    );
    if (!opened) throw new Error(`the action popup did not open over ${page.url()}`);
    return new FirefoxActionPopup(url, control);
  }

  async close(): Promise<void> {
    this.#control = null;
    try {
      await FirefoxHarness.#shutDown(this.#browser);
    } finally {
      await this.#proxy.close();
      await rm(this.#profileDir, { recursive: true, force: true });
    }
  }
}

export function launchFirefox(options: LaunchOptions): Promise<BrowserHarness> {
  return FirefoxHarness.launch(options);
}
