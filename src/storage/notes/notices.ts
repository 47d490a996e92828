import * as v from 'valibot';
import { backupItem, backupKeyFor } from '../backups';
import { item, KEYS, readItem, type StorageAreaLike } from '../keys';
import { MAX_NOTICES } from '../limits';
import { reason } from '../problems';
import { type Notice, NoticeSchema } from '../schema';

/**
 * The notices the options page shows: which notes are kept in `storage.local` although sync is on, and why.
 * A notice goes away once its notes reach sync (sync.ts, and the retry alarm) or are deleted.
 */

/** The notices, validated; a malformed list is moved aside like any stored value, keeping its valid entries. */
export async function readNotices(local: StorageAreaLike, at: number): Promise<Notice[]> {
  const read = readItem(KEYS.notices, await local.get(KEYS.notices.key));
  if (read.status === 'absent') return [];
  if (read.status === 'ok') return read.value;
  const valid = Array.isArray(read.raw) ? read.raw.filter((notice) => v.is(NoticeSchema, notice)) : [];
  await local.set({
    ...backupItem(backupKeyFor(KEYS.notices.key, at), reason('invalid', read.issue), read.raw),
    ...item(KEYS.notices, valid),
  });
  return valid;
}

export async function updateNotices(
  local: StorageAreaLike,
  at: number,
  change: (notices: Notice[]) => Notice[],
): Promise<void> {
  const before = await readNotices(local, at);
  const after = change(before);
  if (JSON.stringify(after) !== JSON.stringify(before)) await local.set(item(KEYS.notices, after));
}

/** A repeat of the latest notice (same kind and limit) joins it rather than piling up. */
export function withNotice(notices: Notice[], notice: Notice): Notice[] {
  const last = notices.at(-1);
  if (last && last.kind === notice.kind && last.quota === notice.quota) {
    const noteKeys = [...new Set([...last.noteKeys, ...notice.noteKeys])];
    return [...notices.slice(0, -1), { ...last, ...notice, noteKeys }];
  }
  return [...notices, notice].slice(-MAX_NOTICES);
}

export function withoutKeys(notices: Notice[], keys: readonly string[]): Notice[] {
  if (keys.length === 0) return notices;
  const gone = new Set(keys);
  return notices
    .map((notice) => ({ ...notice, noteKeys: notice.noteKeys.filter((key) => !gone.has(key)) }))
    .filter((notice) => notice.noteKeys.length > 0);
}

/** Notes kept in local although sync is on, and why; empty when everything reached sync. */
export async function listNotices(local: StorageAreaLike, at = Date.now()): Promise<Notice[]> {
  return readNotices(local, at);
}
