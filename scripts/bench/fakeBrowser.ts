/**
 * An in-memory `browser` for running the real service-worker modules in Node (session.ts): storage areas that
 * copy values as the browser's do and count every write, events the simulation fires, and the few tab,
 * action, alarm, idle, window, permission and scripting calls the worker makes. Nothing here decides anything
 * the worker would: it stores, answers and records.
 */
type Listener = (...args: never[]) => unknown;

export class FakeEvent {
  readonly listeners: Listener[] = [];
  addListener(listener: Listener): void {
    this.listeners.push(listener);
  }
  removeListener(listener: Listener): void {
    const at = this.listeners.indexOf(listener);
    if (at >= 0) this.listeners.splice(at, 1);
  }
  hasListener(listener: Listener): boolean {
    return this.listeners.includes(listener);
  }
  /** Calls every listener; answers their results (promises included) for the caller to wait on. */
  fire(...args: unknown[]): unknown[] {
    return this.listeners.map((listener) => {
      try {
        return (listener as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        return Promise.reject(error);
      }
    });
  }
}

/** Writes (set or remove calls) per area and per minute of the clock: counts only, so that the log adds no heap. */
export class WriteLog {
  readonly perMinute = new Map<string, number[]>();
  constructor(private readonly startedAt: number) {}
  add(area: string, at: number): void {
    const counts = this.perMinute.get(area) ?? [];
    const minute = Math.floor((at - this.startedAt) / 60_000);
    counts[minute] = (counts[minute] ?? 0) + 1;
    this.perMinute.set(area, counts);
  }
  /** The first `minutes` minutes' counts of an area, zero where it wrote nothing. */
  counts(area: string, minutes: number): number[] {
    const counts = this.perMinute.get(area) ?? [];
    return Array.from({ length: minutes }, (_, i) => counts[i] ?? 0);
  }
}

export class FakeArea {
  readonly #data = new Map<string, unknown>();
  constructor(
    readonly name: string,
    private readonly changed: FakeEvent,
    private readonly writes: WriteLog,
    private readonly now: () => number,
  ) {}

  async get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      for (const [k, v] of this.#data) out[k] = structuredClone(v);
      return out;
    }
    const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
    const list = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    for (const k of list) {
      if (this.#data.has(k)) out[k] = structuredClone(this.#data.get(k));
      else if (k in defaults) out[k] = defaults[k];
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) {
      changes[k] = { oldValue: this.#data.get(k), newValue: structuredClone(v) };
      this.#data.set(k, structuredClone(v));
    }
    this.writes.add(this.name, this.now());
    this.changed.fire(changes, this.name);
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const k of list) {
      if (!this.#data.has(k)) continue;
      changes[k] = { oldValue: this.#data.get(k) };
      this.#data.delete(k);
    }
    this.writes.add(this.name, this.now());
    if (Object.keys(changes).length) this.changed.fire(changes, this.name);
  }

  async clear(): Promise<void> {
    await this.remove([...this.#data.keys()]);
  }

  /** Bytes a JSON copy of everything takes: what the area holds at the end of the session. */
  bytes(): number {
    return JSON.stringify(Object.fromEntries(this.#data)).length;
  }
}

export interface FakeTab {
  id: number;
  windowId: number;
  url: string;
  active: boolean;
}

export function fakeBrowser(now: () => number) {
  const writes = new WriteLog(now());
  const onChanged = new FakeEvent();
  const area = (name: string) => new FakeArea(name, onChanged, writes, now);
  const tabs = new Map<number, FakeTab>();
  const badges = new Map<number, string>();
  const ignore = async () => {};
  const api = {
    runtime: {
      id: 'reach-or-relate-bench',
      getURL: (path: string) => `chrome-extension://reach-or-relate-bench/${path}`,
      onMessage: new FakeEvent(),
      onInstalled: new FakeEvent(),
      onStartup: new FakeEvent(),
    },
    storage: {
      local: area('local'),
      session: area('session'),
      sync: area('sync'),
      managed: { get: async () => ({}) },
      onChanged,
    },
    tabs: {
      onRemoved: new FakeEvent(),
      onUpdated: new FakeEvent(),
      onActivated: new FakeEvent(),
      get: async (id: number) => tabs.get(id),
      // A tab the worker opens (the welcome page on install) is not one of the session's tabs.
      create: async ({ url }: { url: string }) => ({ id: 1000, windowId: 1, url, active: false }),
      query: async (q: { active?: boolean }) =>
        [...tabs.values()].filter((t) => q.active === undefined || t.active === q.active),
      sendMessage: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    windows: {
      WINDOW_ID_NONE: -1,
      getLastFocused: async () => ({ id: 1, focused: true }),
      onFocusChanged: new FakeEvent(),
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text),
      setBadgeBackgroundColor: ignore,
      setBadgeTextColor: ignore,
      setTitle: ignore,
    },
    alarms: { create: ignore, onAlarm: new FakeEvent() },
    idle: { setDetectionInterval: () => {}, queryState: async () => 'active', onStateChanged: new FakeEvent() },
    permissions: {
      contains: async () => false,
      getAll: async () => ({ origins: [], permissions: [] }),
      onAdded: new FakeEvent(),
      onRemoved: new FakeEvent(),
    },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: ignore,
      unregisterContentScripts: ignore,
      executeScript: async () => [],
    },
  };
  return { api, writes, tabs, badges };
}
