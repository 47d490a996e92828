import type Browser from 'webextension-polyfill';
import { hostOriginsOf } from '../shared/origins';
import { createSend, type Send } from '../shared/send';
import { type BackupEntry, listBackups } from '../storage/backups';
import { KEYS, type StorageAreaLike } from '../storage/keys';
import { EMPTY_POLICY, type ManagedRead, readManaged } from '../storage/managed';
import { listNotes, listNotices, type NoteAreas } from '../storage/notes';
import type { AreaName, StorageProblem } from '../storage/problems';
import type { Note, Notice, StoredData } from '../storage/schema';
import { loadData } from '../storage/store';
import { type ExportFile, exportData, readCurrent, type TransferData } from '../storage/transfer';
import { localDayOf } from '../usage/accounting';
import type { UsageTotals } from '../usage/schema';
import { restoreTotals } from '../usage/totals';
import { downloadText } from './download';

/** Every note with the area it was read from, and the notices about notes that could not go to sync. */
export interface NotesView {
  notes: Note[];
  /** Where each note (by its storage key) is kept. */
  areas: Record<string, AreaName>;
  notices: Notice[];
  /** Notes that could not be read: a long note whose sync parts have not all arrived is listed with this. */
  problems: StorageProblem[];
}

/**
 * Everything the options page asks of the browser, behind one interface so that component tests can pass a
 * fake. Reads go straight to storage through the storage modules; every write is a message to the worker
 * (src/shared/messages.ts), which checks it and owns the write.
 */
export interface OptionsApi {
  listNotes(): Promise<NotesView>;
  loadData(): Promise<StoredData>;
  readManaged(): Promise<ManagedRead>;
  /** False where the browser offers no `storage.sync`. */
  syncAvailable(): boolean;
  /**
   * True where `storage.sync` exists but never leaves the device: Firefox for Android (MDN browser-compat-data,
   * webextensions.api.storage.sync: "Data isn't synchronized with the user's Mozilla account").
   */
  syncStaysLocal?(): Promise<boolean>;
  listBackups(): Promise<BackupEntry[]>;
  listNotices(): Promise<Notice[]>;
  /** `usage`: include the usage records. */
  exportData(options?: { usage?: boolean }): Promise<ExportFile>;
  /** The usage totals as stored (validated), for what lowering the retention would delete. */
  readUsageTotals(): Promise<UsageTotals>;
  /** The local calendar day now, `YYYY-MM-DD`, as usage names days. */
  today(): string;
  /** What an import is compared with (transfer.ts `readCurrent`). */
  readCurrent(): Promise<TransferData>;
  /** One write to the worker; resolves to its reply, rejects (MessageRefused) when the worker refuses or fails. */
  send: Send;
  /**
   * Asks for the host permission a custom site's content script needs. Must be called straight from the
   * click or submit handler, before anything is awaited: browsers only prompt for a user gesture.
   */
  requestSiteAccess(domain: string): Promise<boolean>;
  hasSiteAccess(domain: string): Promise<boolean>;
  /** Gives the custom site's host permission back (not while every site is allowed: that covers it). */
  releaseSiteAccess(domain: string): Promise<void>;
  /** Saves `text` as a file the user downloads. */
  download(fileName: string, text: string, type?: string): void;
  /** Calls back after stored data changed (from this page, the popup or another device). */
  onChange(callback: () => void): () => void;
  now(): number;
}

/** The parts of the WebExtension API the page uses (webextension-polyfill's `browser`). */
export type ExtensionApi = Pick<Browser.Browser, 'storage' | 'runtime' | 'permissions'>;

const ALL_SITES = { origins: ['<all_urls>'] };
const CHANGE_DELAY_MS = 150;
/** How long the page waits for the administrator's policy before it shows the user's data without it. */
const MANAGED_WAIT_MS = 800;

/**
 * The real OptionsApi. The browser object and the custom sites' origins (background/dynamicScripts.ts) are
 * passed in by main.tsx, so that the sections, which import this module, load without extension APIs (tests).
 */
