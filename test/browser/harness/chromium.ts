import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Request, type Route, type Worker } from 'playwright-core';
import { parseTabEntries, readTabEntries } from './shared';
import {
  type BackgroundStatus,
  type BrowserHarness,
  type Fixture,
  fixtureKey,
  type HarnessPage,
  type LaunchOptions,
  poll,
  type RequestRecord,
  type StoredTabState,
  toFixture,
} from './types';

const EXTENSION_SCHEME = 'chrome-extension:';

/**
 * The id Chromium gives an unpacked extension without a `key`: the first 128 bits of the SHA-256 of its absolute
 * real path, each hex digit written as a letter from a to p. Known before launch, so that the request log can
 * tell the extension's requests apart from the first one on.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256')
    .update(realpathSync(resolve(extensionDir)))
    .digest('hex')
    .slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

class ChromiumPage implements HarnessPage {
  constructor(readonly page: Page) {}

  url(): string {
    return this.page.url();
  }

  textContent(selector: string): Promise<string | null> {
    return this.page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/**
 * Debian's Chromium driven by Playwright over CDP, with the unpacked extension loaded into a fresh temporary
 * profile. Playwright's own `headless: true` (plain `--headless`, the new headless mode since Chrome 132) loads
 * extensions; its default `--disable-extensions` is dropped so that `--load-extension` is not fighting it.
 */
export class ChromiumHarness implements BrowserHarness {
  readonly name = 'chromium' as const;
  readonly requests: RequestRecord[] = [];
  readonly #fixtures = new Map<string, Required<Fixture>>();
  readonly #context: BrowserContext;
  readonly #profileDir: string;
  readonly extensionOrigin: string;

  private constructor(context: BrowserContext, profileDir: string, extensionOrigin: string) {
    this.#context = context;
    this.#profileDir = profileDir;
    this.extensionOrigin = extensionOrigin;
  }

  static async launch({ extensionDir, executablePath }: LaunchOptions): Promise<ChromiumHarness> {
    const extensionOrigin = `${EXTENSION_SCHEME}//${unpackedExtensionId(extensionDir)}`;
    const profileDir = await mkdtemp(join(tmpdir(), 'reach-or-relate-chromium-'));
    let context: BrowserContext | undefined;
    try {
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath,
        headless: true,
        ignoreDefaultArgs: ['--disable-extensions'],
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          // Whatever request interception does not answer cannot resolve a host either: nothing reaches the
          // network, not even the browser's own background traffic or preconnects.
          '--host-resolver-rules=MAP * ~NOTFOUND',
          `--disable-extensions-except=${extensionDir}`,
          `--load-extension=${extensionDir}`,
        ],
      });
      // Interception and the request log go in place before anything else is awaited. The extension's worker
      // starts with the browser; a request it made before this point would still find no host (see
      // --host-resolver-rules) but would be missing from the log. In practice its first script fetch is logged.
      const harness = new ChromiumHarness(context, profileDir, extensionOrigin);
      await harness.#intercept();
      await harness.#worker();
      return harness;
    } catch (error) {
      await context?.close().catch(() => {});
      await rm(profileDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The extension's running service worker, waiting for it to start if need be. */
  async #worker(): Promise<Worker> {
    const ours = (w: Worker) => w.url().startsWith(`${this.extensionOrigin}/`);
    const running = this.#context.serviceWorkers().find(ours);
    if (running) return running;
    try {
      return await this.#context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 });
    } catch (error) {
      const seen = this.#context.serviceWorkers().map((w) => w.url());
      throw new Error(`no service worker of ${this.extensionOrigin} (running: ${seen.join(', ') || 'none'})`, {
        cause: error,
      });
    }
  }

  async #intercept(): Promise<void> {
    this.#context.on('request', (request) => this.#log(request));
    await this.#context.route('**/*', (route) => this.#answer(route));
  }

  #initiator(request: Request): string | null {
    const worker = request.serviceWorker();
    if (worker) return worker.url();
    try {
      return request.frame().url();
    } catch {
      return null;
    }
  }

  #log(request: Request): void {
    const url = request.url();
    const initiator = this.#initiator(request);
    const isExtensionUrl = (u: string | null) => u?.startsWith(this.extensionOrigin) ?? false;
    const outcome = url.startsWith(EXTENSION_SCHEME)
      ? 'extension'
      : this.#fixtures.has(fixtureKey(url))
        ? 'served'
        : 'aborted';
    this.requests.push({
      url,
      fromExtension: isExtensionUrl(initiator) || (initiator === null && isExtensionUrl(url)),
      initiator,
      outcome,
    });
  }

  async #answer(route: Route): Promise<void> {
    const url = route.request().url();
    if (url.startsWith(EXTENSION_SCHEME)) return route.continue();
    const fixture = this.#fixtures.get(fixtureKey(url));
    if (!fixture) return route.abort('blockedbyclient');
    return route.fulfill({
      status: fixture.status,
      contentType: fixture.contentType,
      body: typeof fixture.body === 'string' ? fixture.body : Buffer.from(fixture.body),
    });
  }

  serve(url: string, fixture: Fixture | string): void {
    this.#fixtures.set(fixtureKey(url), toFixture(fixture));
  }

  async open(url: string): Promise<HarnessPage> {
    const page = await this.#context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new ChromiumPage(page);
  }

  async tabIdOf(page: HarnessPage): Promise<number> {
    if (!(page instanceof ChromiumPage)) throw new TypeError('not a page of this harness');
    await page.page.bringToFront();
    // Without the "tabs" permission the worker sees no tab URLs; the tab in front of the focused window is the one.
    const tabId = await this.evaluateInExtension(async () => {
      const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs.length === 1 ? (tabs[0]?.id ?? null) : null;
    });
    if (tabId === null) throw new Error(`no single active tab for ${page.url()}`);
    return tabId;
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

  async evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const worker = await this.#worker();
    return worker.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async background(): Promise<BackgroundStatus> {
    const worker = this.#context.serviceWorkers().find((w) => w.url().startsWith(this.extensionOrigin));
    if (!worker) return { running: false, url: null };
    // A worker that answers with the extension's own id is running the extension's code.
    const id = await worker.evaluate(() => chrome.runtime.id).catch(() => null);
    return { running: id !== null && this.extensionOrigin === `${EXTENSION_SCHEME}//${id}`, url: worker.url() };
  }

  async popupPage(): Promise<HarnessPage> {
    return this.open(`${this.extensionOrigin}/src/popup/index.html`);
  }

  async close(): Promise<void> {
    try {
      await this.#context.close();
    } finally {
      await rm(this.#profileDir, { recursive: true, force: true });
    }
  }
}

export function launchChromium(options: LaunchOptions): Promise<BrowserHarness> {
  return ChromiumHarness.launch(options);
}
