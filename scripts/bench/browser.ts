import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { fixtureKey, unpackedExtensionId } from '../lib/extension';
import { RawCdp } from './cdp';

/** Ours, the floor extension (floor.ts), or no extension at all. */
export type Kind = 'extension' | 'floor' | 'baseline';

export interface Served {
  body: string;
  contentType?: string;
}

/** The two browsers of a run serve the same pages at their real URLs and block every other request. */
export class Fixtures {
  readonly #pages = new Map<string, Served>();
  set(url: string, page: Served | string): void {
    this.#pages.set(fixtureKey(url), typeof page === 'string' ? { body: page } : page);
  }
  get(url: string): Served | undefined {
    return this.#pages.get(fixtureKey(url));
  }
}

/**
 * Debian's Chromium in the new headless mode, the same flags for every kind; `extension` loads the built
 * extension unpacked, `floor` the floor extension (floor.ts) from its own directory, `baseline` none. A second, WebSocket debugging endpoint (next to Playwright's pipe)
 * gives the bench its own sessions on targets Playwright does not expose: the extension's service worker.
 */
export class BenchBrowser {
  blocked = 0;
  #workerSession: string | null = null;

  private constructor(
    readonly kind: Kind,
    readonly context: BrowserContext,
    readonly raw: RawCdp,
    readonly extensionOrigin: string | null,
    readonly version: string,
    private readonly profileDir: string,
  ) {}

  static async launch(
    kind: Kind,
    options: { executablePath: string; extensionDir: string; fixtures: Fixtures },
  ): Promise<BenchBrowser> {
    const profileDir = await mkdtemp(join(tmpdir(), `reach-or-relate-bench-${kind}-`));
    const extensionArgs =
      kind !== 'baseline'
        ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`]
        : [];
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: options.executablePath,
      headless: true,
      ...(kind !== 'baseline' ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND',
        // A page left for the next one would stay alive in the back-forward cache, with its content script's
        // world: the measured document's heap and time would include the previous one's.
        '--disable-features=BackForwardCache',
        '--remote-debugging-port=0',
        ...extensionArgs,
      ],
    });
    const extensionOrigin =
      kind !== 'baseline' ? `chrome-extension://${unpackedExtensionId(options.extensionDir)}` : null;
    const [port, path] = (await readFile(join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n');
    const raw = await RawCdp.connect(`ws://127.0.0.1:${port}${path}`);
    const version = context.browser()?.version() ?? 'unknown';
    const browser = new BenchBrowser(kind, context, raw, extensionOrigin, version, profileDir);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('chrome-extension:')) return route.continue();
      const page = options.fixtures.get(url);
      if (!page) {
        browser.blocked++;
        return route.abort('blockedbyclient');
      }
      return route.fulfill({
        status: 200,
        contentType: page.contentType ?? 'text/html; charset=utf-8',
        body: page.body,
      });
    });
    if (kind !== 'baseline') await browser.worker();
    return browser;
  }

  isExtensionUrl = (url: string): boolean =>
    this.extensionOrigin !== null && url.startsWith(`${this.extensionOrigin}/`);

  async worker(): Promise<Worker> {
    const ours = (w: Worker) => this.isExtensionUrl(w.url());
    const running = this.context.serviceWorkers().find(ours);
    if (running) return running;
    return this.context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 });
  }

  /** A flat CDP session on the extension's service worker (attached once, kept). */
  async workerSession(): Promise<string> {
    if (this.#workerSession) return this.#workerSession;
    await this.worker();
    const session = await this.raw.attach((t) => t.type === 'service_worker' && this.isExtensionUrl(t.url));
    if (!session) throw new Error('no service worker target');
    await this.raw.send('Runtime.enable', {}, session);
    await this.raw.send('Runtime.runIfWaitingForDebugger', {}, session);
    this.#workerSession = session;
    return session;
  }

  async workerHeap(): Promise<{ usedBytes: number; totalBytes: number }> {
    const session = await this.workerSession();
    await this.raw.send('HeapProfiler.collectGarbage', {}, session);
    const heap = await this.raw.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage', {}, session);
    return { usedBytes: heap.usedSize, totalBytes: heap.totalSize };
  }

  async evaluateInWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const worker = await this.worker();
    return worker.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async close(): Promise<void> {
    this.raw.close();
    await this.context.close().catch(() => {});
    await rm(this.profileDir, { recursive: true, force: true });
  }
}
