import { DEFAULT_SETTINGS, DEFAULT_SITE_PREFS, isRecord, SCHEMA_VERSION } from './schema';

/** A stored snapshot of any version, before validation. */
export type RawData = Record<string, unknown>;

/**
 * Ordered migrations: `MIGRATIONS[n]` turns data of version n into version n + 1. Each is pure and total:
 * it never throws on odd input, it leaves what it does not understand for validation to report (and back up).
 * Only the keys of `DATA_KEYS` (keys.ts) pass through here; notes have their own keys and no version of their own yet.
 */
export const MIGRATIONS: ReadonlyArray<(data: RawData) => RawData> = [
  // 0 -> 1: before versioning nothing was stored; start from defaults and keep anything present.
  (data) => ({ ...data, schemaVersion: 1 }),
  // 1 -> 2: settings gain `sync` and `retentionDays`, each site gains `reminder`, custom sites appear.
  (data) => {
    const next: RawData = { ...data, schemaVersion: 2 };
    if (isRecord(data.settings)) {
      next.settings = {
        sync: DEFAULT_SETTINGS.sync,
        retentionDays: DEFAULT_SETTINGS.retentionDays,
        ...data.settings,
      };
    }
    if (isRecord(data.sites)) {
      next.sites = Object.fromEntries(
        Object.entries(data.sites).map(([domain, prefs]) => [
          domain,
          isRecord(prefs) ? { reminder: DEFAULT_SITE_PREFS.reminder, ...prefs } : prefs,
        ]),
      );
    }
    if (data.customSites === undefined) next.customSites = [];
    return next;
  },
  // 2 -> 3: `settings.allSites` goes: the `<all_urls>` permission itself says whether every site is labelled
  // (options/AllSitesSetting.tsx), and a stored flag beside it only ever disagreed with it.
  (data) => {
    const next: RawData = { ...data, schemaVersion: 3 };
    if (isRecord(data.settings)) {
      const { allSites: _dropped, ...settings } = data.settings;
      next.settings = settings;
    }
    return next;
  },
];

/** The version a snapshot claims; anything that is not a whole number >= 0 counts as unversioned (0). */
export function storedVersion(data: RawData): number {
  const version = data.schemaVersion;
  return isValidVersion(version) ? version : 0;
}

export function isValidVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function migrate(data: RawData): RawData {
  let current = data;
  for (let version = storedVersion(current); version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
  }
  return current;
}
