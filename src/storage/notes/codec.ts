import * as v from 'valibot';
import type { StorageAreaLike } from '../keys';
import { NOTE_MAX_LENGTH } from '../limits';
import { type ProblemReason, reason } from '../problems';
import { itemBytes, SYNC_QUOTA, utf8Length } from '../quota';
import {
  type Chunk,
  type ChunkHeader,
  ChunkHeaderSchema,
  ChunkSchema,
  isRecord,
  type Note,
  NoteSchema,
  pickNote,
  unknownFields,
} from '../schema';
import { chunkKey, noteKey } from './keys';

/**
 * How a note is stored: one item when it fits in QUOTA_BYTES_PER_ITEM, else (in `storage.sync`) a header under
 * the note's key and the text in parts under `<key>#0`, `<key>#1`, ..., each within the limit as Chrome counts
 * it. Decoding joins the parts back, or says why it cannot.
 */

function randomId(): string {
  return Math.random().toString(36).slice(2, 10) || '0';
}

/** The items one note takes in `storage.sync`. */
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

type Decoded =
  /** `extra`: fields this version does not know (a newer version's), set aside as a copy before any rewrite. */
  { ok: true; note: Note; extra: string[] } | { ok: false; reason: ProblemReason; incomplete: boolean };

function isHeader(value: unknown): value is ChunkHeader {
  return v.is(ChunkHeaderSchema, value);
}

/** Reads the note stored under `key` from a set of items that holds its parts too. */
export function decode(key: string, items: Record<string, unknown>): Decoded {
  const value = items[key];
  const plain = v.safeParse(NoteSchema, value);
  if (plain.success) {
    return noteKey(plain.output.domain, plain.output.path) === key
      ? { ok: true, note: pickNote(plain.output), extra: unknownFields(value, NoteSchema) }
      : { ok: false, reason: reason('otherPage'), incomplete: false };
  }
  if (!isHeader(value)) {
    const long = isRecord(value) && typeof value.text === 'string' && value.text.length > NOTE_MAX_LENGTH;
    return { ok: false, reason: long ? reason('tooLong', NOTE_MAX_LENGTH) : reason('invalid', key), incomplete: false };
  }
  if (noteKey(value.domain, value.path) !== key) {
    return { ok: false, reason: reason('otherPage'), incomplete: false };
  }
  const pieces: string[] = [];
  for (let index = 0; index < value.chunks; index++) {
    const chunk = items[chunkKey(key, index)];
    if (!v.is(ChunkSchema, chunk) || chunk.id !== value.id) {
      // Sync delivers items one by one: the other parts may simply not have arrived yet.
      return { ok: false, reason: reason('incomplete', index + 1, value.chunks), incomplete: true };
    }
    pieces.push(chunk.text);
  }
  const text = pieces.join('');
  if (text.length > NOTE_MAX_LENGTH) {
    return { ok: false, reason: reason('tooLong', NOTE_MAX_LENGTH), incomplete: false };
  }
  const { domain, path, reminder, updatedAt } = value;
  return { ok: true, note: { domain, path, text, reminder, updatedAt }, extra: [] };
}

/** The items of one note: its own and, for a long one, its parts. */
export async function readNoteItems(area: StorageAreaLike, key: string): Promise<Record<string, unknown>> {
  const items = await area.get(key);
  const header = items[key];
  if (isHeader(header)) {
    Object.assign(items, await area.get(Array.from({ length: header.chunks }, (_, index) => chunkKey(key, index))));
  }
  return items;
}

/** The item of one note in `storage.local`, which has no per-item limit: the note itself, checked. */
export function encodeForLocal(note: Note): Record<string, unknown> {
  const checked = v.safeParse(NoteSchema, note);
  if (!checked.success) throw new TypeError(`Refusing to store an invalid note: ${checked.issues[0].message}`);
  return { [noteKey(note.domain, note.path)]: pickNote(checked.output) };
}
