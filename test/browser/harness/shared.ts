import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestRecord, StoredTabState } from './types';

/** Extension-context function: every `tab:*` entry of `storage.session`. Serialized, so self-contained. */
export async function readTabEntries(): Promise<Record<string, unknown>> {
  const session = (globalThis as { chrome?: typeof chrome }).chrome?.storage?.session;
  if (!session) {
    throw new Error('storage.session is not available to the extension: the manifest lacks the "storage" permission');
  }
  const all = await session.get(null);
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('tab:')));
}

export function parseTabEntries(entries: Record<string, unknown>): Map<number, StoredTabState> {
  const states = new Map<number, StoredTabState>();
  for (const [key, value] of Object.entries(entries)) {
    const tabId = Number(key.slice('tab:'.length));
    if (Number.isInteger(tabId) && typeof value === 'object' && value !== null) {
      states.set(tabId, value as StoredTabState);
    }
  }
  return states;
}

/**
 * An HTTP proxy that refuses everything and writes down what it refused: the browser is pointed at it so that a
 * request that request interception does not see (Firefox's extension background page, for one) still cannot
 * reach the network and still shows up in the log. `ignoreHosts` are hosts the harness itself sent the
 * browser's own services to.
 */
export class BlockingProxy {
  readonly #server: Server;
  readonly #log: RequestRecord[];
  readonly #ignoreHosts: ReadonlySet<string>;

  private constructor(log: RequestRecord[], ignoreHosts: readonly string[]) {
    this.#log = log;
    this.#ignoreHosts = new Set(ignoreHosts);
    this.#server = createServer((request, response) => {
      // A plain-HTTP proxy request carries the absolute URL.
      this.#record(request.url ?? '');
      response.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the test harness');
    });
    this.#server.on('connect', (request, socket) => {
      // HTTPS and WebSocket-over-TLS: only host:port is visible.
      this.#record(`https://${request.url ?? ''}`);
      // A definite refusal: dropping the connection instead makes browsers retry it several times.
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
  }

  static async start(log: RequestRecord[], ignoreHosts: readonly string[] = []): Promise<BlockingProxy> {
    const proxy = new BlockingProxy(log, ignoreHosts);
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once('error', reject);
      proxy.#server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  #record(url: string): void {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // Not a URL: record it as it came.
    }
    if (this.#ignoreHosts.has(host)) return;
    this.#log.push({ url, fromExtension: null, initiator: null, outcome: 'escaped' });
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
