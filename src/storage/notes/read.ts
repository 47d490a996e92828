import * as v from 'valibot';
import { backupItem, backupKeyFor, existingBackup } from '../backups';
import type { StorageAreaLike } from '../keys';
import type { ManagedPolicy } from '../managed';
import { type AreaName, type ProblemReason, reason, type StorageProblem } from '../problems';
import { Domain, type Note, NotePath, type Settings } from '../schema';
import { loadData } from '../store';
import { decode, readNoteItems } from './codec';
import { NOTE_PREFIX, noteKey, parseNoteKey } from './keys';

/**
 * Reading notes: both areas are collected, each item validated; what fails is set aside (moved to a backup
 * in local, copied once from sync), a long note whose parts have not all arrived is reported and left alone,
 * and where a note is in both areas the newer `updatedAt` wins.
 */

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

interface Context {
  settings: Settings;
  /** The user chose sync (and the browser has it): notes there are read. */
  readSync: boolean;
  /** ... and the administrator allows it: notes are written there. */
  writeSync: boolean;
  now: number;
}

export async function context(areas: NoteAreas): Promise<Context> {
  const now = (areas.now ?? Date.now)();
  const settings = areas.settings ? await areas.settings() : (await loadData(areas.local, now)).data.settings;
  const readSync = settings.sync && areas.sync !== undefined;
  return { settings, readSync, writeSync: readSync && !areas.policy?.disableSync, now };
}

interface Flagged {
  key: string;
  reason: ProblemReason;
}

interface Collected {
  notes: Map<string, Note>;
  /** Failed validation: moved aside (local) or backed up (sync). */
  invalid: Flagged[];
  /** A long note whose parts are not all there: reported, left alone. */
  incomplete: Flagged[];
  /** Valid notes with fields this version does not know: copied aside once, read as they are. */
  extra: Flagged[];
}

export function collect(items: Record<string, unknown>): Collected {
  const result: Collected = { notes: new Map(), invalid: [], incomplete: [], extra: [] };
  for (const storageKey of Object.keys(items)) {
    if (!storageKey.startsWith(NOTE_PREFIX)) continue;
    const parsed = parseNoteKey(storageKey);
    if (!parsed) {
      result.invalid.push({ key: storageKey, reason: reason('badKey') });
      continue;
    }
    // A part is read through its header; one without a header is the leftover of a shorter rewrite.
    if (parsed.chunk !== null) continue;
    const decoded = decode(parsed.key, items);
    if (decoded.ok) {
      result.notes.set(parsed.key, decoded.note);
      if (decoded.extra.length > 0)
        result.extra.push({ key: parsed.key, reason: reason('unknownFields', ...decoded.extra) });
    } else if (decoded.incomplete) result.incomplete.push({ key: parsed.key, reason: decoded.reason });
    else result.invalid.push({ key: parsed.key, reason: decoded.reason });
  }
  return result;
}

const EMPTY: Collected = { notes: new Map(), invalid: [], incomplete: [], extra: [] };

/**
 * Moves invalid local items aside under backup keys. Invalid sync items, and items of either area with
 * fields this version does not know, are only copied to a local backup (once): another device, perhaps
 * running a newer version, may have written them, and removing them would lose its data.
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
  for (const { key, reason: why } of localCollected.invalid) {
    const backupKey = backupKeyFor(key, at, 'local');
    Object.assign(writes, backupItem(backupKey, why, localItems[key]));
    removes.push(key);
    problems.push({ key, area: 'local', backupKey, reason: why });
  }
  const copies: Array<Flagged & { area: AreaName; value: unknown }> = [
    ...syncCollected.invalid.map((f) => ({ ...f, area: 'sync' as const, value: syncItems[f.key] })),
    ...syncCollected.extra.map((f) => ({ ...f, area: 'sync' as const, value: syncItems[f.key] })),
    ...localCollected.extra.map((f) => ({ ...f, area: 'local' as const, value: localItems[f.key] })),
  ];
  if (copies.length > 0) {
    const all = localIsComplete ? localItems : await local.get(null);
    for (const { key, reason: why, area, value } of copies) {
      const existing = existingBackup(all, key, area, value);
      const backupKey = existing ?? backupKeyFor(key, at, area);
      if (!existing) Object.assign(writes, backupItem(backupKey, why, value));
      problems.push({ key, area, backupKey, reason: why });
    }
  }
  for (const [area, collected] of [
    ['local', localCollected],
    ['sync', syncCollected],
  ] as const) {
    for (const { key, reason: why } of collected.incomplete) problems.push({ key, area, backupKey: null, reason: why });
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

interface NotesRead {
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
      problems.push({
        key: NOTE_PREFIX,
        area: 'sync',
        backupKey: null,
        reason: reason('unreadable', messageOf(error)),
      });
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

/** One note (the site note when `path` is null), or null. */
export async function getNote(areas: NoteAreas, domain: string, path: string | null): Promise<Note | null> {
  if (!v.is(Domain, domain) || !v.is(NotePath, path)) return null;
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

/** The notes of both areas, merged, without moving anything aside (export and import). */
export async function readAllNotes(areas: NoteAreas): Promise<Map<string, Note>> {
  const ctx = await context(areas);
  const local = collect(await areas.local.get(null)).notes;
  let sync = new Map<string, Note>();
  if (ctx.readSync && areas.sync) sync = collect(await areas.sync.get(null)).notes;
  return new Map([...merge(local, sync)].map(([key, { note }]) => [key, note]));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
