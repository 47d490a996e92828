import type { ManagedPolicy } from './managed';
import { itemBytes, type QuotaReason, quotaReason, SYNC_QUOTA, SyncBudget, utf8Length } from './quota';
import {
  isDomainShape,
  isNote,
  isNotePath,
  isRecord,
  isTimestamp,
  NOTE_MAX_LENGTH,
  type Note,
  PATH_MAX_LENGTH,
  type Settings,
} from './schema';
import {
  type AreaName,
  backupKeyFor,
  loadData,
  parseBackupKey,
  type StorageAreaLike,
  type StorageProblem,
} from './store';

/**
 * Notes, one storage item each, keyed `note:<domain>` (the site note) or `note:<domain>|<path>` (a page
 * note). With sync off they live in `storage.local`. With sync on they go to `storage.sync`, where an item
 * too large for QUOTA_BYTES_PER_ITEM is split: a header under the note's key and the text in parts under
 * `<key>#0`, `<key>#1`, ... A write that sync refuses (or that would break a quota) goes to `storage.local`
 * instead, with a notice; reads merge both areas and the newer `updatedAt` wins, so nothing is lost.
 */

/** Every note item, chunks included, starts with this: an `onChanged` listener filters on it. */
export const NOTE_PREFIX = 'note:';
/** In `storage.local`: the list of notices the options page shows (notes that could not go to sync). */
export const NOTICES_KEY = 'notices';

const PATH_SEPARATOR = '|';
const CHUNK_SEPARATOR = '#';
const MAX_NOTICES = 20;
const MAX_CHUNKS = 64;

export interface NoteAreas {
  local: StorageAreaLike;
  /** Absent where the browser offers no sync area. */
  sync?: StorageAreaLike | undefined;
  /** The administrator's policy (managed.ts): `disableSync` keeps writes local, `disableNotes` refuses them. */
  policy?: ManagedPolicy | undefined;
  /** For `updatedAt`, notices and backup keys; tests pass a fixed clock. */
  now?: () => number;
  /**
   * The validated settings where the caller already holds them (the worker keeps them in memory): without
   * it, every note read loads and validates all stored data again to learn whether sync is on.
   */
  settings?: () => Promise<Settings>;
}

export type NoticeKind = 'sync-quota' | 'sync-error';

/** Notes that are kept in `storage.local` although sync is on; shown until they reach sync. */
export interface Notice {
  kind: NoticeKind;
  at: number;
  noteKeys: string[];
  /** The limit that was hit, for `sync-quota`. */
  quota?: QuotaReason;
  /** The browser's words, for `sync-error`. */
  message?: string;
}

export class NotesDisabledError extends Error {
  constructor() {
    super('Notes are turned off by the administrator');
    this.name = 'NotesDisabledError';
  }
}

export function noteKey(domain: string, path: string | null): string {
  return path === null ? `${NOTE_PREFIX}${domain}` : `${NOTE_PREFIX}${domain}${PATH_SEPARATOR}${path}`;
}

function chunkKey(key: string, index: number): string {
  return `${key}${CHUNK_SEPARATOR}${index}`;
}

export interface ParsedNoteKey {
  /** The note's key (a chunk's key maps to the note it belongs to). */
  key: string;
  domain: string;
  path: string | null;
  /** The part number for a chunk of a long note, null for the note's own item. */
  chunk: number | null;
}

/** Neither a domain nor a path can hold `#`, and a domain cannot hold `|`: the key splits unambiguously. */
export function parseNoteKey(storageKey: string): ParsedNoteKey | null {
  if (!storageKey.startsWith(NOTE_PREFIX)) return null;
  let rest = storageKey.slice(NOTE_PREFIX.length);
  let chunk: number | null = null;
  const hash = rest.indexOf(CHUNK_SEPARATOR);
  if (hash >= 0) {
    const index = rest.slice(hash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(index)) return null;
    chunk = Number(index);
    rest = rest.slice(0, hash);
  }
  const bar = rest.indexOf(PATH_SEPARATOR);
  const domain = bar < 0 ? rest : rest.slice(0, bar);
  const path = bar < 0 ? null : rest.slice(bar + 1);
  if (!isDomainShape(domain) || !isNotePath(path)) return null;
  return { key: noteKey(domain, path), domain, path, chunk };
}

