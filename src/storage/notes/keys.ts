import * as v from 'valibot';
import { FAMILIES } from '../keys';
import { Domain, NotePath } from '../schema';

/**
 * The keys of notes: `note:<domain>` for the site note, `note:<domain>|<path>` for a page note, and, for a
 * long note split across `storage.sync` items, `<key>#0`, `<key>#1`, ... for its parts (codec.ts).
 */

/** Every note item, parts included, starts with this (keys.ts names the family). */
export const NOTE_PREFIX = FAMILIES.note.prefix;
const PATH_SEPARATOR = '|';
const CHUNK_SEPARATOR = '#';

export function noteKey(domain: string, path: string | null): string {
  return path === null ? `${NOTE_PREFIX}${domain}` : `${NOTE_PREFIX}${domain}${PATH_SEPARATOR}${path}`;
}

export function chunkKey(key: string, index: number): string {
  return `${key}${CHUNK_SEPARATOR}${index}`;
}

/** Whether a storage key is the note's own item or one of its parts. */
export function isItemOf(storageKey: string, key: string): boolean {
  return storageKey === key || storageKey.startsWith(`${key}${CHUNK_SEPARATOR}`);
}

interface ParsedNoteKey {
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
  if (!v.is(Domain, domain) || !v.is(NotePath, path)) return null;
  return { key: noteKey(domain, path), domain, path, chunk };
}
