import type { Notice } from '../schema';
import { listNotices } from './notices';
import type { NoteAreas } from './read';
import { isRateLimited, pushLocalNotesToSync } from './sync';

/**
 * Notes kept on this device because sync refused a write for its write-rate limit (Chrome: 120 writes a
 * minute, 1,800 an hour) reach sync later by themselves, as their notice promises: an alarm retries the move.
 * `chrome.alarms` outlives the worker, which may be stopped at any time, so nothing here is held in memory;
 * the `alarms` permission is already there for the usage count's minute tick, so this asks for nothing new.
 */

/** The subset of `browser.alarms` the retry uses. */
interface AlarmsLike {
  create(name: string, info: { delayInMinutes: number }): void | Promise<void>;
}

export const SYNC_RETRY_ALARM = 'notes-sync-retry';

/**
 * Minutes until a retry can succeed: the per-minute limit frees up within a minute; the hourly one is
 * retried every quarter of an hour (each try that fits costs one write). Null when no notice is about a
 * rate limit: a full sync area or a refusal does not clear by waiting.
 */
export function retryDelayMinutes(notices: readonly (Notice | null | undefined)[]): number | null {
  let delay: number | null = null;
  for (const notice of notices) {
    if (!notice || !isRateLimited(notice)) continue;
    const minutes = notice.quota === 'MAX_WRITE_OPERATIONS_PER_MINUTE' ? 1 : 15;
    delay = delay === null ? minutes : Math.min(delay, minutes);
  }
  return delay;
}

export interface SyncRetry {
  /** After a write that kept notes on this device: plans the retry if the write rate was the reason. */
  schedule(notice: Notice | null | undefined): Promise<boolean>;
  /** At browser start: a retry planned before the browser closed is planned again. */
  resume(): Promise<boolean>;
  /** The alarm: moves what it can, and plans the next try while the rate limit still holds some back. */
  run(): Promise<void>;
}

export function createSyncRetry(alarms: AlarmsLike, areas: () => Promise<NoteAreas>): SyncRetry {
  const schedule = async (notices: readonly (Notice | null | undefined)[]): Promise<boolean> => {
    const delay = retryDelayMinutes(notices);
    if (delay === null) return false;
    await alarms.create(SYNC_RETRY_ALARM, { delayInMinutes: delay });
    return true;
  };
  return {
    schedule: (notice: Notice | null | undefined) => schedule([notice]),
    async resume(): Promise<boolean> {
      return schedule(await listNotices((await areas()).local));
    },
    async run(): Promise<void> {
      const pushed = await pushLocalNotesToSync(await areas());
      await schedule([pushed.notice]);
    },
  };
}