/** For `storage.onChanged`: the note a changed key belongs to, or null when it is not a note's. */
export function noteKeyOf(storageKey: string): string | null {
  return parseNoteKey(storageKey)?.key ?? null;
}

interface ChunkHeader {
  domain: string;
  path: string | null;
  reminder: boolean;
  updatedAt: number;
  chunks: number;
  /** The same in the header and every part: parts of another write are never joined with this one. */
  id: string;
}

interface Chunk {
  id: string;
  text: string;
}

function isChunkHeader(value: unknown): value is ChunkHeader {
  return (
    isRecord(value) &&
    isDomainShape(value.domain) &&
    isNotePath(value.path) &&
    typeof value.reminder === 'boolean' &&
    isTimestamp(value.updatedAt) &&
    typeof value.chunks === 'number' &&
    Number.isInteger(value.chunks) &&
    value.chunks >= 1 &&
    value.chunks <= MAX_CHUNKS &&
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    value.id.length <= 32 &&
    value.text === undefined
  );
}

function isChunk(value: unknown): value is Chunk {
  return isRecord(value) && typeof value.id === 'string' && typeof value.text === 'string';
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10) || '0';
}

/** Only the fields of a note: whatever else a stored value carries is not written back. */
function pickNote(note: Note): Note {
  return { domain: note.domain, path: note.path, text: note.text, reminder: note.reminder, updatedAt: note.updatedAt };
}

/**
 * The items one note takes in `storage.sync`: the note itself if it fits in one item, else a header and
 * as many parts as it needs, each within QUOTA_BYTES_PER_ITEM as Chrome counts it.
 */
export function encodeForSync(
  note: Note,
  id = randomId(),
  perItem: number = SYNC_QUOTA.QUOTA_BYTES_PER_ITEM,
): Record<string, unknown> {
  const key = noteKey(note.domain, note.path);
  const plain = pickNote(note);
  if (itemBytes(key, plain) <= perItem) return { [key]: plain };
  const pieces = splitText(key, note.text, id, perItem);
  const header: ChunkHeader = {
    domain: note.domain,
    path: note.path,
    reminder: note.reminder,
    updatedAt: note.updatedAt,
    chunks: pieces.length,
    id,
  };
  const items: Record<string, unknown> = { [key]: header };
  pieces.forEach((text, index) => {
    items[chunkKey(key, index)] = { id, text } satisfies Chunk;
  });
  return items;
}

/** Splits by code point so that no part ends in half a surrogate pair; each character costs its JSON bytes. */
function splitText(key: string, text: string, id: string, perItem: number): string[] {
  const capacity = (index: number) => perItem - itemBytes(chunkKey(key, index), { id, text: '' });
  const pieces: string[] = [];
  let current = '';
  let used = 0;
  let room = capacity(0);
  for (const char of text) {
    const cost = utf8Length(JSON.stringify(char)) - 2;
    if (used + cost > room && current !== '') {
      pieces.push(current);
      current = '';
      used = 0;
      room = capacity(pieces.length);
    }
    current += char;
    used += cost;
  }
  pieces.push(current);
  return pieces;
}

type Decoded = { ok: true; note: Note } | { ok: false; reason: string; incomplete: boolean };

