import * as v from 'valibot';
import { PAGE_TYPES } from '../core/types';
import {
  CUSTOM_SITE_NAME_MAX_LENGTH,
  MAX_DOMAIN_LENGTH,
  MAX_NOTE_CHUNKS,
  NOTE_MAX_LENGTH,
  PATH_MAX_LENGTH,
  RETENTION_DAYS_DEFAULT,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
} from './limits';

/**
 * Every shape the extension keeps or passes around, described once with valibot: storage reads (keys.ts), the
 * import file (transfer/), the managed policy (managed.ts) and the message protocol (shared/messages.ts) all
 * validate with these, and the types are inferred from them. The messages are English, for developers and
 * logs: the options page never shows them, and words a refused import (transfer/refusal.ts) or a value set
 * aside (problems.ts) from a reason code of its own.
 */

/** The version of the data under the keys of `DATA_KEYS` (keys.ts); migrations.ts lifts older data to it. */
export const SCHEMA_VERSION = 3;

export const OVERRIDES = ['auto', 'media', 'networking'] as const;
export const LEANS = ['media', 'networking', 'both'] as const;
export type Override = (typeof OVERRIDES)[number];
export type Lean = (typeof LEANS)[number];

/**
 * Lower-case ASCII labels and a top-level label of letters (or punycode): what `tldts.getDomain` returns for
 * a URL's host. Written for RE2 too (no look-around), since managed_schema.json carries the same pattern.
 */
export const DOMAIN_PATTERN = '^([a-z0-9_-]{1,63}\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$';
const DOMAIN_RE = new RegExp(DOMAIN_PATTERN);
/** A URL's pathname: printable ASCII (browsers percent-encode the rest), without `?` or `#`. */
const PATH_RE = /^\/[\x21\x22\x24-\x3e\x40-\x7e]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const CONTROL_RE = /[\x00-\x1f\x7f]/;

export const Domain = v.pipe(
  v.string('must be text'),
  v.check(
    (input: string) => input.length <= MAX_DOMAIN_LENGTH && DOMAIN_RE.test(input),
    'must be a registrable domain such as example.com',
  ),
);
export const Timestamp = v.pipe(
  v.number('must be a time in milliseconds'),
  v.check((input: number) => Number.isSafeInteger(input) && input >= 0, 'must be a time in milliseconds'),
);
export const Bool = v.boolean('must be true or false');
export const NotePath = v.nullable(
  v.pipe(
    v.string('must be null or a URL path'),
    v.check(
      (input: string) => input.length <= PATH_MAX_LENGTH && PATH_RE.test(input),
      `must be a URL path starting with "/", without "?" or "#", of at most ${PATH_MAX_LENGTH} characters`,
    ),
  ),
);
export const NoteText = v.pipe(
  v.string('must be text'),
  v.maxLength(
    NOTE_MAX_LENGTH,
    (issue) => `is ${issue.input.length} characters long; a note holds at most ${NOTE_MAX_LENGTH}`,
  ),
);
export const RetentionDays = v.pipe(
  v.number('must be a number'),
  v.check(
    (input: number) => Number.isInteger(input) && input >= RETENTION_DAYS_MIN && input <= RETENTION_DAYS_MAX,
    `must be a whole number of days from ${RETENTION_DAYS_MIN} to ${RETENTION_DAYS_MAX}`,
  ),
);
const OverrideSchema = v.picklist(OVERRIDES, `must be one of ${OVERRIDES.join(', ')}`);
const LeanSchema = v.picklist(LEANS, `must be one of ${LEANS.join(', ')}`);
export const CustomSiteName = v.pipe(
  v.string('must be text'),
  v.check(
    (input: string) =>
      input.trim().length > 0 && input.length <= CUSTOM_SITE_NAME_MAX_LENGTH && !CONTROL_RE.test(input),
    `must be a name of 1 to ${CUSTOM_SITE_NAME_MAX_LENGTH} characters`,
  ),
);

/** Valibot reports a missing key with the message of the object that lacks it. */
export const objectMessage = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is missing' : 'must be an object';

/** One site's preferences. `reminder` is optional: v1 data and messages carry only the first two. */
export const SitePrefsSchema = v.object(
  { labeling: Bool, override: OverrideSchema, reminder: v.optional(Bool) },
  objectMessage,
);
export type SitePrefs = v.InferOutput<typeof SitePrefsSchema>;
/** Site preferences as the store returns them: every field filled in. */
export type ResolvedSitePrefs = Required<SitePrefs>;

/** A change to one site's preferences: only the fields it names, nothing else. */
export const SitePrefsChange = v.strictObject({
  labeling: v.optional(Bool),
  override: v.optional(OverrideSchema),
  reminder: v.optional(Bool),
});

