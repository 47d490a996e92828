import type { Runtime } from 'webextension-polyfill';
import type { ToContentMessage } from '../shared/messages';
import type { StorageAreaLike } from '../storage/keys';

/**
 * Everything the worker asks of the browser, and no more: index.ts passes the real browser (browserEnv.ts),
 * unit tests an in-memory one (test/helpers/fakeWorkerEnv.ts). Each module takes the part it uses, so that
 * what a module can touch is written in its signature. Shapes follow the WebExtension API (MDN), trimmed to
 * the arguments the worker passes.
 */

/** A browser event: the worker only ever adds listeners, at start, synchronously. */
export interface BrowserEvent<L extends (...args: never[]) => unknown> {
  addListener(listener: L): void;
}

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';

/** A storage area that can be closed to content scripts (Chrome's `StorageArea.setAccessLevel`). */
export interface RestrictableArea {
  setAccessLevel?(options: { accessLevel: AccessLevel }): Promise<void>;
}

export interface StorageEnv {
  local: StorageAreaLike;
  session: StorageAreaLike;
  /** Missing where the browser offers no `storage.sync`. */
  sync?: StorageAreaLike;
  /** Missing where the browser offers no `storage.managed`. */
  managed?: Pick<StorageAreaLike, 'get'>;
  onChanged: BrowserEvent<(changes: StorageChanges, area: string) => void>;
  /** The areas as the browser's own API gives them, for `setAccessLevel` (Chrome only). */
  restrictable: { local?: RestrictableArea; sync?: RestrictableArea };
}

export interface ActionEnv {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  /** Chrome only. */
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_end';
  persistAcrossSessions: boolean;
}

export interface ScriptingEnv {
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface PermissionsEnv {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
  onAdded: BrowserEvent<(added: { origins?: string[] }) => void>;
  onRemoved: BrowserEvent<(removed: { origins?: string[] }) => void>;
}

export interface TabsEnv {
  sendMessage(tabId: number, message: ToContentMessage): Promise<unknown>;
  query(query: { active: true; lastFocusedWindow?: true; windowId?: number }): Promise<Array<{ id?: number }>>;
  create(properties: { url: string; active: boolean }): Promise<unknown>;
  onRemoved: BrowserEvent<(tabId: number) => void>;
  onUpdated: BrowserEvent<(tabId: number, change: { status?: string; audible?: boolean }) => void>;
  onActivated: BrowserEvent<(info: { tabId: number; windowId: number }) => void>;
}

interface WindowsEnv {
  WINDOW_ID_NONE: number;
  getLastFocused(): Promise<{ id?: number; focused: boolean }>;
  onFocusChanged: BrowserEvent<(windowId: number) => void>;
}

export type IdleState = 'active' | 'idle' | 'locked';

interface IdleEnv {
  setDetectionInterval(seconds: number): void;
  queryState(seconds: number): Promise<IdleState>;
  onStateChanged: BrowserEvent<(state: IdleState) => void>;
}

interface AlarmsEnv {
  /** A repeating alarm (`periodInMinutes`) or a single one (`delayInMinutes`). */
  create(name: string, info: { periodInMinutes: number } | { delayInMinutes: number }): Promise<void> | void;
  onAlarm: BrowserEvent<(alarm: { name: string }) => void>;
}

export interface RuntimeEnv {
  id: string;
  getURL(path: string): string;
  onMessage: BrowserEvent<(raw: unknown, sender: Runtime.MessageSender) => Promise<unknown>>;
  onInstalled: BrowserEvent<(details: { reason: string }) => void>;
  onStartup: BrowserEvent<() => void>;
}

export interface WorkerEnv {
  runtime: RuntimeEnv;
  storage: StorageEnv;
  action: ActionEnv;
  scripting: ScriptingEnv;
  permissions: PermissionsEnv;
  tabs: TabsEnv;
  /** Missing on Firefox for Android (MDN browser-compat-data, webextensions.api.windows: firefox_android false). */
  windows?: WindowsEnv;
  idle: IdleEnv;
  alarms: AlarmsEnv;
  /** The clock: `Date.now` in the browser. */
  now(): number;
  /** Timers for bounded waits (the managed policy's first read): `setTimeout` in the browser. */
  setTimeout(callback: () => void, ms: number): unknown;
}
