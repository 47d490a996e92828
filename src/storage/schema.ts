/**
 * What the extension keeps in `storage.local`, its defaults and how to check a stored value. Reads are
 * validated here; a value that fails is reported, never trusted (see store.ts).
 */

export const SCHEMA_VERSION = 1;

export type Override = 'auto' | 'media' | 'networking';

export interface SitePrefs {
  /** Label pages of this site at all. */
  labeling: boolean;
  /** The user's answer to "wrong label?". */
  override: Override;
}

export interface Settings {
  /** Opt-in: label community sites everywhere (asks for the optional `<all_urls>` host permission). */
  allSites: boolean;
}

export interface StoredData {
  schemaVersion: number;
  settings: Settings;
  /** Keyed by registrable domain. */
  sites: Record<string, SitePrefs>;
}

export const DEFAULT_SETTINGS: Settings = { allSites: false };
export const DEFAULT_SITE_PREFS: SitePrefs = { labeling: true, override: 'auto' };

export function defaultData(): StoredData {
  return { schemaVersion: SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS }, sites: {} };
}

const OVERRIDES: readonly string[] = ['auto', 'media', 'networking'];
const MAX_DOMAIN_LENGTH = 253;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSitePrefs(value: unknown): value is SitePrefs {
  return (
    isRecord(value) &&
    typeof value.labeling === 'boolean' &&
    typeof value.override === 'string' &&
    OVERRIDES.includes(value.override)
  );
}

export function isSettings(value: unknown): value is Settings {
  return isRecord(value) && typeof value.allSites === 'boolean';
}

export function isSites(value: unknown): value is Record<string, SitePrefs> {
  return (
    isRecord(value) &&
    Object.entries(value).every(([domain, prefs]) => domain.length <= MAX_DOMAIN_LENGTH && isSitePrefs(prefs))
  );
}
