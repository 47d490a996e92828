import type { Runtime } from 'webextension-polyfill';
import type {
  AccessLevel,
  BrowserEvent,
  IdleState,
  RegisteredScript,
  StorageChanges,
  WorkerEnv,
} from '../../src/background/env';
import type { Answer, MessageOf, MessageType, ReplyOf } from '../../src/shared/messages';
import type { StorageAreaLike } from '../../src/storage/keys';
import { FakeStorageArea } from './fakeArea';

/**
 * An in-memory browser for the worker (src/background/env.ts): storage areas that fire `storage.onChanged`
 * as the browser does, a toolbar button per tab, registered scripts, granted origins, tabs, windows, idle,
 * alarms and a clock the test moves. Events are fired by the test (`fire`), and answer with what the
 * listeners returned. Only for tests.
 */

export class FakeEvent<L extends (...args: never[]) => unknown> implements BrowserEvent<L> {
  readonly listeners: L[] = [];
  addListener(listener: L): void {
    this.listeners.push(listener);
  }
  /** Calls every listener as the browser would, and waits for what they return. */
  async fire(...args: Parameters<L>): Promise<unknown[]> {
    return Promise.all(this.listeners.map((listener) => listener(...args)));
  }
}

type ChangeListener = (changes: StorageChanges, area: string) => void;

/** A storage area that reports its writes to `storage.onChanged`, with old and new values. */
class ObservedArea implements StorageAreaLike {
  constructor(
    readonly inner: FakeStorageArea,
    private readonly name: string,
    private readonly onChanged: FakeEvent<ChangeListener>,
  ) {}
  get(keys?: string | string[] | null) {
    return this.inner.get(keys);
  }
  async set(items: Record<string, unknown>) {
    const before = await this.inner.get(Object.keys(items));
    await this.inner.set(items);
    const changes: StorageChanges = {};
    for (const [key, newValue] of Object.entries(items)) changes[key] = { oldValue: before[key], newValue };
    void this.onChanged.fire(changes, this.name);
  }
  async remove(keys: string | string[]) {
    const list = typeof keys === 'string' ? [keys] : keys;
    const before = await this.inner.get(list);
    await this.inner.remove(list);
    const changes: StorageChanges = {};
    for (const key of Object.keys(before)) changes[key] = { oldValue: before[key] };
    if (Object.keys(changes).length > 0) void this.onChanged.fire(changes, this.name);
  }
  /** Everything stored, for assertions. */
  all() {
    return this.inner.get(null);
  }
}

export interface BadgeShown {
  text: string;
  color: string;
  title: string;
  textColor?: string;
}

export interface FakeEnvOptions {
  local?: Record<string, unknown>;
  sync?: Record<string, unknown> | null;
  /** The administrator's policy; null for a browser without managed storage. */
  managed?: Record<string, unknown> | null;
  /** Origins granted at start. */
  origins?: string[];
  /** False for Firefox for Android: no windows API. */
  windows?: boolean;
  now?: number;
}

const EXTENSION_ID = 'ext-id';

