/**
 * What the extension keeps, its defaults and how to check a stored value. Every read is validated against
 * these guards; a value that fails is reported and moved aside, never trusted (see store.ts and notes.ts).
 *
 * No dependency here: messages.ts (and through it the content script) imports this file, so it must stay
 * small. That is why a domain is checked for its shape only, not against the public suffix list.
 */

export const SCHEMA_VERSION = 2;

export type Override = 'auto' | 'media' | 'networking';
export type Lean = 'media' | 'networking' | 'both';

export interface SitePrefs {
  /** Label pages of this site at all. */
  labeling: boolean;
  /** The user's answer to "wrong label?". */
  override: Override;
  /**
   * Remind the user of the site's note when they open the site. Always present in what the store returns
   * (see {@link ResolvedSitePrefs}); optional here because messages and v1 data carry only the first two.
   */
  reminder?: boolean;
}

/** Site preferences as the store returns them: every field filled in. */
export type ResolvedSitePrefs = Required<SitePrefs>;

export interface Settings {
  /** Opt-in: label community sites everywhere (asks for the optional `<all_urls>` host permission). */
  allSites: boolean;
  /** Keep notes in `storage.sync` so that they follow the user's browser profile. */
  sync: boolean;
  /** How long usage records are kept, in days. */
  retentionDays: number;
  /** Only an administrator turns features off (managed.ts); a user's settings can never carry this. */
  disabledFeatures?: never;
}

export interface Note {
  /** Registrable domain of the site the note belongs to. */
  domain: string;
  /** Exact URL path for a note on one page; null for the note on the whole site. */
  path: string | null;
  /** Plain text, shown as text: never interpreted as HTML. */
  text: string;
  reminder: boolean;
  /** Milliseconds since the epoch; when a note exists in two places, the newer one wins. */
  updatedAt: number;
}

/** A site the built-in knowledge lacks, added by the user or pushed by an administrator. */
export interface CustomSite {
  domain: string;
  name: string;
  lean: Lean;
  /** Set on sites from the managed policy only: those cannot be edited or removed by the user. */
  managed?: boolean;
}

export interface StoredData {
  schemaVersion: number;
  settings: Settings;
  /** Keyed by registrable domain; a site with default preferences has no entry. */
  sites: Record<string, ResolvedSitePrefs>;
  /** The user's own custom sites (managed ones are merged in at read time, never stored). */
  customSites: CustomSite[];
}

/** Counted in UTF-16 code units, as a textarea's `maxlength` counts. */
export const NOTE_MAX_LENGTH = 2000;
/** Longer paths are rare and would crowd a sync item: its key holds the path too. */
export const PATH_MAX_LENGTH = 2048;
export const CUSTOM_SITE_NAME_MAX_LENGTH = 100;
export const CUSTOM_SITES_MAX = 500;
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;
export const MAX_DOMAIN_LENGTH = 253;

export const OVERRIDES: readonly Override[] = ['auto', 'media', 'networking'];
export const LEANS: readonly Lean[] = ['media', 'networking', 'both'];

export const DEFAULT_SETTINGS: Readonly<Settings> = { allSites: false, sync: false, retentionDays: 90 };
export const DEFAULT_SITE_PREFS: Readonly<ResolvedSitePrefs> = { labeling: true, override: 'auto', reminder: false };

export function defaultData(): StoredData {
  return { schemaVersion: SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS }, sites: {}, customSites: [] };
}

/**
 * Lower-case ASCII labels and a top-level label of letters (or punycode): what `tldts.getDomain` returns for
 * a URL's host. Written for RE2 too (no look-around), since managed_schema.json carries the same pattern.
 */
export const DOMAIN_PATTERN = '^([a-z0-9_-]{1,63}\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$';
const DOMAIN_RE = new RegExp(DOMAIN_PATTERN);
/** A URL's pathname: printable ASCII (browsers percent-encode the rest), without `?` or `#`. */
const PATH_RE = /^\/[\x21\x22\x24-\x3e\x40-\x7e]*$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isDomainShape(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_DOMAIN_LENGTH && DOMAIN_RE.test(value);
}

export function isNotePath(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && value.length <= PATH_MAX_LENGTH && PATH_RE.test(value));
}

export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isRetentionDays(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= RETENTION_DAYS_MIN && value <= RETENTION_DAYS_MAX
  );
}

export function isNote(value: unknown): value is Note {
  return (
    isRecord(value) &&
    isDomainShape(value.domain) &&
    isNotePath(value.path) &&
    typeof value.text === 'string' &&
    value.text.length <= NOTE_MAX_LENGTH &&
    typeof value.reminder === 'boolean' &&
    isTimestamp(value.updatedAt)
  );
}

export function isCustomSiteName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim().length > 0 &&
    value.length <= CUSTOM_SITE_NAME_MAX_LENGTH &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
    !/[\x00-\x1f\x7f]/.test(value)
  );
}

export function isCustomSite(value: unknown): value is CustomSite {
  return (
    isRecord(value) &&
    isDomainShape(value.domain) &&
    isCustomSiteName(value.name) &&
    typeof value.lean === 'string' &&
    (LEANS as readonly string[]).includes(value.lean) &&
    (value.managed === undefined || typeof value.managed === 'boolean')
  );
}

/** Accepts v1 values and message payloads, which have no `reminder`; readers fill the default. */
export function isSitePrefs(value: unknown): value is SitePrefs {
  return (
    isRecord(value) &&
    typeof value.labeling === 'boolean' &&
    typeof value.override === 'string' &&
    (OVERRIDES as readonly string[]).includes(value.override) &&
    (value.reminder === undefined || typeof value.reminder === 'boolean')
  );
}

export function isSettings(value: unknown): value is Settings {
  return (
    isRecord(value) &&
    typeof value.allSites === 'boolean' &&
    typeof value.sync === 'boolean' &&
    isRetentionDays(value.retentionDays) &&
    value.disabledFeatures === undefined
  );
}

export function isSites(value: unknown): value is Record<string, SitePrefs> {
  return (
    isRecord(value) && Object.entries(value).every(([domain, prefs]) => isDomainShape(domain) && isSitePrefs(prefs))
  );
}

export function resolveSitePrefs(prefs: SitePrefs | undefined): ResolvedSitePrefs {
  return {
    labeling: prefs?.labeling ?? DEFAULT_SITE_PREFS.labeling,
    override: prefs?.override ?? DEFAULT_SITE_PREFS.override,
    reminder: prefs?.reminder ?? DEFAULT_SITE_PREFS.reminder,
  };
}

export function isDefaultSitePrefs(prefs: ResolvedSitePrefs): boolean {
  return (
    prefs.labeling === DEFAULT_SITE_PREFS.labeling &&
    prefs.override === DEFAULT_SITE_PREFS.override &&
    prefs.reminder === DEFAULT_SITE_PREFS.reminder
  );
}

/** Copies only the fields a stored custom site has: a user's entry may never claim to be managed. */
export function userCustomSite(site: CustomSite): CustomSite {
  return { domain: site.domain, name: site.name, lean: site.lean };
}
