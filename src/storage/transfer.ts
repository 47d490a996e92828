import * as v from 'valibot';
import { type NoteAreas, type Notice, noteKey, readAllNotes, writeNotes } from './notes';
import {
  CUSTOM_SITES_MAX,
  type CustomSite,
  DEFAULT_SITE_PREFS,
  isCustomSite,
  isDefaultSitePrefs,
  isDomainShape,
  isNote,
  isRetentionDays,
  isSitePrefs,
  type Note,
  type ResolvedSitePrefs,
  resolveSitePrefs,
  type Settings,
  userCustomSite,
} from './schema';
import {
  Bool,
  Domain,
  NotePath,
  NoteText,
  OverrideSchema,
  objectMessage,
  RetentionDays,
  Timestamp,
  UserCustomSite,
} from './shapes';
import { loadData } from './store';

/**
 * Export to one JSON file and import from it. An import is checked whole before anything is written, shown
 * to the user as a plan (what it adds, what it replaces) and then written in one `set` per area. It only
 * adds and replaces: nothing the file lacks is deleted. Note text stays plain text throughout.
 */

export const EXPORT_FORMAT = 'reach-or-relate';
export const EXPORT_FORMAT_VERSION = 1;
/** Ten times what a full sync area holds; a larger file is not one of ours. */
export const MAX_IMPORT_CHARS = 10 * 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: number;
  settings: Settings;
  sites: Record<string, ResolvedSitePrefs>;
  notes: Note[];
  /** The user's own custom sites; the administrator's are not the user's to carry elsewhere. */
  customSites: CustomSite[];
}

/** What an import is compared with. */
export interface TransferData {
  settings: Settings;
  sites: Record<string, ResolvedSitePrefs>;
  notes: Note[];
  customSites: CustomSite[];
}

export async function readCurrent(areas: NoteAreas): Promise<TransferData> {
  const { data } = await loadData(areas.local, (areas.now ?? Date.now)());
  const notes = [...(await readAllNotes(areas)).values()];
  return { settings: data.settings, sites: data.sites, notes, customSites: data.customSites };
}

export async function exportData(areas: NoteAreas): Promise<ExportFile> {
  const current = await readCurrent(areas);
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: (areas.now ?? Date.now)(),
    settings: { ...current.settings },
    sites: current.sites,
    notes: current.notes,
    customSites: current.customSites.map(userCustomSite),
  };
}

export function exportJson(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `reach-or-relate-2025-01-31.json`, in UTC so the name does not depend on where it was made. */
export function exportFileName(at: number): string {
  return `${EXPORT_FORMAT}-${new Date(at).toISOString().slice(0, 10)}.json`;
}

const NoteSchema = v.object(
  {
    domain: Domain,
    path: v.optional(NotePath, null),
    text: NoteText,
    reminder: v.optional(Bool, false),
    updatedAt: Timestamp,
  },
  objectMessage,
);

const SitePrefsSchema = v.object(
  {
    labeling: Bool,
    override: OverrideSchema,
    reminder: v.optional(Bool, DEFAULT_SITE_PREFS.reminder),
  },
  objectMessage,
);

const SettingsSchema = v.object(
  { allSites: v.optional(Bool), sync: v.optional(Bool), retentionDays: v.optional(RetentionDays) },
  objectMessage,
);

const FileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  formatVersion: v.literal(EXPORT_FORMAT_VERSION),
  exportedAt: v.optional(Timestamp),
  settings: v.optional(SettingsSchema),
  sites: v.optional(v.record(Domain, SitePrefsSchema, 'must be an object'), {}),
  notes: v.optional(v.array(NoteSchema, 'must be a list'), []),
  customSites: v.optional(v.array(UserCustomSite, 'must be a list'), []),
});

type ImportFile = v.InferOutput<typeof FileSchema>;

export interface PlanEntry<T> {
  /** The domain of a site or custom site, the storage key of a note. */
  key: string;
  action: 'add' | 'replace';
  incoming: T;
  /** What it replaces; null for an add. */
  current: T | null;
}

export interface SettingChange {
  field: 'retentionDays';
  current: number;
  incoming: number;
}

export interface ImportPlan {
  exportedAt: number | null;
  notes: PlanEntry<Note>[];
  sites: PlanEntry<ResolvedSitePrefs>[];
  customSites: PlanEntry<CustomSite>[];
  /**
   * Only `retentionDays` is imported: `allSites` needs a permission only a click can grant, and `sync`
   * decides where this device keeps its notes.
   */
  settings: SettingChange[];
  /** Entries in the file that are already here as they are. */
  unchanged: { notes: number; sites: number; customSites: number };
  /** Notes in the file left out because the administrator turned notes off. */
  skippedNotes: number;
  adds: number;
  replaces: number;
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; message: string };

