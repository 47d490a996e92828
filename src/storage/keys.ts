import * as v from 'valibot';
import { BudgetNudgesSchema, BudgetsSchema, DriftStateSchema, IntentionsSchema } from '../balance/schema';
import { AccountingStateSchema, BatcherSnapshotSchema, UsageTotalsSchema } from '../usage/schema';
import { MIGRATIONS } from './migrations';
import { BackupRecordSchema } from './problems';
import {
  ChunkHeaderSchema,
  ChunkSchema,
  Domain,
  NoteSchema,
  NoticesSchema,
  PendingGrantSchema,
  SCHEMA_VERSION,
  SettingsSchema,
  SitePrefsSchema,
  TabStateSchema,
  UserCustomSite,
  VisitSchema,
} from './schema';

/**
 * Every key the extension stores, named once: its area, the schema its value must pass, its version and the
 * migrations that lift older values to it. No other file spells a key. Reads go through `readItem` (the value
 * validated, or why it is not), writes through `item` (which refuses a value its schema refuses), so nothing
 * unchecked reaches storage and nothing read is trusted unchecked.
 *
 * Keys come in two kinds: single keys (`settings`) and families of keys that share a prefix and a schema
 * (`note:<domain>|<path>`, `tab:<id>`). A family's key is built and parsed by the module that owns it (the
 * note codec for notes), from the prefix here.
 */

type StorageAreaName = 'local' | 'sync' | 'session';

/** The subset of `storage.StorageArea` the storage modules use, so tests can pass an in-memory one. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface KeySpec<S extends v.GenericSchema = v.GenericSchema> {
  key: string;
  area: StorageAreaName;
  schema: S;
  /** The version of the value's shape; `migrations[n]` lifts version n to n + 1. */
  version: number;
  /** Where the migrations live, when the value has had more than one shape. */
  migrations: ReadonlyArray<(data: Record<string, unknown>) => Record<string, unknown>>;
}

function single<S extends v.GenericSchema>(
  key: string,
  area: StorageAreaName,
  schema: S,
  version = 1,
  migrations: KeySpec['migrations'] = [],
): KeySpec<S> {
  return { key, area, schema, version, migrations };
}

/**
 * The versioned data: settings, site preferences and the user's custom sites share `schemaVersion` and one
 * list of migrations (migrations.ts), since a change of one has moved fields between them before.
 */
const VersionSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const SitesSchema = v.record(Domain, SitePrefsSchema);
/** The user's own custom sites only: an administrator's come from the policy and are never stored. */
const CustomSitesSchema = v.array(UserCustomSite);

export const KEYS = {
  schemaVersion: single('schemaVersion', 'local', VersionSchema, SCHEMA_VERSION, MIGRATIONS),
  settings: single('settings', 'local', SettingsSchema, SCHEMA_VERSION, MIGRATIONS),
  sites: single('sites', 'local', SitesSchema, SCHEMA_VERSION, MIGRATIONS),
  customSites: single('customSites', 'local', CustomSitesSchema, SCHEMA_VERSION, MIGRATIONS),
  /** Notes kept in `storage.local` although sync is on, and why (notes/notices.ts). */
  notices: single('notices', 'local', NoticesSchema),
  /** Time per day, site and label (usage/totals.ts). */
  usageTotals: single('usageTotals', 'local', UsageTotalsSchema),
  /** The id of the last credit batch written with the totals, in the same `set` (usage/batcher.ts). */
  usageLastBatch: single('usageLastBatch', 'local', v.nullable(v.string())),
  /** The accounting reducer's state; a state of another version starts afresh (usage/accounting.ts). */
  usageState: single('usage:state', 'session', AccountingStateSchema),
  /** Credits not yet written to the totals. */
  usageBatch: single('usage:batch', 'session', BatcherSnapshotSchema),
  /** "Label <site> automatically": the site whose host permission the popup is asking for. */
  pendingGrant: single('autoLabel:pending', 'session', PendingGrantSchema),
  /** Intentions, per site: opted in or not, today's choice, a snooze (balance/intentions.ts). */
  intentions: single('balance:intentions', 'local', IntentionsSchema),
  /** Daily budgets by mode and the optional "pause the feed" cover (balance/budgets.ts). */
  budgets: single('balance:budgets', 'local', BudgetsSchema),
  /** The budgets already nudged about today: local, so a browser restart does not nudge again. */
  budgetNudges: single('balance:budgetNudges', 'local', BudgetNudgesSchema),
  /** Drift from today's intentions, per site (balance/drift.ts). */
  drift: single('balance:drift', 'session', DriftStateSchema),
} as const;

