import * as v from 'valibot';
import type { StorageAreaLike } from './keys';
import { FAMILIES } from './keys';
import { type AreaName, BackupRecordSchema, type ProblemReason, reason } from './problems';

/**
 * Values set aside: a stored value that failed validation, or that a newer version wrote, is copied here with
 * the reason before anything replaces it, so that nothing is dropped silently. Backups always live in
 * `storage.local` (sync has no room for them) and stay until the user deletes them in the options page.
 */

const PREFIX = FAMILIES.backup.prefix;
/** Backups of `storage.sync` items carry this marker after the prefix. */
const SYNC_MARKER = 'sync:';

export function backupKeyFor(key: string, at: number, area: AreaName = 'local'): string {
  return `${PREFIX}${area === 'sync' ? SYNC_MARKER : ''}${key}:${at}`;
}

/** The items of one backup for `storage.local.set`. */
export function backupItem(backupKey: string, why: ProblemReason, value: unknown): Record<string, unknown> {
  return { [backupKey]: { setAside: 1, reason: why, value } };
}

export interface BackupEntry {
  backupKey: string;
  /** The key the value was stored under. */
  key: string;
  /** The area the value came from; backups themselves always live in `storage.local`. */
  area: AreaName;
  at: number;
  reason: ProblemReason;
  value: unknown;
}

export function parseBackupKey(backupKey: string): Omit<BackupEntry, 'value' | 'reason'> | null {
  if (!backupKey.startsWith(PREFIX)) return null;
  let rest = backupKey.slice(PREFIX.length);
  const colon = rest.lastIndexOf(':');
  const at = Number(rest.slice(colon + 1));
  if (colon <= 0 || !Number.isSafeInteger(at)) return null;
  rest = rest.slice(0, colon);
  const area: AreaName = rest.startsWith(SYNC_MARKER) ? 'sync' : 'local';
  const key = area === 'sync' ? rest.slice(SYNC_MARKER.length) : rest;
  return key ? { backupKey, key, area, at } : null;
}

/** A backup's reason and value; a backup of version 1 (before reasons were kept) is the value alone. */
function readBackup(stored: unknown): { reason: ProblemReason; value: unknown } {
  const parsed = v.safeParse(BackupRecordSchema, stored);
  return parsed.success ? parsed.output : { reason: reason('unrecorded'), value: stored };
}

/** Every value that was moved aside, newest first, for the options page to show (and offer to delete). */
export async function listBackups(area: StorageAreaLike): Promise<BackupEntry[]> {
  return backupsIn(await area.get(null));
}

function backupsIn(all: Record<string, unknown>): BackupEntry[] {
  const entries: BackupEntry[] = [];
  for (const [backupKey, stored] of Object.entries(all)) {
    const parsed = parseBackupKey(backupKey);
    if (parsed) entries.push({ ...parsed, ...readBackup(stored) });
  }
  return entries.sort((a, b) => b.at - a.at || a.backupKey.localeCompare(b.backupKey));
}

/**
 * The key of a backup that already holds this value of this key, so that a value read again and again (a
 * sync item another device keeps writing, data of a newer version) is backed up once, not at every read.
 */
export function existingBackup(
  all: Record<string, unknown>,
  key: string,
  area: AreaName,
  value: unknown,
): string | null {
  const json = JSON.stringify(value);
  for (const [candidate, stored] of Object.entries(all)) {
    const parsed = parseBackupKey(candidate);
    if (parsed?.area === area && parsed.key === key && JSON.stringify(readBackup(stored).value) === json) {
      return candidate;
    }
  }
  return null;
}

export async function deleteBackup(area: StorageAreaLike, backupKey: string): Promise<void> {
  if (!parseBackupKey(backupKey)) throw new TypeError(`Not a backup key: ${backupKey}`);
  await area.remove(backupKey);
}
