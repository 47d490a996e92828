import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Request,
  type Response,
  type Route,
  type Worker,
} from 'playwright-core';
import { fixtureKey, unpackedExtensionId } from '../../../scripts/lib/extension';
import { parseTabEntries, readTabEntries } from './shared';
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
  type ShadowContent,
  type StoredTabState,
  toFixture,
} from './types';
import { closeWelcome, WELCOME_PATH } from './welcome';

const EXTENSION_SCHEME = 'chrome-extension:';

/**
 * Closes the first tab that opens `url` as its first stylesheet arrives (the page still loading: Chromium runs
 * an extension's stylesheets through message substitution, which asks for the message catalogue), including a
 * tab already open when this is called; resolves once it is closed.
 */
function closeOnWelcome(context: BrowserContext, url: string): Promise<void> {
  return new Promise((resolve) => {
    let closed = false;
    const watch = (page: Page) => {
      const closeOnStyles = (response: Response) => {
        if (closed || !page.url().startsWith(url) || !response.url().endsWith('.css')) return;
        closed = true;
        page.off('response', closeOnStyles);
        context.off('page', watch);
        page.close().then(resolve, resolve);
      };
      page.on('response', closeOnStyles);
    };
    context.on('page', watch);
    for (const page of context.pages()) watch(page);
  });
}

const NODE_ELEMENT = 1;
const NODE_TEXT = 3;

/** The part of a CDP `DOM.Node` read here. */
interface DomNode {
  nodeType: number;
  localName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** The first node in tree order, shadow trees and frame documents included, for which `match` holds. */
function findNode(node: DomNode, match: (node: DomNode) => boolean): DomNode | null {
  if (match(node)) return node;
  const next = [...(node.shadowRoots ?? []), ...(node.children ?? [])];
  if (node.contentDocument) next.push(node.contentDocument);
  for (const child of next) {
    const found = findNode(child, match);
    if (found) return found;
  }
  return null;
}

/** The part of a CDP `Runtime.ExecutionContextDescription` read here. */
interface ExecutionContext {
  id: number;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/** The part of a CDP `Accessibility.AXNode` read here. */
interface AXNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
}

class ChromiumPage implements HarnessPage {
  constructor(
    readonly page: Page,
    /** The extension's id, to find its content script's world among the page's isolated worlds. */
    private readonly extensionId: string,
  ) {}

  url(): string {
    return this.page.url();
  }