export const SettingsSchema = v.object(
  {
    /** Keep notes in `storage.sync` so that they follow the user's browser profile. */
    sync: Bool,
    /** How long usage records are kept, in days. */
    retentionDays: RetentionDays,
  },
  objectMessage,
);
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** A custom site as a user enters it (an administrator's come from the managed policy only). */
export const UserCustomSite = v.object({ domain: Domain, name: CustomSiteName, lean: LeanSchema }, objectMessage);
/** A site the built-in knowledge lacks; `managed` only on sites from the policy, which the user cannot edit. */
export interface CustomSite extends v.InferOutput<typeof UserCustomSite> {
  managed?: boolean;
}

export const NoteSchema = v.object(
  {
    /** Registrable domain of the site the note belongs to. */
    domain: Domain,
    /** Exact URL path for a note on one page; null for the note on the whole site. */
    path: NotePath,
    /** Plain text, shown as text: never interpreted as HTML. */
    text: NoteText,
    reminder: Bool,
    /** When a note exists in two places, the newer one wins. */
    updatedAt: Timestamp,
  },
  objectMessage,
);
export type Note = v.InferOutput<typeof NoteSchema>;

/** The first item of a note split across sync items (notes/codec.ts): everything but the text. */
export const ChunkHeaderSchema = v.strictObject({
  domain: Domain,
  path: NotePath,
  reminder: Bool,
  updatedAt: Timestamp,
  chunks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_NOTE_CHUNKS)),
  /** The same in the header and every part: parts of another write are never joined with this one. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(32)),
});
export type ChunkHeader = v.InferOutput<typeof ChunkHeaderSchema>;
export const ChunkSchema = v.object({ id: v.string(), text: v.string() });
export type Chunk = v.InferOutput<typeof ChunkSchema>;

const QUOTA_REASONS = [
  'QUOTA_BYTES',
  'QUOTA_BYTES_PER_ITEM',
  'MAX_ITEMS',
  'MAX_WRITE_OPERATIONS_PER_MINUTE',
  'MAX_WRITE_OPERATIONS_PER_HOUR',
  'QUOTA',
] as const;

/** Notes that are kept in `storage.local` although sync is on; shown until they reach sync. */
export const NoticeSchema = v.object({
  kind: v.picklist(['sync-quota', 'sync-error']),
  at: Timestamp,
  noteKeys: v.array(v.string()),
  /** The limit that was hit, for `sync-quota`. */
  quota: v.optional(v.picklist(QUOTA_REASONS)),
  /** The browser's words, for `sync-error`. */
  message: v.optional(v.string()),
});
export type Notice = v.InferOutput<typeof NoticeSchema>;
export const NoticesSchema = v.array(NoticeSchema);

/** The data under the versioned keys, validated and filled in. */
export interface StoredData {
  schemaVersion: number;
  settings: Settings;
  /** Keyed by registrable domain; a site with default preferences has no entry. */
  sites: Record<string, ResolvedSitePrefs>;
  /** The user's own custom sites (managed ones are merged in at read time, never stored). */
  customSites: CustomSite[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { sync: false, retentionDays: RETENTION_DAYS_DEFAULT };
export const DEFAULT_SITE_PREFS: Readonly<ResolvedSitePrefs> = { labeling: true, override: 'auto', reminder: false };

export function defaultData(): StoredData {
  return { schemaVersion: SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS }, sites: {}, customSites: [] };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of a stored object that its schema does not name: what a newer version added. */
export function unknownFields(value: unknown, schema: { entries: Record<string, unknown> }): string[] {
  return isRecord(value) ? Object.keys(value).filter((key) => !Object.hasOwn(schema.entries, key)) : [];
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

/** Only the fields of a note: whatever else a stored value carries is not written back. */
export function pickNote(note: Note): Note {
  return { domain: note.domain, path: note.path, text: note.text, reminder: note.reminder, updatedAt: note.updatedAt };
}

/** `path.to[2].field` for an issue, as an import's message names it. */
export function issuePath(path: readonly v.IssuePathItem[] | undefined): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key)).slice(0, 90)}]`;
  }
  return out;
}

const ReasonSchema = v.object({
  signal: v.string(),
  leans: v.picklist(['media', 'networking', 'neutral']),
  weight: v.number(),
  text: v.string(),
});

const VerdictSchema = v.object({
  label: v.picklist(['media', 'networking', 'mixed', 'none']),
  confidence: v.number(),
  platform: v.nullable(v.object({ id: v.string(), name: v.string(), lean: LeanSchema })),
  pageType: v.picklist(PAGE_TYPES),
  reasons: v.array(ReasonSchema),
});

/** What the worker keeps per tab in `storage.session`: the popup reads it, the badge shows it. */
export const TabStateSchema = v.object({
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  url: v.string(),
  /** Registrable domain: the key of the site's preferences. */
  domain: v.nullable(v.string()),
  /** What the user sees: the classifier's verdict with the user's override applied. */
  verdict: VerdictSchema,
  /** The classifier's own verdict, before any override. */
  automatic: VerdictSchema,
  prefs: SitePrefsSchema,
  updatedAt: v.number(),
});
export type TabState = v.InferOutput<typeof TabStateSchema>;

/** The site the popup is about to ask a host's permission for (background/autoLabel.ts). */
export const PendingGrantSchema = v.object({ host: Domain, site: UserCustomSite, at: Timestamp });

/** A tab's current visit to a site, in `storage.session`: whether its note's reminder was shown already. */
export const VisitSchema = v.object({ domain: v.string(), reminded: v.boolean() });
export type Visit = v.InferOutput<typeof VisitSchema>;
