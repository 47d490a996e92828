import * as v from 'valibot';
import { mergeCredits } from './accounting';
import {
  type BatcherSnapshot,
  BatcherSnapshotSchema,
  type Credit,
  type CreditBatch,
  CreditSchema,
  type UsageTotals,
} from './schema';
import { addCredits } from './totals';

/**
 * The usage write batcher: credits collect between writes to storage.local, so that counting time costs a few
 * writes a minute at most, and a batch is applied exactly once even when a stopped worker retries it.
 */

interface BatcherOptions {
  /** Regular writes: at most one per this interval. */
  minIntervalMs: number;
  /** Writes asked for (a tab closed): still no more often than this, so closing twenty tabs is not twenty writes. */
  minForcedIntervalMs: number;
}

const DEFAULT_BATCHER_OPTIONS: BatcherOptions = { minIntervalMs: 60_000, minForcedIntervalMs: 15_000 };

/** A damaged or older snapshot keeps what is valid in it: losing unwritten credits would lose time. */
function restoreSnapshot(value: unknown): BatcherSnapshot {
  const parsed = v.safeParse(BatcherSnapshotSchema, value);
  if (parsed.success) return { ...parsed.output, pending: mergeCredits(parsed.output.pending) };
  const fresh: BatcherSnapshot = { pending: [], inFlight: null, nextSeq: 1, lastFlushAt: null };
  if (typeof value !== 'object' || value === null) return fresh;
  const s = value as Record<string, unknown>;
  const credits = (list: unknown) => (Array.isArray(list) ? list.filter((c) => v.is(CreditSchema, c)) : []);
  const f = s.inFlight as Record<string, unknown> | null | undefined;
  const { nextSeq, lastFlushAt } = BatcherSnapshotSchema.entries;
  return {
    pending: mergeCredits(credits(s.pending)),
    inFlight: f && typeof f.id === 'string' ? { id: f.id, credits: credits(f.credits) } : null,
    nextSeq: v.is(nextSeq, s.nextSeq) ? s.nextSeq : fresh.nextSeq,
    lastFlushAt: v.is(lastFlushAt, s.lastFlushAt) ? s.lastFlushAt : fresh.lastFlushAt,
  };
}

/**
 * Collects credits between writes to storage.local and says when a write is due: at most once a minute, or
 * sooner when asked (a tab closed) but never more than a few times a minute. Its snapshot is JSON and belongs
 * in storage.session with the accounting state, so credits not yet written survive a worker restart.
 */
export class WriteBatcher {
  private state: BatcherSnapshot;

  constructor(
    snapshot?: unknown,
    private readonly options: BatcherOptions = DEFAULT_BATCHER_OPTIONS,
  ) {
    this.state = restoreSnapshot(snapshot);
  }

  add(credits: readonly Credit[]): void {
    if (credits.length === 0) return;
    this.state = {
      ...this.state,
      pending: mergeCredits([...this.state.pending, ...credits.filter((c) => v.is(CreditSchema, c))]),
    };
  }

  get hasWork(): boolean {
    return this.state.inFlight !== null || this.state.pending.length > 0;
  }

  /** Whether to write now; `force` for a write the worker asks for (tab closed, popup opened). */
  shouldFlush(now: number, force = false): boolean {
    if (!this.hasWork) return false;
    const last = this.state.lastFlushAt;
    // A clock set back must not stall writing until it catches up again.
    if (last === null || now < last) return true;
    return now - last >= (force ? this.options.minForcedIntervalMs : this.options.minIntervalMs);
  }

  /**
   * The batch to write: the unacknowledged one first (a write that a restart interrupted), else everything
   * pending. Null when there is nothing to write. Counts as a write for the rate limit.
   */
  take(now: number): CreditBatch | null {
    if (!this.hasWork) return null;
    let inFlight = this.state.inFlight;
    let { pending, nextSeq } = this.state;
    if (!inFlight) {
      inFlight = { id: `${now}:${nextSeq}`, credits: pending };
      pending = [];
      nextSeq += 1;
    }
    this.state = { pending, inFlight, nextSeq, lastFlushAt: now };
    return inFlight;
  }

  /** The batch with this id is in storage.local. */
  ack(id: string): void {
    if (this.state.inFlight?.id === id) this.state = { ...this.state, inFlight: null };
  }

  snapshot(): BatcherSnapshot {
    return structuredClone(this.state);
  }
}

export interface StoredTotals {
  totals: UsageTotals;
  /** Id of the last batch written; stored in the same `storage.local.set` call as the totals. */
  lastBatchId: string | null;
}

/**
 * Adds a batch unless it was already written: a worker stopped between writing the totals and acknowledging
 * the batch retries it after restarting, and the sequence number makes that retry harmless.
 */
export function applyBatch(stored: StoredTotals, batch: CreditBatch): StoredTotals & { applied: boolean } {
  if (batch.id === stored.lastBatchId) return { ...stored, applied: false };
  return { totals: addCredits(stored.totals, batch.credits), lastBatchId: batch.id, applied: true };
}
