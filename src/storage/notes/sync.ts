import { item, KEYS, type StorageAreaLike } from '../keys';
import { quotaReason, SyncBudget } from '../quota';
import type { Note, Notice } from '../schema';
import { encodeForLocal, encodeForSync } from './codec';
import { noteKey, parseNoteKey } from './keys';
import { readNotices, updateNotices, withNotice, withoutKeys } from './notices';
import { collect, context, messageOf, type NoteAreas } from './read';

/**
 * Writing to `storage.sync` with `storage.local` as the fallback: a note that sync refuses, or that would
 * break a quota, is written to local with a notice instead, so nothing is lost; `pushLocalNotesToSync` moves
 * such notes to sync later (run when sync is turned on and by the worker's retry alarm).
 */

type Failure = Pick<Notice, 'kind' | 'quota' | 'message'>;

interface SyncOutcome {
  written: Note[];
  failed: Note[];
  failure: Failure;
}

const keyOf = (note: Note) => noteKey(note.domain, note.path);

/**
 * Writes as many of the notes as fit, in one `set` (sync allows 120 writes a minute), then removes the parts
 * that shorter rewrites left over. Notes that do not fit, or all of them if the browser refuses the write,
 * come back as `failed` for the caller to keep locally.
 */
export async function writeToSync(sync: StorageAreaLike, notes: readonly Note[]): Promise<SyncOutcome> {
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
  const writtenKeys = new Set(written.map(keyOf));
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

/** Whether a notice is about the write-rate limits, which a later retry gets past by itself. */
export function isRateLimited(notice: Notice): boolean {
  return notice.quota === 'MAX_WRITE_OPERATIONS_PER_MINUTE' || notice.quota === 'MAX_WRITE_OPERATIONS_PER_HOUR';
}

/** Writes the notes to local together with the notice that says why they are there, in one step. */
export async function keepLocally(
  local: StorageAreaLike,
  notes: readonly Note[],
  failure: Failure,
  at: number,
): Promise<Notice> {
  const notice: Notice = { ...failure, at, noteKeys: notes.map(keyOf) };
  const notices = withNotice(await readNotices(local, at), notice);
  const writes: Record<string, unknown> = item(KEYS.notices, notices);
  for (const note of notes) Object.assign(writes, encodeForLocal(note));
  await local.set(writes);
  return notices.at(-1) ?? notice;
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
    if (!ctx.settings.sync) await areas.local.set(item(KEYS.settings, { ...ctx.settings, sync: true }));
    const pushed = await pushLocalNotesToSync(areas);
    return { ...result, ...pushed, sync: true };
  }
  const writes: Record<string, unknown> = item(KEYS.settings, { ...ctx.settings, sync: false });
  if (areas.sync) {
    const [syncItems, localItems] = await Promise.all([areas.sync.get(null), areas.local.get(null)]);
    const local = collect(localItems).notes;
    for (const [key, note] of collect(syncItems).notes) {
      const mine = local.get(key);
      if (!mine || mine.updatedAt < note.updatedAt) {
        Object.assign(writes, encodeForLocal(note));
        result.copied.push(key);
      }
    }
  }
  await areas.local.set(writes);
  return { ...result, sync: false };
}

interface PushResult {
  moved: string[];
  keptLocal: string[];
  notice: Notice | null;
}

/**
 * Moves the notes kept in local to sync, newest first, as far as the quotas allow; those that still do not
 * fit stay local under a notice. Run when sync is turned on, and again by the worker's alarm after a
 * write-rate refusal, so that the notice's promise ("they go to sync later") holds without the user.
 */
export async function pushLocalNotesToSync(areas: NoteAreas): Promise<PushResult> {
  const ctx = await context(areas);
  const localItems = await areas.local.get(null);
  const localNotes = [...collect(localItems).notes.values()];
  if (!ctx.writeSync || !areas.sync || localNotes.length === 0) {
    return { moved: [], keptLocal: localNotes.map(keyOf), notice: null };
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
    const key = keyOf(note);
    const there = syncNotes.get(key);
    // A newer copy in sync wins every read: the local one is an old version, not a note of its own.
    if (there && there.updatedAt >= note.updatedAt) superseded.push(key);
    else candidates.push(note);
  }
  const outcome = candidates.length > 0 ? await writeToSync(areas.sync, candidates) : null;
  const moved = outcome?.written.map(keyOf) ?? [];
  const keptLocal = outcome?.failed.map(keyOf) ?? [];
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

/** Writes notes where saveNote would, in one `set` per area, with the same fallback (used by imports). */
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
    synced = outcome.written.map(keyOf);
    toLocal = outcome.failed;
    if (toLocal.length > 0) {
      const notices = withNotice(await readNotices(areas.local, ctx.now), {
        ...outcome.failure,
        at: ctx.now,
        noteKeys: toLocal.map(keyOf),
      });
      Object.assign(localWrites, item(KEYS.notices, notices));
      notice = notices.at(-1) ?? null;
    }
  }
  for (const note of toLocal) Object.assign(localWrites, encodeForLocal(note));
  if (Object.keys(localWrites).length > 0) await areas.local.set(localWrites);
  return { sync: synced, local: toLocal.map(keyOf), notice };
}