/** Reads the note stored under `key` from a set of items that holds its parts too. */
function decode(key: string, items: Record<string, unknown>): Decoded {
  const value = items[key];
  if (isNote(value)) {
    return noteKey(value.domain, value.path) === key
      ? { ok: true, note: pickNote(value) }
      : { ok: false, reason: 'the note names another page than its key', incomplete: false };
  }
  if (!isChunkHeader(value)) {
    const long = isRecord(value) && typeof value.text === 'string' && value.text.length > NOTE_MAX_LENGTH;
    const reason = long ? `the text is longer than ${NOTE_MAX_LENGTH} characters` : 'not a valid note';
    return { ok: false, reason, incomplete: false };
  }
  if (noteKey(value.domain, value.path) !== key) {
    return { ok: false, reason: 'the note names another page than its key', incomplete: false };
  }
  const pieces: string[] = [];
  for (let index = 0; index < value.chunks; index++) {
    const chunk = items[chunkKey(key, index)];
    if (!isChunk(chunk) || chunk.id !== value.id) {
      // Sync delivers items one by one: the other parts may simply not have arrived yet.
      return { ok: false, reason: `part ${index + 1} of ${value.chunks} has not arrived`, incomplete: true };
    }
    pieces.push(chunk.text);
  }
  const text = pieces.join('');
  if (text.length > NOTE_MAX_LENGTH) {
    return { ok: false, reason: `the text is longer than ${NOTE_MAX_LENGTH} characters`, incomplete: false };
  }
  return {
    ok: true,
    note: { domain: value.domain, path: value.path, text, reminder: value.reminder, updatedAt: value.updatedAt },
  };
}

interface Collected {
  notes: Map<string, Note>;
  /** Failed validation: moved aside (local) or backed up (sync). */
  invalid: Array<{ key: string; reason: string }>;
  /** A long note whose parts are not all there: reported, left alone. */
  incomplete: Array<{ key: string; reason: string }>;
}

function collect(items: Record<string, unknown>): Collected {
  const result: Collected = { notes: new Map(), invalid: [], incomplete: [] };
  for (const storageKey of Object.keys(items)) {
    if (!storageKey.startsWith(NOTE_PREFIX)) continue;
    const parsed = parseNoteKey(storageKey);
    if (!parsed) {
      result.invalid.push({ key: storageKey, reason: 'the key names no valid site or page' });
      continue;
    }
    // A part is read through its header; one without a header is the leftover of a shorter rewrite.
    if (parsed.chunk !== null) continue;
    const decoded = decode(parsed.key, items);
    if (decoded.ok) result.notes.set(parsed.key, decoded.note);
    else if (decoded.incomplete) result.incomplete.push({ key: parsed.key, reason: decoded.reason });
    else result.invalid.push({ key: parsed.key, reason: decoded.reason });
  }
  return result;
}

const EMPTY: Collected = { notes: new Map(), invalid: [], incomplete: [] };

/**
 * Moves invalid local items aside under backup keys. Invalid sync items are only copied to a local backup
 * (once): another device, perhaps running a newer version, may have written them, and removing them there
 * would lose its data.
 */
async function setAside(
  local: StorageAreaLike,
  localItems: Record<string, unknown>,
  localCollected: Collected,
  syncItems: Record<string, unknown>,
  syncCollected: Collected,
  at: number,
  localIsComplete: boolean,
): Promise<StorageProblem[]> {
  const problems: StorageProblem[] = [];
  const writes: Record<string, unknown> = {};
  const removes: string[] = [];
  for (const { key, reason } of localCollected.invalid) {
    const backupKey = backupKeyFor(key, at, 'local');
    writes[backupKey] = localItems[key];
    removes.push(key);
    problems.push({ key, area: 'local', backupKey, reason });
  }
  if (syncCollected.invalid.length > 0) {
    const all = localIsComplete ? localItems : await local.get(null);
    for (const { key, reason } of syncCollected.invalid) {
      const json = JSON.stringify(syncItems[key]);
      const existing = Object.keys(all).find((candidate) => {
        const parsed = parseBackupKey(candidate);
        return parsed?.area === 'sync' && parsed.key === key && JSON.stringify(all[candidate]) === json;
      });
      const backupKey = existing ?? backupKeyFor(key, at, 'sync');
      if (!existing) writes[backupKey] = syncItems[key];
      problems.push({ key, area: 'sync', backupKey, reason });
    }
  }
  for (const [area, collected] of [
    ['local', localCollected],
    ['sync', syncCollected],
  ] as const) {
    for (const { key, reason } of collected.incomplete) problems.push({ key, area, backupKey: null, reason });
  }
  if (Object.keys(writes).length > 0) await local.set(writes);
  if (removes.length > 0) await local.remove(removes);
  return problems;
}