/**
 * Waits until the work the listeners started without awaiting it (`void task()`, as the worker's listeners
 * must) has run: the fake answers at once, so everything pending is microtasks, done before the next timer.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
export const PAGES_URL = `chrome-extension://${EXTENSION_ID}/`;

export function fakeWorkerEnv(options: FakeEnvOptions = {}) {
  const clock = { now: options.now ?? Date.UTC(2026, 11, 3, 12, 0, 0) };
  const onChanged = new FakeEvent<ChangeListener>();
  const local = new ObservedArea(new FakeStorageArea(options.local ?? {}), 'local', onChanged);
  const session = new ObservedArea(new FakeStorageArea(), 'session', onChanged);
  const sync =
    options.sync === null ? undefined : new ObservedArea(new FakeStorageArea(options.sync ?? {}), 'sync', onChanged);
  const policy = options.managed === undefined ? {} : options.managed;
  const accessLevels: Array<{ area: string; accessLevel: AccessLevel }> = [];
  const restrictable = (area: string) => ({
    async setAccessLevel({ accessLevel }: { accessLevel: AccessLevel }) {
      accessLevels.push({ area, accessLevel });
    },
  });

  const badges = new Map<number, BadgeShown>();
  const badgeOf = (tabId: number) => {
    const shown = badges.get(tabId) ?? { text: '', color: '', title: '' };
    badges.set(tabId, shown);
    return shown;
  };

  const scripts = new Map<string, RegisteredScript>();
  const injected: Array<{ tabId: number; files: string[] }> = [];
  /** Tabs the extension may not inject into (a browser page, the web store). */
  const closedTabs = new Set<number>();
  const origins = new Set(options.origins ?? []);
  const sentToTabs: Array<{ tabId: number; message: unknown }> = [];
  const createdTabs: Array<{ url: string; active: boolean }> = [];
  const alarmsCreated: Array<{ name: string } & ({ periodInMinutes: number } | { delayInMinutes: number })> = [];
  const idle = { state: 'active' as IdleState, interval: 0 };
  const windowState = { focusedId: 1, activeTab: undefined as number | undefined };
  const timers: Array<{ at: number; callback: () => void }> = [];

  const events = {
    onMessage: new FakeEvent<(raw: unknown, sender: Runtime.MessageSender) => Promise<unknown>>(),
    onInstalled: new FakeEvent<(details: { reason: string }) => void>(),
    onStartup: new FakeEvent<() => void>(),
    permissionsAdded: new FakeEvent<(added: { origins?: string[] }) => void>(),
    permissionsRemoved: new FakeEvent<(removed: { origins?: string[] }) => void>(),
    tabRemoved: new FakeEvent<(tabId: number) => void>(),
    tabUpdated: new FakeEvent<(tabId: number, change: { status?: string; audible?: boolean }) => void>(),
    tabActivated: new FakeEvent<(info: { tabId: number; windowId: number }) => void>(),
    focusChanged: new FakeEvent<(windowId: number) => void>(),
    idleChanged: new FakeEvent<(state: IdleState) => void>(),
    alarm: new FakeEvent<(alarm: { name: string }) => void>(),
  };

  const env: WorkerEnv = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path) => `${PAGES_URL}${path}`,
      onMessage: events.onMessage,
      onInstalled: events.onInstalled,
      onStartup: events.onStartup,
    },
    storage: {
      local,
      session,
      sync,
      managed:
        policy === null
          ? undefined
          : {
              async get() {
                return structuredClone(policy);
              },
            },
      onChanged,
      restrictable: { local: restrictable('local'), sync: restrictable('sync') },
    },
    action: {
      async setBadgeText({ tabId, text }) {
        badgeOf(tabId).text = text;
      },
      async setBadgeBackgroundColor({ tabId, color }) {
        badgeOf(tabId).color = color;
      },
      async setTitle({ tabId, title }) {
        badgeOf(tabId).title = title;
      },
      async setBadgeTextColor({ tabId, color }) {
        badgeOf(tabId).textColor = color;
      },
    },
    scripting: {
      async executeScript({ target, files }) {
        if (closedTabs.has(target.tabId)) throw new Error('Cannot access contents of the page');
        injected.push({ tabId: target.tabId, files });
        return [];
      },
      async getRegisteredContentScripts({ ids }) {
        return ids.filter((id) => scripts.has(id)).map((id) => ({ id }));
      },
      async registerContentScripts(list) {
        for (const script of list) {
          if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          scripts.set(script.id, structuredClone(script));
        }
      },
      async unregisterContentScripts({ ids }) {
        for (const id of ids) scripts.delete(id);
      },
    },
    permissions: {
      async contains({ origins: wanted }) {
        return wanted.every((origin) => origins.has(origin));
      },
      async getAll() {
        return { origins: [...origins] };
      },
      onAdded: events.permissionsAdded,
      onRemoved: events.permissionsRemoved,
    },
    tabs: {
      async sendMessage(tabId, message) {
        sentToTabs.push({ tabId, message });
      },
      async query() {
        return windowState.activeTab === undefined ? [] : [{ id: windowState.activeTab }];
      },
      async create(properties) {
        createdTabs.push(properties);
      },
      onRemoved: events.tabRemoved,
      onUpdated: events.tabUpdated,
      onActivated: events.tabActivated,
    },
    windows:
      options.windows === false
        ? undefined
        : {
            WINDOW_ID_NONE: -1,
            async getLastFocused() {
              return { id: windowState.focusedId, focused: windowState.focusedId !== -1 };
            },
            onFocusChanged: events.focusChanged,
          },
    idle: {
      setDetectionInterval(seconds) {
        idle.interval = seconds;
      },
      async queryState() {
        return idle.state;
      },
      onStateChanged: events.idleChanged,
    },
    alarms: {
      create(name, info) {
        alarmsCreated.push({ name, ...info });
      },
      onAlarm: events.alarm,
    },
    now: () => clock.now,
    setTimeout(callback, ms) {
      timers.push({ at: clock.now + ms, callback });
    },
  };

  return {
    env,
    onChanged,
    local,
    session,
    sync,
    events,
    badges,
    scripts,
    injected,
    closedTabs,
    origins,
    sentToTabs,
    createdTabs,
    alarmsCreated,
    accessLevels,
    idle,
    windowState,
    /** Moves the clock and runs the timers that are due. */
    advance(ms: number) {
      clock.now += ms;
      for (const timer of timers.filter((t) => t.at <= clock.now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
    /** Grants origins as the user would in the browser's prompt, and tells the worker. */
    async grant(...granted: string[]) {
      for (const origin of granted) origins.add(origin);
      await events.permissionsAdded.fire({ origins: granted });
      await settle();
    },
    async revoke(...revoked: string[]) {
      for (const origin of revoked) origins.delete(origin);
      await events.permissionsRemoved.fire({ origins: revoked });
      await settle();
    },
    settle,
  };
}

export type FakeWorkerEnv = ReturnType<typeof fakeWorkerEnv>;

/** The extension's popup or options page, as a sender. */
export const pageSender: Runtime.MessageSender = { id: EXTENSION_ID, url: `${PAGES_URL}src/popup/index.html` };

/** The extension's content script in a tab's top frame. */
export function tabSender(tabId: number, url: string): Runtime.MessageSender {
  return {
    id: EXTENSION_ID,
    url,
    frameId: 0,
    tab: { id: tabId, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  };
}

/** Sends a message as the browser delivers it to the worker's `runtime.onMessage` listener, and its answer. */
export async function sendToWorker<K extends MessageType>(
  fake: FakeWorkerEnv,
  message: MessageOf<K>,
  sender: Runtime.MessageSender = pageSender,
): Promise<Answer<ReplyOf<K>>> {
  const [answer] = await fake.events.onMessage.fire(message, sender);
  return answer as Answer<ReplyOf<K>>;
}

/** The reply of an accepted message; fails the test with the refusal's reason otherwise. */
export async function ask<K extends MessageType>(
  fake: FakeWorkerEnv,
  message: MessageOf<K>,
  sender?: Runtime.MessageSender,
): Promise<ReplyOf<K>> {
  const answer = await sendToWorker(fake, message, sender);
  if (!answer.ok) throw new Error(`${message.type} refused: ${answer.error}`);
  return answer.value;
}