/**
 * The keys an administrator's policy sets in `storage.managed` (read only; managed.ts validates them and
 * public/managed_schema.json declares them for Chrome).
 */
export const MANAGED_KEYS = ['customSites', 'disableAllSites', 'disableSync', 'disableNotes', 'disableUsage'] as const;

/** The keys of the versioned data, read and migrated together (store.ts). */
export const DATA_KEYS = [KEYS.schemaVersion.key, KEYS.settings.key, KEYS.sites.key, KEYS.customSites.key] as const;
export type DataKey = (typeof DATA_KEYS)[number];

interface KeyFamily<S extends v.GenericSchema = v.GenericSchema> {
  prefix: string;
  areas: readonly StorageAreaName[];
  schema: S;
  version: number;
}

export const FAMILIES = {
  /**
   * Notes, `note:<domain>` and `note:<domain>|<path>`; a long note in sync adds its parts as `<key>#<n>`
   * (notes/codec.ts). Version 1; no migration yet.
   */
  note: {
    prefix: 'note:',
    areas: ['local', 'sync'],
    schema: v.union([NoteSchema, ChunkHeaderSchema, ChunkSchema]),
    version: 1,
  },
  /**
   * Values moved aside, `backup:<key>:<time>` (`backup:sync:<key>:<time>` for a sync item), in local.
   * Version 1 held the value alone; version 2 holds it with its reason (backups.ts reads both).
   */
  backup: { prefix: 'backup:', areas: ['local'], schema: BackupRecordSchema, version: 2 },
  /** Per-tab verdicts, `tab:<tabId>`, so that a restarted worker and the popup find what the badge shows. */
  tabState: { prefix: 'tab:', areas: ['session'], schema: TabStateSchema, version: 1 },
  /** Per-tab visits, `reminded:<tabId>`: a note's reminder shows once per visit. */
  visit: { prefix: 'reminded:', areas: ['session'], schema: VisitSchema, version: 1 },
} as const satisfies Record<string, KeyFamily>;

/** A backup's key as a message names it (the options page asks the worker to delete one). */
export const BACKUP_KEY = v.pipe(v.string(), v.startsWith(FAMILIES.backup.prefix), v.maxLength(512));

export const tabStateKey = (tabId: number) => `${FAMILIES.tabState.prefix}${tabId}`;
export const visitKey = (tabId: number) => `${FAMILIES.visit.prefix}${tabId}`;

type ReadItem<T> =
  | { status: 'absent' }
  | { status: 'ok'; value: T }
  /** `raw` is the value as stored, for a backup; `issue` names the failing part and what is wrong. */
  | { status: 'invalid'; raw: unknown; issue: string };

/** The value of a key from what `area.get` returned, validated against the key's schema. */
export function readItem<S extends v.GenericSchema>(
  spec: { key: string; schema: S },
  items: Record<string, unknown>,
): ReadItem<v.InferOutput<S>> {
  if (!Object.hasOwn(items, spec.key) || items[spec.key] === undefined) return { status: 'absent' };
  return parseValue(spec.schema, items[spec.key]);
}

/** A value of a family's key, validated against the family's schema. */
export function parseValue<S extends v.GenericSchema>(schema: S, raw: unknown): ReadItem<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, raw, { abortEarly: true });
  if (parsed.success) return { status: 'ok', value: parsed.output };
  const first = parsed.issues[0];
  const path = first.path?.map((item) => String(item.key)).join('.') ?? '';
  return { status: 'invalid', raw, issue: path ? `${path}: ${first.message}` : first.message };
}

/**
 * `{ [key]: value }` for `area.set`, after checking the value against the key's schema: a value that would
 * only be moved aside at the next read is refused now (a TypeError, a bug in the caller).
 */
export function item<S extends v.GenericSchema>(
  spec: { key: string; schema: S },
  value: v.InferInput<S>,
): Record<string, unknown> {
  const checked = parseValue(spec.schema, value);
  if (checked.status !== 'ok') {
    throw new TypeError(
      `Refusing to store an invalid ${spec.key}: ${checked.status === 'invalid' ? checked.issue : ''}`,
    );
  }
  // The checked output: what the schema strips (a `managed` flag, a field it does not name) is not stored.
  return { [spec.key]: checked.value };
}