interface Located {
  note: Note;
  area: AreaName;
}

/** Newest `updatedAt` wins; on a tie the sync copy, which every device sees. */
function merge(local: Map<string, Note>, sync: Map<string, Note>): Map<string, Located> {
  const merged = new Map<string, Located>();
  for (const [key, note] of local) merged.set(key, { note, area: 'local' });
  for (const [key, note] of sync) {
    const other = merged.get(key);
    if (!other || note.updatedAt >= other.note.updatedAt) merged.set(key, { note, area: 'sync' });
  }
  return merged;
}

interface Context {
  settings: Settings;
  /** The user chose sync (and the browser has it): notes there are read. */
  readSync: boolean;
  /** ... and the administrator allows it: notes are written there. */
  writeSync: boolean;
  now: number;
}

async function context(areas: NoteAreas): Promise<Context> {
  const now = (areas.now ?? Date.now)();
  const settings = areas.settings ? await areas.settings() : (await loadData(areas.local, now)).data.settings;
  const readSync = settings.sync && areas.sync !== undefined;
  return { settings, readSync, writeSync: readSync && !areas.policy?.disableSync, now };
}

export interface NotesRead {
  /** Sorted by domain, the site note before the page notes. */
  notes: Note[];
  /** Where each note (by key) was read from. */
  areas: Record<string, AreaName>;
  problems: StorageProblem[];
}

/** All notes (or one site's), validated and merged from both areas. */
export async function listNotes(areas: NoteAreas, filter: { domain?: string } = {}): Promise<NotesRead> {
  const ctx = await context(areas);
  const localItems = await areas.local.get(null);
  const local = collect(localItems);
  let syncItems: Record<string, unknown> = {};
  let sync = EMPTY;
  const problems: StorageProblem[] = [];
  if (ctx.readSync && areas.sync) {
    try {
      syncItems = await areas.sync.get(null);
      sync = collect(syncItems);
    } catch (error) {
      problems.push({ key: NOTE_PREFIX, area: 'sync', backupKey: null, reason: `unreadable: ${messageOf(error)}` });
    }
  }
  problems.push(...(await setAside(areas.local, localItems, local, syncItems, sync, ctx.now, true)));
  const merged = [...merge(local.notes, sync.notes).entries()]
    .filter(([, { note }]) => filter.domain === undefined || note.domain === filter.domain)
    .sort(([, a], [, b]) => compareNotes(a.note, b.note));
  return {
    notes: merged.map(([, { note }]) => note),
    areas: Object.fromEntries(merged.map(([key, { area }]) => [key, area])),
    problems,
  };
}

function compareNotes(a: Note, b: Note): number {
  if (a.domain !== b.domain) return a.domain < b.domain ? -1 : 1;
  if (a.path === b.path) return 0;
  if (a.path === null) return -1;
  if (b.path === null) return 1;
  return a.path < b.path ? -1 : 1;
}

/** The items of one note: its own and, for a long one, its parts. */
async function readNoteItems(area: StorageAreaLike, key: string): Promise<Record<string, unknown>> {
  const items = await area.get(key);
  const header = items[key];
  if (isChunkHeader(header)) {
    Object.assign(items, await area.get(Array.from({ length: header.chunks }, (_, index) => chunkKey(key, index))));
  }
  return items;
}

