import * as v from 'valibot';

/**
 * Why a stored value was set aside, as a code and its data (a field name, a version, a count), never as an
 * English sentence: the options page words each code in the user's language (options/reasonText.ts).
 */
const PROBLEM_CODES = [
  /** The value does not have its shape (or repeats an entry, or is past a limit); `params` name the parts. */
  'invalid',
  /** Fields this version does not know, most likely from a newer version; `params` lists them. */
  'unknownFields',
  /** The data says it was written by a newer version; `params[0]` is its version. */
  'newerVersion',
  /** `schemaVersion` is not a version number. */
  'badVersion',
  /** A note's key names no valid site or page. */
  'badKey',
  /** A note names another page than its key. */
  'otherPage',
  /** A note's text is longer than a note holds; `params[0]` is the limit. */
  'tooLong',
  /** A long note whose sync parts have not all arrived; `params` are the missing part's number and the count. */
  'incomplete',
  /** The browser could not read the area; `params[0]` is its message. */
  'unreadable',
  /** Usage totals with damaged entries, replaced by what was valid in them. */
  'usageDamaged',
  /** Set aside by an earlier version, which kept no reason. */
  'unrecorded',
] as const;
type ProblemCode = (typeof PROBLEM_CODES)[number];

const ProblemReasonSchema = v.object({
  code: v.picklist(PROBLEM_CODES),
  params: v.optional(v.array(v.pipe(v.string(), v.maxLength(200))), []),
});
export type ProblemReason = v.InferOutput<typeof ProblemReasonSchema>;

export function reason(code: ProblemCode, ...params: Array<string | number>): ProblemReason {
  return { code, params: params.map((param) => String(param).slice(0, 200)) };
}

export type AreaName = 'local' | 'sync';

/** A stored value that failed validation. */
export interface StorageProblem {
  /** The storage key of the value (`settings`, `note:example.com`, ...). */
  key: string;
  area: AreaName;
  /** Where the original value was copied; null when it was left in place (an incomplete note). */
  backupKey: string | null;
  reason: ProblemReason;
}

/** What a backup key holds: the value as it was, and why it was set aside. */
export const BackupRecordSchema = v.object({
  setAside: v.literal(1),
  reason: ProblemReasonSchema,
  value: v.unknown(),
});
