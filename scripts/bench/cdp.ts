import WebSocket from 'ws';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * A minimal Chrome DevTools Protocol client over the browser's own WebSocket endpoint, in flat session mode.
 * Playwright's CDP sessions attach to pages only; the extension's service worker needs a session of its own
 * for its heap and its CPU profile.
 */
export class RawCdp {
  readonly #ws: WebSocket;
  readonly #pending = new Map<number, Pending>();
  #next = 0;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; error?: { message: string }; result?: unknown };
      if (message.id === undefined) return;
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    });
    ws.on('close', () => {
      for (const pending of this.#pending.values()) pending.reject(new Error('CDP connection closed'));
      this.#pending.clear();
    });
  }

  static async connect(url: string): Promise<RawCdp> {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawCdp(ws);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** A flat session on the first target that `pick` accepts. */
  async attach(pick: (target: TargetInfo) => boolean): Promise<string | null> {
    const { targetInfos } = await this.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
    const target = targetInfos.find(pick);
    if (!target) return null;
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: true,
    });
    return sessionId;
  }

  close(): void {
    this.#ws.close();
  }
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}