/** One note (the site note when `path` is null), or null. */
export async function getNote(areas: NoteAreas, domain: string, path: string | null): Promise<Note | null> {
  if (!isDomainShape(domain) || !isNotePath(path)) return null;
  const key = noteKey(domain, path);
  const ctx = await context(areas);
  const localItems = await readNoteItems(areas.local, key);
  const local = collect(localItems);
  let syncItems: Record<string, unknown> = {};
  let sync = EMPTY;
  if (ctx.readSync && areas.sync) {
    try {
      syncItems = await readNoteItems(areas.sync, key);
      sync = collect(syncItems);
    } catch {
      // An unreadable sync area hides only the sync copy; listNotes reports it.
    }
  }
  await setAside(areas.local, localItems, local, syncItems, sync, ctx.now, false);
  return merge(local.notes, sync.notes).get(key)?.note ?? null;
}

export interface NoteInput {
  domain: string;
  path: string | null;
  text: string;
  /** Defaults to false. */
  reminder?: boolean;
  /** Defaults to now. */
  updatedAt?: number;
}

/** Why a note cannot be saved, in plain words; null when it can. */
export function noteInputProblem(input: NoteInput): string | null {
  if (!isDomainShape(input.domain)) return 'domain: not a registrable domain such as example.com';
  if (!isNotePath(input.path)) {
    return `path: must be null or a URL path starting with "/", without "?" or "#", at most ${PATH_MAX_LENGTH} characters`;
  }
  if (typeof input.text !== 'string') return 'text: must be text';
  if (input.text.length > NOTE_MAX_LENGTH) {
    return `text: ${input.text.length} characters; a note holds at most ${NOTE_MAX_LENGTH}`;
  }
  if (input.reminder !== undefined && typeof input.reminder !== 'boolean') return 'reminder: must be true or false';
  if (input.updatedAt !== undefined && !isTimestamp(input.updatedAt)) return 'updatedAt: not a time';
  return null;
}

export interface SaveNoteResult {
  note: Note;
  /** Where the note went: `local` with sync on means it did not fit (see `notice`). */
  area: AreaName;
  notice: Notice | null;
}

/**
 * Saves a note where the settings say. Throws a TypeError for an invalid note (the editor should prevent
 * one) and NotesDisabledError when the administrator turned notes off.
 */
export async function saveNote(areas: NoteAreas, input: NoteInput): Promise<SaveNoteResult> {
  if (areas.policy?.disableNotes) throw new NotesDisabledError();
  const problem = noteInputProblem(input);
  if (problem) throw new TypeError(`Invalid note: ${problem}`);
  const ctx = await context(areas);
  const note: Note = {
    domain: input.domain,
    path: input.path,
    text: input.text,
    reminder: input.reminder ?? false,
    updatedAt: input.updatedAt ?? ctx.now,
  };
  const key = noteKey(note.domain, note.path);
  if (!ctx.writeSync || !areas.sync) {
    await areas.local.set({ [key]: note });
    return { note, area: 'local', notice: null };
  }
  const outcome = await writeToSync(areas.sync, [note]);
  if (outcome.failed.length > 0) {
    const notice = await keepLocally(areas.local, [note], outcome.failure, ctx.now);
    return { note, area: 'local', notice };
  }
  // The older copy a fallback left in local would lose the merge anyway; removing it keeps local tidy.
  await areas.local.remove(key);
  await updateNotices(areas.local, ctx.now, (notices) => withoutKeys(notices, [key]));
  return { note, area: 'sync', notice: null };
}

interface Failure {
  kind: NoticeKind;
  quota?: QuotaReason;
  message?: string;
}

interface SyncOutcome {
  written: Note[];
  failed: Note[];
  failure: Failure;
}

/**
 * Writes as many of the notes as fit, in one `set` (sync allows 120 writes a minute), then removes the parts
 * that shorter rewrites left over. Notes that do not fit, or all of them if the browser refuses the write,
 * come back as `failed` for the caller to keep locally.
 */
