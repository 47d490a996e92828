import * as v from 'valibot';
import type { AreaName } from '../problems';
import { issuePath, type Note, NoteSchema, type Notice } from '../schema';
import { encodeForLocal } from './codec';
import { isItemOf, noteKey } from './keys';
import { updateNotices, withoutKeys } from './notices';
import { context, type NoteAreas } from './read';
import { keepLocally, writeToSync } from './sync';

/**
 * Notes, one storage item each (keys.ts). With sync off they live in `storage.local`; with sync on in
 * `storage.sync`, split into parts when long (codec.ts), with `storage.local` as the fallback under a notice
 * (sync.ts, notices.ts). Reads merge both areas and the newer `updatedAt` wins (read.ts), so nothing is lost.
 * This file is the public face: the rest of the extension imports notes from here.
 */

export { encodeForSync } from './codec';
export { NOTE_PREFIX, noteKey, parseNoteKey } from './keys';
export { listNotices } from './notices';
export { getNote, listNotes, type NoteAreas, readAllNotes } from './read';
export { createSyncRetry, SYNC_RETRY_ALARM, type SyncRetry } from './retry';
export { pushLocalNotesToSync, type SyncSwitchResult, setSyncEnabled, writeNotes } from './sync';

export class NotesDisabledError extends Error {
  constructor() {
    super('Notes are turned off by the administrator');
    this.name = 'NotesDisabledError';
  }
}

interface NoteInput {
  domain: string;
  path: string | null;
  text: string;
  /** Defaults to false. */
  reminder?: boolean;
  /** Defaults to now. */
  updatedAt?: number;
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
  // Checked before anything is read: a refused note must leave storage exactly as it was.
  const parsed = v.safeParse(
    NoteSchema,
    { ...input, reminder: input.reminder ?? false, updatedAt: input.updatedAt ?? 0 },
    { abortEarly: true },
  );
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new TypeError(`Invalid note: ${issuePath(issue.path) || 'note'} ${issue.message}`);
  }
  const ctx = await context(areas);
  const note = { ...parsed.output, updatedAt: input.updatedAt ?? ctx.now };
  const key = noteKey(note.domain, note.path);
  if (!ctx.writeSync || !areas.sync) {
    await areas.local.set(encodeForLocal(note));
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

/** Deletes a note from every area it is read from. Returns whether there was one. */
export async function deleteNote(areas: NoteAreas, domain: string, path: string | null): Promise<boolean> {
  if (!v.is(NoteSchema.entries.domain, domain) || !v.is(NoteSchema.entries.path, path)) return false;
  const key = noteKey(domain, path);
  const ctx = await context(areas);
  let existed = false;
  if (ctx.readSync && areas.sync) {
    // Sync first: if it refuses, nothing has changed and the caller can say so.
    const keys = Object.keys(await areas.sync.get(null)).filter((k) => isItemOf(k, key));
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
