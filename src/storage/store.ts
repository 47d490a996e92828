import { isValidVersion, migrate, type RawData, storedVersion } from './migrations';
import {
  CUSTOM_SITES_MAX,
  type CustomSite,
  DEFAULT_SETTINGS,
  defaultData,
  isCustomSite,
  isDefaultSitePrefs,
  isDomainShape,
  isRecord,
  isRetentionDays,
  isSettings,
  isSitePrefs,
  type ResolvedSitePrefs,
  resolveSitePrefs,
  SCHEMA_VERSION,
  type Settings,
  type SitePrefs,
  type StoredData,
  userCustomSite,
} from './schema';

/** The subset of `storage.StorageArea` the store uses, so tests can pass an in-memory one. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const DATA_KEYS = ['schemaVersion', 'settings', 'sites', 'customSites'] as const;
export const BACKUP_PREFIX = 'backup:';
/** Backups of `storage.sync` items are kept in `storage.local` under this marker: sync has no room for them. */
const SYNC_BACKUP_MARKER = 'sync:';

export type AreaName = 'local' | 'sync';

/** A stored value that failed validation. */
export interface StorageProblem {
  /** The storage key of the value (`settings`, `note:example.com`, ...). */
  key: string;
  area: AreaName;
  /** Where the original value was copied; null when it was left in place (see notes.ts). */
  backupKey: string | null;
  /** What was wrong, in plain words, for the options page. */
  reason: string;
}

export interface LoadResult {
  data: StoredData;
  /** Values that failed validation and were moved aside under a backup key. */
  problems: Array<StorageProblem & { backupKey: string }>;
  /** The version the data was stored with; above SCHEMA_VERSION nothing is written back. */
  fromVersion: number;
}

export function backupKeyFor(key: string, at: number, area: AreaName = 'local'): string {
  return `${BACKUP_PREFIX}${area === 'sync' ? SYNC_BACKUP_MARKER : ''}${key}:${at}`;
}

export interface BackupEntry {
  backupKey: string;
  /** The key the value was stored under. */
  key: string;
  /** The area the value came from; backups themselves always live in `storage.local`. */
  area: AreaName;
  at: number;
  value: unknown;
}