export interface ImportOptions {
  /** With `disableNotes`, notes in the file are left out of the plan. */
  policy?: { disableNotes: boolean } | undefined;
}

const EMPTY_CURRENT: TransferData = {
  settings: { allSites: false, sync: false, retentionDays: 90 },
  sites: {},
  notes: [],
  customSites: [],
};

/** Checks a file and compares it with the current data. Pure: it reads and writes nothing. */
export function parseImport(
  text: string,
  current: TransferData = EMPTY_CURRENT,
  options: ImportOptions = {},
): ImportResult {
  const checked = checkFile(text);
  const result = checked.ok ? planImport(checked.file, current, options) : checked;
  return result.ok ? result : { ok: false, message: oneLine(result.message) };
}

function checkFile(text: string): { ok: true; file: ImportFile } | { ok: false; message: string } {
  if (typeof text !== 'string' || text.length > MAX_IMPORT_CHARS) {
    return { ok: false, message: 'This file is too large to be a Reach or Relate export.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a Reach or Relate export.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: 'This is not a Reach or Relate export: it holds no export object.' };
  }
  const { format, formatVersion } = json as Record<string, unknown>;
  if (format !== EXPORT_FORMAT) {
    const what = typeof format === 'string' ? `its format is ${quoted(format)}` : 'it names no format';
    return { ok: false, message: `This is not a Reach or Relate export: ${what}.` };
  }
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return { ok: false, message: 'This export cannot be imported: formatVersion must be a whole number from 1.' };
  }
  if (formatVersion > EXPORT_FORMAT_VERSION) {
    return {
      ok: false,
      message: `This export comes from a newer version of Reach or Relate (format version ${formatVersion}; this one reads up to ${EXPORT_FORMAT_VERSION}). Update the extension, then import again.`,
    };
  }
  const parsed = v.safeParse(FileSchema, json, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return { ok: false, message: `This export cannot be imported: ${pathOf(issue.path)} ${issue.message}.` };
  }
  const file = parsed.output;
  const seen = new Map<string, number>();
  for (const [index, note] of file.notes.entries()) {
    const key = noteKey(note.domain, note.path);
    const first = seen.get(key);
    if (first !== undefined) {
      return {
        ok: false,
        message: `This export cannot be imported: notes[${index}] repeats notes[${first}] (the same page of ${note.domain}).`,
      };
    }
    seen.set(key, index);
  }
  const domains = new Map<string, number>();
  for (const [index, site] of file.customSites.entries()) {
    const first = domains.get(site.domain);
    if (first !== undefined) {
      return {
        ok: false,
        message: `This export cannot be imported: customSites[${index}] repeats customSites[${first}] (${site.domain}).`,
      };
    }
    domains.set(site.domain, index);
  }
  return { ok: true, file };
}

function planImport(file: ImportFile, current: TransferData, options: ImportOptions): ImportResult {
  const plan: ImportPlan = {
    exportedAt: file.exportedAt ?? null,
    notes: [],
    sites: [],
    customSites: [],
    settings: [],
    unchanged: { notes: 0, sites: 0, customSites: 0 },
    skippedNotes: 0,
    adds: 0,
    replaces: 0,
  };

  const currentNotes = new Map(current.notes.map((note) => [noteKey(note.domain, note.path), note]));
  if (options.policy?.disableNotes) plan.skippedNotes = file.notes.length;
  else {
    for (const incoming of file.notes) {
      const key = noteKey(incoming.domain, incoming.path);
      const here = currentNotes.get(key) ?? null;
      if (here && sameNote(here, incoming)) plan.unchanged.notes++;
      else plan.notes.push({ key, action: here ? 'replace' : 'add', incoming: { ...incoming }, current: here });
    }
  }

  for (const [domain, prefs] of Object.entries(file.sites)) {
    const incoming = resolveSitePrefs(prefs);
    const here = current.sites[domain] ?? null;
    const before = here ?? DEFAULT_SITE_PREFS;
    const same =
      before.labeling === incoming.labeling &&
      before.override === incoming.override &&
      before.reminder === incoming.reminder;
    if (same) plan.unchanged.sites++;
    else plan.sites.push({ key: domain, action: here ? 'replace' : 'add', incoming, current: here });
  }

  const currentSites = new Map(current.customSites.map((site) => [site.domain, site]));
  let count = current.customSites.length;
  for (const site of file.customSites) {
    const incoming = userCustomSite(site);
    const here = currentSites.get(site.domain) ?? null;
    if (here && here.name === incoming.name && here.lean === incoming.lean) plan.unchanged.customSites++;
    else {
      if (!here) count++;
      plan.customSites.push({ key: site.domain, action: here ? 'replace' : 'add', incoming, current: here });
    }
  }
  if (count > CUSTOM_SITES_MAX) {
    return {
      ok: false,
      message: `This export cannot be imported: it would make ${count} custom sites; at most ${CUSTOM_SITES_MAX} are kept.`,
    };
  }

  const days = file.settings?.retentionDays;
  if (days !== undefined && days !== current.settings.retentionDays) {
    plan.settings.push({ field: 'retentionDays', current: current.settings.retentionDays, incoming: days });
  }

  for (const entries of [plan.notes, plan.sites, plan.customSites] as PlanEntry<unknown>[][]) {
    for (const entry of entries) {
      if (entry.action === 'add') plan.adds++;
      else plan.replaces++;
    }
  }
  plan.replaces += plan.settings.length;
  return { ok: true, plan };
}