async function writeToSync(sync: StorageAreaLike, notes: readonly Note[]): Promise<SyncOutcome> {
  let existing: Record<string, unknown>;
  try {
    existing = await sync.get(null);
  } catch (error) {
    return { written: [], failed: [...notes], failure: failureOf(error) };
  }
  const budget = new SyncBudget(existing);
  const batch: Record<string, unknown> = {};
  const written: Note[] = [];
  const failed: Note[] = [];
  let failure: Failure = { kind: 'sync-quota' };
  for (const note of notes) {
    const items = encodeForSync(note);
    const over = budget.apply(items);
    if (over) {
      failed.push(note);
      failure = { kind: 'sync-quota', quota: over };
    } else {
      Object.assign(batch, items);
      written.push(note);
    }
  }
  if (written.length === 0) return { written, failed, failure };
  try {
    await sync.set(batch);
  } catch (error) {
    return { written: [], failed: [...notes], failure: failureOf(error) };
  }
  const writtenKeys = new Set(written.map((note) => noteKey(note.domain, note.path)));
  const stale = Object.keys(existing).filter((storageKey) => {
    const parsed = parseNoteKey(storageKey);
    return parsed !== null && parsed.chunk !== null && writtenKeys.has(parsed.key) && !(storageKey in batch);
  });
  if (stale.length > 0) {
    // Leftover parts are never read (the header says how many there are); if this fails they only take room.
    await sync.remove(stale).catch(() => undefined);
  }
  return { written, failed, failure };
}

