import * as v from 'valibot';
import { type UsageTotals, UsageTotalsSchema } from '../../usage/schema';
import { MAX_IMPORT_CHARS } from '../limits';
import { noteKey } from '../notes/keys';
import {
  Bool,
  type CustomSite,
  isRecord,
  issuePath,
  type Note,
  NotePath,
  NoteSchema,
  objectMessage,
  type ResolvedSitePrefs,
  RetentionDays,
  type Settings,
  SitePrefsSchema,
  Timestamp,
  UserCustomSite,
} from '../schema';
import { type ImportRefusal, type ImportRefusalCode, refusal } from './refusal';

/**
 * The export file: one JSON object with a format name and version. Version 2 can carry usage records; a
 * version 1 file (before usage, with the `allSites` setting that went) is lifted to version 2 by
 * `FORMAT_MIGRATIONS` before it is checked, so old exports import as they always did.
 */

export const EXPORT_FORMAT = 'reach-or-relate';
export const EXPORT_FORMAT_VERSION = 2;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: number;
  settings: Settings;
  sites: Record<string, ResolvedSitePrefs>;
  notes: Note[];
  /** The user's own custom sites; the administrator's are not the user's to carry elsewhere. */
  customSites: CustomSite[];
  /** Time per day and site, when the user chose to include it. */
  usage?: UsageTotals;
}

type RawFile = Record<string, unknown>;

/** `FORMAT_MIGRATIONS[n - 1]` lifts a file of version n to n + 1. Each is pure and never throws. */
const FORMAT_MIGRATIONS: ReadonlyArray<(file: RawFile) => RawFile> = [
  // 1 -> 2: `settings.allSites` is gone (the permission is the setting); usage records may follow.
  (file) => {
    const next: RawFile = { ...file, formatVersion: 2 };
    if (isRecord(file.settings)) {
      const { allSites: _dropped, ...settings } = file.settings;
      next.settings = settings;
    }
    return next;
  },
];

const ImportNote = v.object(
  { ...NoteSchema.entries, path: v.optional(NotePath, null), reminder: v.optional(Bool, false) },
  objectMessage,
);

const FileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  formatVersion: v.literal(EXPORT_FORMAT_VERSION),
  exportedAt: v.optional(Timestamp),
  settings: v.optional(v.object({ sync: v.optional(Bool), retentionDays: v.optional(RetentionDays) }, objectMessage)),
  sites: v.optional(v.record(NoteSchema.entries.domain, SitePrefsSchema, 'must be an object'), {}),
  notes: v.optional(v.array(ImportNote, 'must be a list'), []),
  customSites: v.optional(v.array(UserCustomSite, 'must be a list'), []),
  usage: v.optional(UsageTotalsSchema),
});

export type ImportFile = v.InferOutput<typeof FileSchema>;

type Checked = { ok: true; file: ImportFile } | { ok: false; refusal: ImportRefusal };

const refused = (code: ImportRefusalCode, ...params: Array<string | number>): Checked => ({
  ok: false,
  refusal: refusal(code, ...params),
});

/** Reads and checks a file whole; the refusal names the first problem, for the options page to word. */
export function checkFile(text: string): Checked {
  if (typeof text !== 'string' || text.length > MAX_IMPORT_CHARS) return refused('tooLarge');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused('notJson');
  }
  if (!isRecord(json)) return refused('notObject');
  const { format, formatVersion } = json;
  if (format !== EXPORT_FORMAT)
    return typeof format === 'string' ? refused('otherFormat', quoted(format)) : refused('noFormat');
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return refused('badFormatVersion');
  }
  if (formatVersion > EXPORT_FORMAT_VERSION) return refused('newerFormat', formatVersion, EXPORT_FORMAT_VERSION);
  let lifted: RawFile = json;
  for (let version = formatVersion; version < EXPORT_FORMAT_VERSION; version++) {
    lifted = FORMAT_MIGRATIONS[version - 1]?.(lifted) ?? lifted;
  }
  const parsed = v.safeParse(FileSchema, lifted, { abortEarly: true });
  // The schema's own message is English, for developers: the user is told which part failed.
  if (!parsed.success) return refused('invalid', issuePath(parsed.issues[0].path) || '-');
  const file = parsed.output;
  const seen = new Map<string, number>();
  for (const [index, note] of file.notes.entries()) {
    const key = noteKey(note.domain, note.path);
    const first = seen.get(key);
    if (first !== undefined) return refused('repeatedNote', `notes[${index}]`, `notes[${first}]`, note.domain);
    seen.set(key, index);
  }
  const domains = new Map<string, number>();
  for (const [index, site] of file.customSites.entries()) {
    const first = domains.get(site.domain);
    if (first !== undefined) {
      return refused('repeatedCustomSite', `customSites[${index}]`, `customSites[${first}]`, site.domain);
    }
    domains.set(site.domain, index);
  }
  return { ok: true, file };
}

export function exportJson(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `reach-or-relate-2025-01-31.json`, in UTC so the name does not depend on where it was made. */
export function exportFileName(at: number): string {
  return `${EXPORT_FORMAT}-${new Date(at).toISOString().slice(0, 10)}.json`;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