  textContent(selector: string): Promise<string | null> {
    return this.page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async runScript(source: string): Promise<void> {
    // A string is evaluated as a script by CDP's Runtime.evaluate, which the page's CSP does not govern.
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
    return this.page.keyboard.press(key);
  }

  clickAt(x: number, y: number): Promise<void> {
    return this.page.mouse.click(x, y);
  }

  wheel(deltaX: number, deltaY: number): Promise<void> {
    return this.page.mouse.wheel(deltaX, deltaY);
  }

  setInputFiles(selector: string, files: readonly FileUpload[]): Promise<void> {
    return this.page.setInputFiles(
      selector,
      files.map(({ name, mimeType, contents }) => ({ name, mimeType, buffer: Buffer.from(contents) })),
    );
  }

  async closedShadowContent(hostTag: string): Promise<ShadowContent | null> {
    const session = await this.page.context().newCDPSession(this.page);
    try {
      const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
      const host = findNode(root, (node) => node.localName === hostTag);
      const shadow = host?.shadowRoots?.[0];
      if (!shadow) return null;
      const content: ShadowContent = { elements: [], texts: [] };
      const walk = (node: DomNode, parent: string) => {
        if (node.nodeType === NODE_ELEMENT) content.elements.push(node.localName);
        else if (node.nodeType === NODE_TEXT && parent !== 'style') content.texts.push(node.nodeValue);
        for (const child of node.children ?? []) walk(child, node.localName);
      };
      for (const child of shadow.children ?? []) walk(child, '');
      return content;
    } finally {
      await session.detach().catch(() => {});
    }
  }

  async evaluateInContentScript(expression: string): Promise<unknown> {
    // CDP lists every JavaScript world of the page when the Runtime domain is enabled, the isolated worlds of
    // content scripts included; the one whose `chrome.runtime.id` is this extension's is its content script's.
    const session = await this.page.context().newCDPSession(this.page);
    try {
      const contexts: ExecutionContext[] = [];
      session.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as ExecutionContext));
      await session.send('Runtime.enable');
      for (const context of contexts.filter((c) => c.auxData?.type === 'isolated')) {
        const { result } = await session.send('Runtime.evaluate', {
          expression: 'globalThis.chrome?.runtime?.id ?? null',
          contextId: context.id,
          returnByValue: true,
        });
        if (result.value !== this.extensionId) continue;
        const answer = await session.send('Runtime.evaluate', {
          expression,
          contextId: context.id,
          awaitPromise: true,
          returnByValue: true,
        });
        if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? 'failed');
        return answer.result.value;
      }
      throw new Error(`no content script world of ${this.extensionId} in ${this.page.url()}`);
    } finally {
      await session.detach().catch(() => {});
    }
  }

  async accessibleTexts(): Promise<string[]> {
    const session = await this.page.context().newCDPSession(this.page);
    try {
      const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
      return nodes
        .filter((node) => !node.ignored && (node.role?.value === 'StaticText' || node.role?.value === 'button'))
        .map((node) => node.name?.value ?? '')
        .filter(Boolean);
    } finally {
      await session.detach().catch(() => {});
    }
  }

  setViewport(width: number, height: number): Promise<void> {
    return this.page.setViewportSize({ width, height });
  }

  async emulateTouch(): Promise<void> {
    // The session stays open: the emulation lasts as long as the session that set it.
    const session = await this.page.context().newCDPSession(this.page);
    await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  }

  async screenshot(path: string, { width }: { width: number }): Promise<void> {
    // A short viewport first, so that the height measured is the content's, not the viewport's.
    await this.page.setViewportSize({ width, height: 100 });
    const height = await this.page.evaluate(() =>
      Math.max(1, Math.ceil(document.body?.getBoundingClientRect().bottom ?? 0) + window.scrollY),
    );
    await this.page.setViewportSize({ width, height });
    await this.page.screenshot({ path, clip: { x: 0, y: 0, width, height } });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Sends a CDP command that Playwright's protocol types may not know (the Extensions domain, for one). */
function send<T>(session: CDPSession, method: string, params: object = {}): Promise<T> {
  return (session.send as unknown as (method: string, params: object) => Promise<T>)(method, params);
}

/**
 * A target Playwright does not attach to (the action popup lives in a window of its own, outside the
 * context's pages), driven through the browser session's `Target.sendMessageToTarget`.
 */
class TargetSession {
  #nextId = 0;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly browser: CDPSession,
    readonly targetId: string,
    readonly sessionId: string,
  ) {}

  static async attach(
    browser: CDPSession,
    targetId: string,
    sessions: Map<string, TargetSession>,
  ): Promise<TargetSession> {
    const { sessionId } = await send<{ sessionId: string }>(browser, 'Target.attachToTarget', {
      targetId,
      flatten: false,
    });
    const session = new TargetSession(browser, targetId, sessionId);
    sessions.set(sessionId, session);
    return session;
  }

  receive(message: string): void {
    const { id, result, error } = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = id === undefined ? undefined : this.#pending.get(id);
    if (!pending || id === undefined) return;
    this.#pending.delete(id);
    if (error) pending.reject(new Error(error.message));
    else pending.resolve(result);
  }

  /** The target went away (a popup closes itself): whatever was asked of it gets no answer, so it fails. */
  detach(): void {
    for (const pending of this.#pending.values()) pending.reject(new Error(`target ${this.targetId} is gone`));
    this.#pending.clear();
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.#nextId;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      send(this.browser, 'Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      }).catch((error: Error) => {
        this.#pending.delete(id);
        reject(error);
      });
    });
  }
}

/**
 * The real popup. Its requests are not in the harness's log: Playwright's routing covers the context's pages
 * only (the popup loads nothing but the extension's own files, and --host-resolver-rules still keeps anything
 * else off the network).
 */
class ChromiumActionPopup implements ActionPopup {
  constructor(
    readonly url: string,
    private readonly session: TargetSession,
    private readonly browser: CDPSession,
  ) {}