export function parseBackupKey(backupKey: string): Omit<BackupEntry, 'value'> | null {
  if (!backupKey.startsWith(BACKUP_PREFIX)) return null;
  let rest = backupKey.slice(BACKUP_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  const at = Number(rest.slice(colon + 1));
  if (colon <= 0 || !Number.isSafeInteger(at)) return null;
  rest = rest.slice(0, colon);
  const area: AreaName = rest.startsWith(SYNC_BACKUP_MARKER) ? 'sync' : 'local';
  const key = area === 'sync' ? rest.slice(SYNC_BACKUP_MARKER.length) : rest;
  return key ? { backupKey, key, area, at } : null;
}

/** Every value that was moved aside, newest first, for the options page to show (and offer to delete). */
export async function listBackups(area: StorageAreaLike): Promise<BackupEntry[]> {
  const all = await area.get(null);
  const entries: BackupEntry[] = [];
  for (const [backupKey, value] of Object.entries(all)) {
    const parsed = parseBackupKey(backupKey);
    if (parsed) entries.push({ ...parsed, value });
  }
  return entries.sort((a, b) => b.at - a.at || a.backupKey.localeCompare(b.backupKey));
}

export async function deleteBackup(area: StorageAreaLike, backupKey: string): Promise<void> {
  if (!backupKey.startsWith(BACKUP_PREFIX)) throw new TypeError(`Not a backup key: ${backupKey}`);
  await area.remove(backupKey);
}

/**
 * Reads, migrates and validates the stored data. A value that fails validation is copied, as it was before
 * any migration, to a backup key; what was valid in it is kept and the rest falls back to defaults, so
 * nothing is silently dropped and the options page can show what happened.
 */
export async function loadData(area: StorageAreaLike, now = Date.now()): Promise<LoadResult> {
  const raw = (await area.get([...DATA_KEYS])) as RawData;
  const fromVersion = storedVersion(raw);
  if (fromVersion > SCHEMA_VERSION) {
    // Written by a newer version of the extension: read what is valid, write nothing back.
    return { data: validated(raw).data, problems: [], fromVersion };
  }
  const migrated = migrate(raw);
  const { data, invalid } = validated(migrated);
  if (raw.schemaVersion !== undefined && !isValidVersion(raw.schemaVersion)) {
    invalid.unshift({ key: 'schemaVersion', reason: 'not a version number; read as unversioned data' });
  }
  const problems: LoadResult['problems'] = [];
  const writes: Record<string, unknown> = {};
  for (const { key, reason } of invalid) {
    const backupKey = backupKeyFor(key, now);
    writes[backupKey] = raw[key];
    problems.push({ key, area: 'local', backupKey, reason });
  }
  if (fromVersion !== SCHEMA_VERSION || invalid.length > 0) {
    Object.assign(writes, data);
    await area.set(writes);
  }
  return { data, problems, fromVersion };
}

interface Invalid {
  key: string;
  reason: string;
}

function validated(raw: RawData): { data: StoredData; invalid: Invalid[] } {
  const data = defaultData();
  const invalid: Invalid[] = [];
  if (raw.settings !== undefined) {
    const { value, errors } = salvageSettings(raw.settings);
    data.settings = value;
    if (errors.length > 0) invalid.push({ key: 'settings', reason: errors.join('; ') });
  }
  if (raw.sites !== undefined) {
    const { value, errors } = salvageSites(raw.sites);
    data.sites = value;
    if (errors.length > 0) invalid.push({ key: 'sites', reason: errors.join('; ') });
  }
  if (raw.customSites !== undefined) {
    const { value, errors } = salvageCustomSites(raw.customSites);
    data.customSites = value;
    if (errors.length > 0) invalid.push({ key: 'customSites', reason: errors.join('; ') });
  }
  return { data, invalid };
}

interface Salvaged<T> {
  value: T;
  errors: string[];
}

/** Keeps each valid field: one bad field should not reset the others. */
function salvageSettings(raw: unknown): Salvaged<Settings> {
  const value: Settings = { ...DEFAULT_SETTINGS };
  if (!isRecord(raw)) return { value, errors: ['not an object'] };
  const errors: string[] = [];
  if (typeof raw.allSites === 'boolean') value.allSites = raw.allSites;
  else errors.push('allSites is not true or false');
  if (typeof raw.sync === 'boolean') value.sync = raw.sync;
  else errors.push('sync is not true or false');
  if (isRetentionDays(raw.retentionDays)) value.retentionDays = raw.retentionDays;
  else errors.push('retentionDays is not a whole number of days from 1 to 3650');
  if (raw.disabledFeatures !== undefined) errors.push('disabledFeatures is set only by an administrator');
  return { value, errors };
}

function salvageSites(raw: unknown): Salvaged<Record<string, ResolvedSitePrefs>> {
  const value: Record<string, ResolvedSitePrefs> = {};
  if (!isRecord(raw)) return { value, errors: ['not an object'] };
  const errors: string[] = [];
  for (const [domain, prefs] of Object.entries(raw)) {
    const shown = domain.slice(0, 80);
    if (!isDomainShape(domain)) errors.push(`"${shown}" is not a registrable domain`);
    else if (!isSitePrefs(prefs)) errors.push(`the preferences of ${domain} are malformed`);
    else value[domain] = resolveSitePrefs(prefs);
  }
  return { value, errors };
}

function salvageCustomSites(raw: unknown): Salvaged<CustomSite[]> {
  if (!Array.isArray(raw)) return { value: [], errors: ['not a list'] };
  const value: CustomSite[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  raw.forEach((site, index) => {
    if (!isCustomSite(site) || site.managed === true) errors.push(`entry ${index} is malformed`);
    else if (seen.has(site.domain)) errors.push(`entry ${index} repeats ${site.domain}`);
    else if (value.length >= CUSTOM_SITES_MAX) errors.push(`entry ${index} is past the limit of ${CUSTOM_SITES_MAX}`);
    else {
      seen.add(site.domain);
      value.push(userCustomSite(site));
    }
  });
  return { value, errors };
}

export async function sitePrefs(area: StorageAreaLike, domain: string): Promise<ResolvedSitePrefs> {
  const { data } = await loadData(area);
  return resolveSitePrefs(data.sites[domain]);
}

/**
 * Changes one site's preferences. Throws a TypeError for a key that is not a registrable domain or a change
 * that does not validate: such a value would only be moved aside at the next read.
 */
export async function updateSitePrefs(
  area: StorageAreaLike,
  domain: string,
  change: Partial<SitePrefs>,
): Promise<ResolvedSitePrefs> {
  const shown = String(domain).slice(0, 80);
  if (!isDomainShape(domain)) throw new TypeError(`Not a registrable domain: ${shown}`);
  const { data } = await loadData(area);
  const merged = { ...resolveSitePrefs(data.sites[domain]), ...definedFields(change) };
  if (!isSitePrefs(merged)) throw new TypeError('Invalid site preferences');
  const next = resolveSitePrefs(merged);
  const sites = { ...data.sites };
  if (isDefaultSitePrefs(next)) delete sites[domain];
  else sites[domain] = next;
  await area.set({ sites });
  return next;
}

/**
 * Changes settings. Turning `sync` on or off moves notes between areas: use `setSyncEnabled` (notes.ts) for
 * that, not this. Throws a RangeError for a value out of range.
 */
export async function updateSettings(area: StorageAreaLike, change: Partial<Settings>): Promise<Settings> {
  const { data } = await loadData(area);
  const merged = { ...data.settings, ...definedFields(change) };
  if (!isSettings(merged)) throw new RangeError('Invalid settings');
  const settings: Settings = { allSites: merged.allSites, sync: merged.sync, retentionDays: merged.retentionDays };
  await area.set({ settings });
  return settings;
}

/** The user's own custom sites (see managed.ts for the merged list with the administrator's). */
export async function listCustomSites(area: StorageAreaLike): Promise<CustomSite[]> {
  return (await loadData(area)).data.customSites;
}

/** Adds a custom site, or replaces the one with the same domain. Throws a TypeError for an invalid one. */
export async function saveCustomSite(area: StorageAreaLike, site: CustomSite): Promise<CustomSite[]> {
  const entry = userCustomSite({ ...site, name: typeof site.name === 'string' ? site.name.trim() : site.name });
  if (!isCustomSite(entry)) throw new TypeError('Invalid custom site');
  const { data } = await loadData(area);
  const index = data.customSites.findIndex((s) => s.domain === entry.domain);
  const customSites = [...data.customSites];
  if (index >= 0) customSites[index] = entry;
  else if (customSites.length >= CUSTOM_SITES_MAX) throw new RangeError(`At most ${CUSTOM_SITES_MAX} custom sites`);
  else customSites.push(entry);
  await area.set({ customSites });
  return customSites;
}

/** Removes one of the user's custom sites; false if there was none (managed sites are never stored here). */
export async function removeCustomSite(area: StorageAreaLike, domain: string): Promise<boolean> {
  const { data } = await loadData(area);
  const customSites = data.customSites.filter((s) => s.domain !== domain);
  if (customSites.length === data.customSites.length) return false;
  await area.set({ customSites });
  return true;
}

/** `{ a: undefined }` in a change means "no change", not "erase". */
function definedFields<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<T>;
}
