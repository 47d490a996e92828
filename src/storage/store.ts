import { migrate, type RawData, storedVersion } from './migrations';
import {
  DEFAULT_SETTINGS,
  DEFAULT_SITE_PREFS,
  defaultData,
  isSettings,
  isSites,
  SCHEMA_VERSION,
  type Settings,
  type SitePrefs,
  type StoredData,
} from './schema';

/** The subset of `storage.StorageArea` the store uses, so tests can pass an in-memory one. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const DATA_KEYS = ['schemaVersion', 'settings', 'sites'] as const;
export const BACKUP_PREFIX = 'backup:';

export interface LoadResult {
  data: StoredData;
  /** Values that failed validation and were moved aside under a backup key. */
  problems: Array<{ key: string; backupKey: string }>;
}

/**
 * Reads, migrates and validates the stored data. A value that fails validation is copied to a backup key
 * and replaced by its default, so nothing is silently dropped and the options page can show what happened.
 */
export async function loadData(area: StorageAreaLike, now = Date.now()): Promise<LoadResult> {
  const raw = (await area.get([...DATA_KEYS])) as RawData;
  const fromVersion = storedVersion(raw);
  if (fromVersion > SCHEMA_VERSION) {
    // Written by a newer version of the extension: read what is valid, write nothing back.
    return { data: validated(raw).data, problems: [] };
  }
  const migrated = migrate(raw);
  const { data, invalid } = validated(migrated);
  const problems: LoadResult['problems'] = [];
  const writes: Record<string, unknown> = {};
  for (const key of invalid) {
    const backupKey = `${BACKUP_PREFIX}${key}:${now}`;
    writes[backupKey] = raw[key];
    problems.push({ key, backupKey });
  }
  if (fromVersion !== SCHEMA_VERSION || invalid.length > 0) {
    Object.assign(writes, data);
    await area.set(writes);
  }
  return { data, problems };
}

function validated(raw: RawData): { data: StoredData; invalid: string[] } {
  const data = defaultData();
  const invalid: string[] = [];
  if (raw.settings !== undefined) {
    if (isSettings(raw.settings)) data.settings = { ...DEFAULT_SETTINGS, ...raw.settings };
    else invalid.push('settings');
  }
  if (raw.sites !== undefined) {
    if (isSites(raw.sites)) data.sites = raw.sites;
    else invalid.push('sites');
  }
  return { data, invalid };
}

export async function sitePrefs(area: StorageAreaLike, domain: string): Promise<SitePrefs> {
  const { data } = await loadData(area);
  return { ...DEFAULT_SITE_PREFS, ...data.sites[domain] };
}

export async function updateSitePrefs(
  area: StorageAreaLike,
  domain: string,
  change: Partial<SitePrefs>,
): Promise<SitePrefs> {
  const { data } = await loadData(area);
  const next = { ...DEFAULT_SITE_PREFS, ...data.sites[domain], ...change };
  const sites = { ...data.sites };
  if (next.labeling === DEFAULT_SITE_PREFS.labeling && next.override === DEFAULT_SITE_PREFS.override) {
    delete sites[domain];
  } else {
    sites[domain] = next;
  }
  await area.set({ sites });
  return next;
}

export async function updateSettings(area: StorageAreaLike, change: Partial<Settings>): Promise<Settings> {
  const { data } = await loadData(area);
  const settings = { ...data.settings, ...change };
  await area.set({ settings });
  return settings;
}