function failureOf(error: unknown): Failure {
  const quota = quotaReason(error);
  return quota ? { kind: 'sync-quota', quota } : { kind: 'sync-error', message: messageOf(error).slice(0, 200) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Writes the notes to local together with the notice that says why they are there, in one step. */
async function keepLocally(local: StorageAreaLike, notes: readonly Note[], failure: Failure, at: number) {
  const keys = notes.map((note) => noteKey(note.domain, note.path));
  const notice: Notice = { ...failure, at, noteKeys: keys };
  const notices = withNotice(await readNotices(local, at), notice);
  const writes: Record<string, unknown> = { [NOTICES_KEY]: notices };
  for (const note of notes) writes[noteKey(note.domain, note.path)] = note;
  await local.set(writes);
  return notices.at(-1) ?? notice;
}

/** Deletes a note from every area it is read from. Returns whether there was one. */
export async function deleteNote(areas: NoteAreas, domain: string, path: string | null): Promise<boolean> {
  if (!isDomainShape(domain) || !isNotePath(path)) return false;
  const key = noteKey(domain, path);
  const ctx = await context(areas);
  let existed = false;
  if (ctx.readSync && areas.sync) {
    // Sync first: if it refuses, nothing has changed and the caller can say so.
    const all = await areas.sync.get(null);
    const keys = Object.keys(all).filter((k) => k === key || k.startsWith(`${key}${CHUNK_SEPARATOR}`));
    if (keys.length > 0) {
      await areas.sync.remove(keys);
      existed = true;
    }
  }
  const local = await areas.local.get(key);
  if (key in local) {
    await areas.local.remove(key);
    existed = true;
  }
  await updateNotices(areas.local, ctx.now, (notices) => withoutKeys(notices, [key]));
  return existed;
}

export interface SyncSwitchResult {
  /** The setting as it now stands. */
  sync: boolean;
  /** Why the switch was not made: the administrator forbids it, or the browser has no sync area. */
  refused: 'managed' | 'unavailable' | null;
  /** Turning on: local notes now in sync. */
  moved: string[];
  /** Turning on: local notes that stay local for lack of room (the notice says so). */
  keptLocal: string[];
  /** Turning off: sync notes copied to local (they stay in sync for the user's other devices). */
  copied: string[];
  notice: Notice | null;
}

/**
 * Turns note sync on (moving local notes to sync as far as the quotas allow) or off (copying every sync
 * note to local first, in the same write that turns the setting off, so nothing is stranded).
 */
export async function setSyncEnabled(areas: NoteAreas, on: boolean): Promise<SyncSwitchResult> {
  const ctx = await context(areas);
  const result: SyncSwitchResult = {
    sync: ctx.settings.sync,
    refused: null,
    moved: [],
    keptLocal: [],
    copied: [],
    notice: null,
  };
  if (on) {
    if (areas.policy?.disableSync) return { ...result, refused: 'managed' };
    if (!areas.sync) return { ...result, refused: 'unavailable' };
    if (!ctx.settings.sync) await areas.local.set({ settings: { ...ctx.settings, sync: true } });
    const pushed = await pushLocalNotesToSync(areas);
    return { ...result, ...pushed, sync: true };
  }
  const writes: Record<string, unknown> = { settings: { ...ctx.settings, sync: false } };
  if (areas.sync) {
    const [syncItems, localItems] = await Promise.all([areas.sync.get(null), areas.local.get(null)]);
    const local = collect(localItems).notes;
    for (const [key, note] of collect(syncItems).notes) {
      const mine = local.get(key);
      if (!mine || mine.updatedAt < note.updatedAt) {
        writes[key] = note;
        result.copied.push(key);
      }
    }
  }
  await areas.local.set(writes);
  return { ...result, sync: false };
}

export interface PushResult {
  moved: string[];
  keptLocal: string[];
  notice: Notice | null;
}

/**
 * Moves the notes kept in local to sync, newest first, as far as the quotas allow; those that still do not
 * fit stay local under a notice. Run when sync is turned on, and worth running again later (a minute after
 * a write-rate refusal, or after the user deleted notes) to clear notices.
 */
export async function pushLocalNotesToSync(areas: NoteAreas): Promise<PushResult> {
  const ctx = await context(areas);
  const localItems = await areas.local.get(null);
  const localNotes = [...collect(localItems).notes.values()];
  if (!ctx.writeSync || !areas.sync || localNotes.length === 0) {
    return { moved: [], keptLocal: localNotes.map((n) => noteKey(n.domain, n.path)), notice: null };
  }
  let syncNotes = new Map<string, Note>();
  try {
    syncNotes = collect(await areas.sync.get(null)).notes;
  } catch {
    // writeToSync below meets the same error and records it.
  }
  const superseded: string[] = [];
  const candidates: Note[] = [];
  for (const note of localNotes.sort((a, b) => b.updatedAt - a.updatedAt)) {
    const key = noteKey(note.domain, note.path);
    const there = syncNotes.get(key);
    // A newer copy in sync wins every read: the local one is an old version, not a note of its own.
    if (there && there.updatedAt >= note.updatedAt) superseded.push(key);
    else candidates.push(note);
  }
  const outcome = candidates.length > 0 ? await writeToSync(areas.sync, candidates) : null;
  const moved = outcome?.written.map((n) => noteKey(n.domain, n.path)) ?? [];
  const keptLocal = outcome?.failed.map((n) => noteKey(n.domain, n.path)) ?? [];
  const done = [...moved, ...superseded];
  if (done.length > 0) await areas.local.remove(done);
  let notice: Notice | null = null;
  await updateNotices(areas.local, ctx.now, (notices) => {
    let next = withoutKeys(notices, done);
    if (outcome && keptLocal.length > 0) {
      next = withNotice(next, { ...outcome.failure, at: ctx.now, noteKeys: keptLocal });
      notice = next.at(-1) ?? null;
    }
    return next;
  });
  return { moved, keptLocal, notice };
}

function isNotice(value: unknown): value is Notice {
  return (
    isRecord(value) &&
    (value.kind === 'sync-quota' || value.kind === 'sync-error') &&
    isTimestamp(value.at) &&
    Array.isArray(value.noteKeys) &&
    value.noteKeys.every((key) => typeof key === 'string') &&
    (value.quota === undefined || typeof value.quota === 'string') &&
    (value.message === undefined || typeof value.message === 'string')
  );
}

/** The notices, validated; a malformed list is moved aside like any stored value. */
async function readNotices(local: StorageAreaLike, at: number): Promise<Notice[]> {
  const stored = (await local.get(NOTICES_KEY))[NOTICES_KEY];
  if (stored === undefined) return [];
  if (Array.isArray(stored) && stored.every(isNotice)) return stored;
  const valid = Array.isArray(stored) ? stored.filter(isNotice) : [];
  await local.set({ [backupKeyFor(NOTICES_KEY, at)]: stored, [NOTICES_KEY]: valid });
  return valid;
}

async function updateNotices(
  local: StorageAreaLike,
  at: number,
  change: (notices: Notice[]) => Notice[],
): Promise<void> {
  const before = await readNotices(local, at);
  const after = change(before);
  if (JSON.stringify(after) !== JSON.stringify(before)) await local.set({ [NOTICES_KEY]: after });
}

/** A repeat of the latest notice (same kind and limit) joins it rather than piling up. */
function withNotice(notices: Notice[], notice: Notice): Notice[] {
  const last = notices.at(-1);
  if (last && last.kind === notice.kind && last.quota === notice.quota) {
    const noteKeys = [...new Set([...last.noteKeys, ...notice.noteKeys])];
    return [...notices.slice(0, -1), { ...last, ...notice, noteKeys }];
  }
  return [...notices, notice].slice(-MAX_NOTICES);
}

function withoutKeys(notices: Notice[], keys: readonly string[]): Notice[] {
  if (keys.length === 0) return notices;
  const gone = new Set(keys);
  return notices
    .map((notice) => ({ ...notice, noteKeys: notice.noteKeys.filter((key) => !gone.has(key)) }))
    .filter((notice) => notice.noteKeys.length > 0);
}

/** Notes kept in local although sync is on, and why; empty when everything reached sync. */
export async function listNotices(local: StorageAreaLike): Promise<Notice[]> {
  return readNotices(local, Date.now());
}

export async function clearNotices(local: StorageAreaLike): Promise<void> {
  await local.remove(NOTICES_KEY);
}

/** Used by transfer.ts: the notes of both areas, merged, without moving anything aside. */
export async function readAllNotes(areas: NoteAreas): Promise<Map<string, Note>> {
  const ctx = await context(areas);
  const local = collect(await areas.local.get(null)).notes;
  let sync = new Map<string, Note>();
  if (ctx.readSync && areas.sync) sync = collect(await areas.sync.get(null)).notes;
  return new Map([...merge(local, sync)].map(([key, { note }]) => [key, note]));
}

/** Used by transfer.ts: writes notes where saveNote would, in one `set` per area, with the same fallback. */
export async function writeNotes(
  areas: NoteAreas,
  notes: readonly Note[],
  alsoLocal: Record<string, unknown> = {},
): Promise<{ sync: string[]; local: string[]; notice: Notice | null }> {
  const ctx = await context(areas);
  const localWrites: Record<string, unknown> = { ...alsoLocal };
  let toLocal = [...notes];
  let synced: string[] = [];
  let notice: Notice | null = null;
  if (ctx.writeSync && areas.sync && notes.length > 0) {
    const outcome = await writeToSync(areas.sync, notes);
    synced = outcome.written.map((n) => noteKey(n.domain, n.path));
    toLocal = outcome.failed;
    if (toLocal.length > 0) {
      const keys = toLocal.map((n) => noteKey(n.domain, n.path));
      const notices = withNotice(await readNotices(areas.local, ctx.now), {
        ...outcome.failure,
        at: ctx.now,
        noteKeys: keys,
      });
      localWrites[NOTICES_KEY] = notices;
      notice = notices.at(-1) ?? null;
    }
  }
  for (const note of toLocal) localWrites[noteKey(note.domain, note.path)] = note;
  if (Object.keys(localWrites).length > 0) await areas.local.set(localWrites);
  return { sync: synced, local: toLocal.map((n) => noteKey(n.domain, n.path)), notice };
}