function sameNote(a: Note, b: Note): boolean {
  return a.text === b.text && a.reminder === b.reminder;
}

export function isEmptyPlan(plan: ImportPlan): boolean {
  return plan.adds + plan.replaces === 0;
}

export interface ApplyResult {
  /** Note keys written to each area. */
  notes: { sync: string[]; local: string[] };
  /** Set when sync is on and some notes had to stay local. */
  notice: Notice | null;
}

/**
 * Writes a plan from parseImport: one `set` on local (sites, custom sites, settings, local notes) and, with
 * sync on, one on sync (notes). Entries are checked again first, and the current data re-read, so that a
 * change made since the plan was shown is kept where the plan does not touch it. A replaced note is stamped
 * newer than the copy it replaces, since reads pick the newest copy.
 */
export async function applyImport(areas: NoteAreas, plan: ImportPlan): Promise<ApplyResult> {
  for (const entry of plan.notes) {
    if (!isNote(entry.incoming) || noteKey(entry.incoming.domain, entry.incoming.path) !== entry.key) {
      throw new TypeError(`Invalid note in the plan: ${entry.key}`);
    }
  }
  for (const entry of plan.sites) {
    if (!isDomainShape(entry.key) || !isSitePrefs(entry.incoming)) throw new TypeError(`Invalid site: ${entry.key}`);
  }
  for (const entry of plan.customSites) {
    if (!isCustomSite(entry.incoming) || entry.incoming.domain !== entry.key) {
      throw new TypeError(`Invalid custom site: ${entry.key}`);
    }
  }
  for (const change of plan.settings) {
    if (change.field !== 'retentionDays' || !isRetentionDays(change.incoming)) {
      throw new TypeError('Invalid setting in the plan');
    }
  }

  const { data } = await loadData(areas.local, (areas.now ?? Date.now)());
  const localWrites: Record<string, unknown> = {};
  if (plan.sites.length > 0) {
    const sites = { ...data.sites };
    for (const entry of plan.sites) {
      const prefs = resolveSitePrefs(entry.incoming);
      if (isDefaultSitePrefs(prefs)) delete sites[entry.key];
      else sites[entry.key] = prefs;
    }
    localWrites.sites = sites;
  }
  if (plan.customSites.length > 0) {
    const customSites = [...data.customSites];
    for (const entry of plan.customSites) {
      const index = customSites.findIndex((site) => site.domain === entry.key);
      if (index >= 0) customSites[index] = userCustomSite(entry.incoming);
      else customSites.push(userCustomSite(entry.incoming));
    }
    if (customSites.length > CUSTOM_SITES_MAX) throw new RangeError(`At most ${CUSTOM_SITES_MAX} custom sites`);
    localWrites.customSites = customSites;
  }
  for (const change of plan.settings) {
    localWrites.settings = { ...data.settings, [change.field]: change.incoming };
  }

  const notes: Note[] = [];
  if (!areas.policy?.disableNotes && plan.notes.length > 0) {
    const existing = await readAllNotes(areas);
    for (const entry of plan.notes) {
      const here = existing.get(entry.key);
      if (here && sameNote(here, entry.incoming)) continue;
      const updatedAt = here ? Math.max(entry.incoming.updatedAt, here.updatedAt + 1) : entry.incoming.updatedAt;
      notes.push({ ...entry.incoming, updatedAt });
    }
  }
  const written = await writeNotes(areas, notes, localWrites);
  return { notes: { sync: written.sync, local: written.local }, notice: written.notice };
}

function pathOf(path: readonly v.IssuePathItem[] | undefined): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key)).slice(0, 90)}]`;
  }
  return out || 'the file';
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
