import * as v from 'valibot';
import { backupItem, backupKeyFor, existingBackup } from './backups';
import { DATA_KEYS, type DataKey, item, KEYS, type StorageAreaLike } from './keys';
import { CUSTOM_SITES_MAX } from './limits';
import { isValidVersion, migrate, type RawData, storedVersion } from './migrations';
import { type ProblemReason, reason, type StorageProblem } from './problems';
import {
  type CustomSite,
  DEFAULT_SETTINGS,
  Domain,
  defaultData,
  isDefaultSitePrefs,
  isRecord,
  type ResolvedSitePrefs,
  resolveSitePrefs,
  SCHEMA_VERSION,
  type Settings,
  SettingsSchema,
  type SitePrefs,
  SitePrefsSchema,
  type StoredData,
  UserCustomSite,
  unknownFields,
  userCustomSite,
} from './schema';

interface LoadResult {
  data: StoredData;
  /** Values that failed validation (or came from a newer version) and were copied under a backup key. */
  problems: Array<StorageProblem & { backupKey: string }>;
  /** The version the data was stored with; above SCHEMA_VERSION nothing is migrated or written back. */
  fromVersion: number;
}

/**
 * Reads, migrates and validates the stored data. A value that fails validation, or carries fields this
 * version does not know, is copied as it was before any migration to a backup key with the reason; what was
 * valid in it is kept and the rest falls back to defaults, so nothing is silently dropped and the options page
 * can show what happened. Data of a newer version is left as it is and copied aside once, so that the next
 * ordinary change (written in this version's shape) cannot lose what the newer version stored.
 */
export async function loadData(area: StorageAreaLike, now = Date.now()): Promise<LoadResult> {
  const raw = (await area.get([...DATA_KEYS])) as RawData;
  const fromVersion = storedVersion(raw);
  if (fromVersion > SCHEMA_VERSION) {
    // What this version can read in full it would write back unchanged; the rest is what a change made here
    // would lose, so it is copied aside (once) before anything is written.
    const { data, invalid } = validated(raw);
    const why = reason('newerVersion', fromVersion);
    const problems = await setAside(
      area,
      raw,
      invalid.map(({ key }) => ({ key, reason: why })),
      now,
      true,
    );
    return { data, problems, fromVersion };
  }
  const migrated = migrate(raw);
  const { data, invalid } = validated(migrated);
  if (raw.schemaVersion !== undefined && !isValidVersion(raw.schemaVersion)) {
    invalid.unshift({ key: KEYS.schemaVersion.key, reason: reason('badVersion') });
  }
  const writeBack = fromVersion !== SCHEMA_VERSION || invalid.length > 0;
  const problems = await setAside(area, raw, invalid, now, false, writeBack ? data : null);
  return { data, problems, fromVersion };
}

interface Invalid {
  key: DataKey;
  reason: ProblemReason;
}

/**
 * Copies each value to a backup with its reason (once: a value already backed up as it is gets no second
 * copy), in the same `set` as `data` when there is data to write back.
 */
async function setAside(
  area: StorageAreaLike,
  raw: RawData,
  invalid: readonly Invalid[],
  now: number,
  dedupe: boolean,
  data: StoredData | null = null,
): Promise<LoadResult['problems']> {
  const problems: LoadResult['problems'] = [];
  const writes: Record<string, unknown> = data ? { ...data } : {};
  const all = dedupe && invalid.length > 0 ? await area.get(null) : {};
  for (const { key, reason: why } of invalid) {
    const existing = dedupe ? existingBackup(all, key, 'local', raw[key]) : null;
    const backupKey = existing ?? backupKeyFor(key, now);
    if (!existing) Object.assign(writes, backupItem(backupKey, why, raw[key]));
    problems.push({ key, area: 'local', backupKey, reason: why });
  }
  if (Object.keys(writes).length > 0) await area.set(writes);
  return problems;
}

function validated(raw: RawData): { data: StoredData; invalid: Invalid[] } {
  const data = defaultData();
  const invalid: Invalid[] = [];
  const take = <T>(key: DataKey, salvage: (value: unknown) => Salvaged<T>, assign: (value: T) => void) => {
    if (raw[key] === undefined) return;
    const { value, problem } = salvage(raw[key]);
    assign(value);
    if (problem) invalid.push({ key, reason: problem });
  };
  take(KEYS.settings.key, salvageSettings, (value) => {
    data.settings = value;
  });
  take(KEYS.sites.key, salvageSites, (value) => {
    data.sites = value;
  });
  take(KEYS.customSites.key, salvageCustomSites, (value) => {
    data.customSites = value;
  });
  return { data, invalid };
}

interface Salvaged<T> {
  value: T;
  /** Invalid parts first; else the fields this version does not know. */
  problem: ProblemReason | null;
}

function salvaged<T>(value: T, failed: string[], unknown: string[]): Salvaged<T> {
  if (failed.length > 0) return { value, problem: reason('invalid', ...failed.slice(0, 5)) };
  if (unknown.length > 0) return { value, problem: reason('unknownFields', ...unknown.slice(0, 5)) };
  return { value, problem: null };
}