  async textContent(selector: string): Promise<string | null> {
    const { result } = await this.session.send<{ result: { value?: string | null } }>('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`,
      returnByValue: true,
    });
    return result.value ?? null;
  }

  async click(selector: string): Promise<void> {
    const { result } = await this.session.send<{ result: { value?: boolean } }>('Runtime.evaluate', {
      expression: `(() => { const el = document.querySelector(${JSON.stringify(selector)}); el?.click(); return Boolean(el); })()`,
      returnByValue: true,
      // As a click of the person's: the popup's handler may ask for a permission, which wants a user gesture.
      userGesture: true,
    });
    if (!result.value) throw new Error(`nothing matches ${selector} in the popup`);
  }

  async close(): Promise<void> {
    await send(this.browser, 'Target.closeTarget', { targetId: this.session.targetId }).catch(() => {});
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
  readonly actionGrantsActiveTab = true;
  #browserSession: Promise<CDPSession> | null = null;
  readonly #targetSessions = new Map<string, TargetSession>();
  #workerControl: { page: Page; session: Promise<CDPSession> } | null = null;

  private constructor(context: BrowserContext, profileDir: string, extensionOrigin: string) {
    this.#context = context;
    this.#profileDir = profileDir;
    this.extensionOrigin = extensionOrigin;
  }

  static async launch({
    extensionDir,
    executablePath,
    colorScheme,
    keepWelcome = false,
    closeWelcomeWhileLoading = false,
    display,
    uiLanguage,
  }: LaunchOptions): Promise<ChromiumHarness> {
    const extensionOrigin = `${EXTENSION_SCHEME}//${unpackedExtensionId(extensionDir)}`;
    const profileDir = await mkdtemp(join(tmpdir(), 'reach-or-relate-chromium-'));
    let context: BrowserContext | undefined;
    try {
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath,
        // Headed on the given X display (see LaunchOptions.display), headless otherwise.
        headless: display === undefined,
        ...(display === undefined && !uiLanguage
          ? {}
          : {
              env: {
                ...process.env,
                ...(display === undefined ? {} : { DISPLAY: display }),
                ...(uiLanguage ? { LANGUAGE: uiLanguage } : {}),
              },
            }),
        ...(colorScheme ? { colorScheme } : {}),
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
          // CDP's Extensions domain (over Playwright's --remote-debugging-pipe): Extensions.triggerAction runs the
          // toolbar action as a click does. See openActionPopup.
          '--enable-unsafe-extension-debugging',
          ...(uiLanguage ? [`--lang=${uiLanguage}`] : []),
        ],
      });
      // Interception and the request log go in place before anything else is awaited. The extension's worker
      // starts with the browser; a request it made before this point would still find no host (see
      // --host-resolver-rules) but would be missing from the log. In practice its first script fetch is logged.
      const harness = new ChromiumHarness(context, profileDir, extensionOrigin);
      const closing = closeWelcomeWhileLoading ? closeOnWelcome(context, `${extensionOrigin}/${WELCOME_PATH}`) : null;
      await harness.#intercept();
      await harness.#worker();
      if (closing) await closing;
      else if (!keepWelcome) await closeWelcome(harness, extensionDir);
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
    return new ChromiumPage(page, this.#extensionId);
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
    // A stopped worker keeps its Playwright handle, whose evaluations then wait for it to run again: start it,
    // as any event for the extension would.
    if (!(await this.#workerRunning())) await this.#startWorker();
    const worker = await this.#worker();
    return worker.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  /** The browser-wide CDP session (Target and Extensions domains). */
  #browser(): Promise<CDPSession> {
    if (!this.#browserSession) {
      const browser = this.#context.browser();
      if (!browser) throw new Error('no browser behind the context');
      this.#browserSession = browser.newBrowserCDPSession().then((session) => {
        session.on(
          'Target.receivedMessageFromTarget' as never,
          ((event: { sessionId: string; message: string }) =>
            this.#targetSessions.get(event.sessionId)?.receive(event.message)) as never,
        );
        session.on(
          'Target.detachedFromTarget' as never,
          ((event: { sessionId: string }) => {
            this.#targetSessions.get(event.sessionId)?.detach();
            this.#targetSessions.delete(event.sessionId);
          }) as never,
        );
        return session;
      });
    }
    return this.#browserSession;
  }

  async #targets(): Promise<TargetInfo[]> {
    // An empty filter lists every kind of target, tabs included (the default leaves tabs out).
    const { targetInfos } = await send<{ targetInfos: TargetInfo[] }>(await this.#browser(), 'Target.getTargets', {
      filter: [{}],
    });
    return targetInfos;
  }

  /** Whether the browser lists the extension's service worker as a target, which it does while it runs. */
  async #workerRunning(): Promise<boolean> {
    return (await this.#targets()).some(
      (target) => target.type === 'service_worker' && target.url.startsWith(`${this.extensionOrigin}/`),
    );
  }

  /**
   * A page session with the ServiceWorker domain enabled: that domain is not offered on the browser session.
   * It sits on a blank tab (the one the browser starts with, normally), so that no tab comes to the front:
   * a content script does not report from a hidden tab.
   */
  async #serviceWorkerSession(): Promise<CDPSession> {
    if (!this.#workerControl || this.#workerControl.page.isClosed()) {
      const page =
        this.#context.pages().find((p) => p.url() === 'about:blank' && !p.isClosed()) ??
        (await this.#context.newPage());
      const session = this.#context.newCDPSession(page).then(async (cdp) => {
        await cdp.send('ServiceWorker.enable');
        return cdp;
      });
      this.#workerControl = { page, session };
    }
    return this.#workerControl.session;
  }

  async #startWorker(): Promise<void> {
    const session = await this.#serviceWorkerSession();
    await session.send('ServiceWorker.startWorker', { scopeURL: `${this.extensionOrigin}/` });
    if (!(await poll(() => this.#workerRunning(), Boolean, 10_000, 50))) {
      throw new Error(`the service worker of ${this.extensionOrigin} did not start`);
    }
  }

  async stopWorker(): Promise<void> {
    const session = await this.#serviceWorkerSession();
    await session.send('ServiceWorker.stopAllWorkers');
    if (
      await poll(
        () => this.#workerRunning(),
        (running) => !running,
        10_000,
        50,
      )
    ) {
      throw new Error(`the service worker of ${this.extensionOrigin} did not stop`);
    }
  }

  async background(): Promise<BackgroundStatus> {
    const worker = this.#context.serviceWorkers().find((w) => w.url().startsWith(this.extensionOrigin));
    if (!worker) return { running: false, url: null };
    // Playwright keeps the handle of a stopped worker; the browser's target list says whether it runs.
    if (!(await this.#workerRunning())) return { running: false, url: worker.url() };
    // A worker that answers with the extension's own id is running the extension's code.
    const id = await worker.evaluate(() => chrome.runtime.id).catch(() => null);
    return { running: id !== null && this.extensionOrigin === `${EXTENSION_SCHEME}//${id}`, url: worker.url() };
  }

  async popupPage(): Promise<HarnessPage> {
    return this.open(this.#popupUrl);
  }

  get #extensionId(): string {
    return this.extensionOrigin.slice(`${EXTENSION_SCHEME}//`.length);
  }

  get #popupUrl(): string {
    return `${this.extensionOrigin}/src/popup/index.html`;
  }

  async popupPageFor(page: HarnessPage): Promise<HarnessPage> {
    return this.extensionPageFor(page, 'src/popup/index.html');
  }

  async extensionPageFor(page: HarnessPage, path: string): Promise<HarnessPage> {
    const tabId = await this.tabIdOf(page);
    const url = `${this.extensionOrigin}/${path}`;
    const known = new Set(this.#context.pages());
    const created = this.#context.waitForEvent('page', { predicate: (p) => !known.has(p), timeout: 10_000 });
    // The extension opens its own page, in the background of the tab's window.
    await this.evaluateInExtension(
      async ({ url, id }) => {
        const tab = await chrome.tabs.get(id);
        await chrome.tabs.create({ url, windowId: tab.windowId, active: false });
      },
      { url, id: tabId },
    );
    const opened = await created;
    await opened.waitForURL(url, { waitUntil: 'load' });
    return new ChromiumPage(opened, this.#extensionId);
  }

  async openActionPopup(page: HarnessPage): Promise<ActionPopup> {
    if (!(page instanceof ChromiumPage)) throw new TypeError('not a page of this harness');
    await page.page.bringToFront();
    const browser = await this.#browser();
    const targets = await this.#targets();
    // triggerAction wants the tab target, the parent of the page target Playwright drives; the URL ties them.
    const tabs = targets.filter((target) => target.type === 'tab' && target.url === page.url());
    const tab = tabs[0];
    if (!tab || tabs.length > 1) throw new Error(`${tabs.length} tabs at ${page.url()}: cannot tell which is meant`);
    const isPopup = (target: TargetInfo) => target.type === 'page' && target.url === this.#popupUrl;
    const before = new Set(targets.filter(isPopup).map((target) => target.targetId));
    const extensionId = this.extensionOrigin.slice(`${EXTENSION_SCHEME}//`.length);
    await send(browser, 'Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    const opened = await poll(
      async () => (await this.#targets()).find((target) => isPopup(target) && !before.has(target.targetId)) ?? null,
      Boolean,
      10_000,
      50,
    );
    if (!opened) throw new Error(`the action popup did not open over ${page.url()}`);
    const session = await TargetSession.attach(browser, opened.targetId, this.#targetSessions);
    return new ChromiumActionPopup(opened.url, session, browser);
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