export function createBrowserOptionsApi(browser: ExtensionApi, siteOrigins: (domain: string) => string[]): OptionsApi {
  const local = () => browser.storage.local as unknown as StorageAreaLike;
  const sync = () => (browser.storage as { sync?: unknown }).sync as StorageAreaLike | undefined;
  const managed = () => (browser.storage as { managed?: unknown }).managed as Parameters<typeof readManaged>[0];
  const changeListeners = new Set<() => void>();
  const send = createSend((message) => browser.runtime.sendMessage(message));
  let managedKnown = false;
  // The first read of managed storage can take seconds (Chromium loads the policies first): the page does not
  // wait for it, since the worker applies the policy to every write anyway, and shows it once it is known.
  const readPolicy = async (): Promise<ManagedRead> => {
    const read = readManaged(managed());
    if (managedKnown) return read;
    const early = await Promise.race([read, new Promise<null>((done) => setTimeout(done, MANAGED_WAIT_MS, null))]);
    if (early) {
      managedKnown = true;
      return early;
    }
    void read.then(() => {
      if (managedKnown) return;
      managedKnown = true;
      for (const listener of changeListeners) listener();
    });
    return { policy: { ...EMPTY_POLICY, customSites: [] }, problems: [], available: false };
  };
  const noteAreas = async (): Promise<NoteAreas> => ({
    local: local(),
    sync: sync(),
    policy: (await readPolicy()).policy,
  });

  return {
    async listNotes() {
      const read = await listNotes(await noteAreas());
      return { notes: read.notes, areas: read.areas, notices: await listNotices(local()), problems: read.problems };
    },
    async loadData() {
      return (await loadData(local())).data;
    },
    readManaged: readPolicy,
    syncAvailable: () => sync() !== undefined,
    async syncStaysLocal() {
      const info = await browser.runtime.getPlatformInfo().catch(() => null);
      return info?.os === 'android';
    },
    listBackups: () => listBackups(local()),
    listNotices: () => listNotices(local()),
    async exportData(options) {
      return exportData(await noteAreas(), options);
    },
    async readUsageTotals() {
      return restoreTotals((await local().get(KEYS.usageTotals.key))[KEYS.usageTotals.key]);
    },
    today: () => localDayOf(Date.now()),
    async readCurrent() {
      return readCurrent(await noteAreas());
    },
    send,
    requestSiteAccess: (domain) => browser.permissions.request({ origins: siteOrigins(domain) }),
    // A site labelled automatically from the popup holds its one host's permission instead.
    async hasSiteAccess(domain) {
      if (await browser.permissions.contains({ origins: siteOrigins(domain) })) return true;
      return hostOriginsOf((await browser.permissions.getAll()).origins ?? [], domain).length > 0;
    },
    async releaseSiteAccess(domain) {
      if (await browser.permissions.contains(ALL_SITES)) return;
      const hosts = hostOriginsOf((await browser.permissions.getAll()).origins ?? [], domain);
      await browser.permissions.remove({ origins: [...siteOrigins(domain), ...hosts] });
    },
    download(fileName, text, type = 'application/json') {
      downloadText(document, fileName, text, type);
    },
    onChange(callback) {
      let timer: ReturnType<typeof setTimeout> | null = null;
      // One refresh for a burst of changes (a long note in sync is several items).
      const listener = (_changes: unknown, area: string) => {
        if (area !== 'local' && area !== 'sync' && area !== 'managed') return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(callback, CHANGE_DELAY_MS);
      };
      const permissions = () => callback();
      changeListeners.add(callback);
      browser.storage.onChanged.addListener(listener);
      browser.permissions.onAdded.addListener(permissions);
      browser.permissions.onRemoved.addListener(permissions);
      return () => {
        if (timer) clearTimeout(timer);
        changeListeners.delete(callback);
        browser.storage.onChanged.removeListener(listener);
        browser.permissions.onAdded.removeListener(permissions);
        browser.permissions.onRemoved.removeListener(permissions);
      };
    },
    now: () => Date.now(),
  };
}