/** Keeps each valid field: one bad field should not reset the others. */
export function salvageSettings(raw: unknown): Salvaged<Settings> {
  const value: Settings = { ...DEFAULT_SETTINGS };
  if (!isRecord(raw)) return salvaged(value, [KEYS.settings.key], []);
  const failed: string[] = [];
  for (const field of ['sync', 'retentionDays'] as const) {
    const parsed = v.safeParse(SettingsSchema.entries[field], raw[field]);
    if (parsed.success) (value as Record<string, unknown>)[field] = parsed.output;
    else failed.push(field);
  }
  return salvaged(value, failed, unknownFields(raw, SettingsSchema));
}

function salvageSites(raw: unknown): Salvaged<Record<string, ResolvedSitePrefs>> {
  const value: Record<string, ResolvedSitePrefs> = {};
  if (!isRecord(raw)) return salvaged(value, [KEYS.sites.key], []);
  const failed: string[] = [];
  const unknown: string[] = [];
  for (const [domain, prefs] of Object.entries(raw)) {
    const parsed = v.safeParse(SitePrefsSchema, prefs);
    if (!v.is(Domain, domain) || !parsed.success) failed.push(domain.slice(0, 80));
    else {
      value[domain] = resolveSitePrefs(parsed.output);
      unknown.push(...unknownFields(prefs, SitePrefsSchema).map((field) => `${domain}.${field}`));
    }
  }
  return salvaged(value, failed, unknown);
}

function salvageCustomSites(raw: unknown): Salvaged<CustomSite[]> {
  if (!Array.isArray(raw)) return salvaged([], [KEYS.customSites.key], []);
  const value: CustomSite[] = [];
  const failed: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  raw.forEach((site, index) => {
    const parsed = v.safeParse(UserCustomSite, site);
    const extra = unknownFields(site, UserCustomSite).filter((field) => field !== 'managed');
    if (!parsed.success || (isRecord(site) && site.managed === true)) failed.push(`[${index}]`);
    else if (seen.has(parsed.output.domain) || value.length >= CUSTOM_SITES_MAX) failed.push(`[${index}]`);
    else {
      seen.add(parsed.output.domain);
      value.push(userCustomSite(parsed.output));
      unknown.push(...extra.map((field) => `[${index}].${field}`));
    }
  });
  return salvaged(value, failed, unknown);
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
  if (!v.is(Domain, domain)) throw new TypeError(`Not a registrable domain: ${String(domain).slice(0, 80)}`);
  const { data } = await loadData(area);
  const merged = { ...resolveSitePrefs(data.sites[domain]), ...definedFields(change) };
  const parsed = v.safeParse(SitePrefsSchema, merged);
  if (!parsed.success) throw new TypeError('Invalid site preferences');
  const next = resolveSitePrefs(parsed.output);
  const sites = { ...data.sites };
  if (isDefaultSitePrefs(next)) delete sites[domain];
  else sites[domain] = next;
  await area.set(item(KEYS.sites, sites));
  return next;
}

/**
 * Changes settings. Turning `sync` on or off moves notes between areas: use `setSyncEnabled` (notes/) for
 * that, not this. Throws a RangeError for a value out of range.
 */
export async function updateSettings(area: StorageAreaLike, change: Partial<Settings>): Promise<Settings> {
  const { data } = await loadData(area);
  const parsed = v.safeParse(SettingsSchema, { ...data.settings, ...definedFields(change) });
  if (!parsed.success) throw new RangeError('Invalid settings');
  await area.set(item(KEYS.settings, parsed.output));
  return parsed.output;
}

/** The user's own custom sites (see managed.ts for the merged list with the administrator's). */
export async function listCustomSites(area: StorageAreaLike): Promise<CustomSite[]> {
  return (await loadData(area)).data.customSites;
}

/** Adds a custom site, or replaces the one with the same domain. Throws a TypeError for an invalid one. */
export async function saveCustomSite(area: StorageAreaLike, site: CustomSite): Promise<CustomSite[]> {
  const parsed = v.safeParse(UserCustomSite, {
    ...userCustomSite(site),
    name: typeof site.name === 'string' ? site.name.trim() : site.name,
  });
  if (!parsed.success) throw new TypeError('Invalid custom site');
  const entry = userCustomSite(parsed.output);
  const { data } = await loadData(area);
  const index = data.customSites.findIndex((s) => s.domain === entry.domain);
  const customSites = [...data.customSites];
  if (index >= 0) customSites[index] = entry;
  else if (customSites.length >= CUSTOM_SITES_MAX) throw new RangeError(`At most ${CUSTOM_SITES_MAX} custom sites`);
  else customSites.push(entry);
  await area.set(item(KEYS.customSites, customSites));
  return customSites;
}

/** Removes one of the user's custom sites; false if there was none (managed sites are never stored here). */
export async function removeCustomSite(area: StorageAreaLike, domain: string): Promise<boolean> {
  const { data } = await loadData(area);
  const customSites = data.customSites.filter((s) => s.domain !== domain);
  if (customSites.length === data.customSites.length) return false;
  await area.set(item(KEYS.customSites, customSites));
  return true;
}

/** `{ a: undefined }` in a change means "no change", not "erase". */
function definedFields<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<T>;
}
