import type { StorageAreaLike } from '../../src/storage/keys';
import { itemBytes, type Quota, SYNC_QUOTA } from '../../src/storage/quota';

/**
 * An in-memory `storage.StorageArea` for tests, which behaves like Chrome's where it matters here: values
 * are stored as JSON copies, a write that would break a quota is rejected whole with Chrome's wording and
 * changes nothing, and rejected writes do not count towards the write-rate limits.
 * Not used by the extension itself.
 */
export interface FakeAreaOptions {
  /** Limits to enforce; none when omitted (like `storage.local` with `unlimitedStorage`). */
  quota?: Partial<Quota>;
  /** The clock the write-rate limits are measured with. */
  now?: () => number;
}

export type FakeCall = { op: 'get' | 'set' | 'remove' | 'clear'; keys: string[] | null };

export class FakeStorageArea implements StorageAreaLike {
  private items = new Map<string, string>();
  private writeTimes: number[] = [];
  private readonly quota: Partial<Quota>;
  private readonly now: () => number;
  private failures: Error[] = [];
  /** Every call, in order, for tests that count writes. */
  readonly calls: FakeCall[] = [];

  constructor(initial: Record<string, unknown> = {}, options: FakeAreaOptions = {}) {
    this.quota = options.quota ?? {};
    this.now = options.now ?? Date.now;
    for (const [key, value] of Object.entries(initial)) this.items.set(key, JSON.stringify(value));
  }

  async get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      this.calls.push({ op: 'get', keys: null });
      for (const [key, json] of this.items) result[key] = JSON.parse(json);
      return result;
    }
    const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : null;
    const wanted = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    this.calls.push({ op: 'get', keys: [...wanted] });
    for (const key of wanted) {
      const json = this.items.get(key);
      if (json !== undefined) result[key] = JSON.parse(json);
      else if (defaults && key in defaults) result[key] = defaults[key];
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.push({ op: 'set', keys: Object.keys(items) });
    this.takeFailure();
    this.checkRate();
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) {
      // Chrome drops undefined values like JSON does.
      if (value === undefined) continue;
      next.set(key, JSON.stringify(value));
    }
    this.checkSize(next, Object.keys(items));
    this.items = next;
    this.countWrite();
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    this.calls.push({ op: 'remove', keys: [...list] });
    this.takeFailure();
    this.checkRate();
    for (const key of list) this.items.delete(key);
    this.countWrite();
  }

  async clear(): Promise<void> {
    this.calls.push({ op: 'clear', keys: null });
    this.takeFailure();
    this.checkRate();
    this.items.clear();
    this.countWrite();
  }

  async getBytesInUse(keys?: string | string[] | null): Promise<number> {
    const wanted = keys === null || keys === undefined ? null : typeof keys === 'string' ? [keys] : keys;
    let total = 0;
    for (const [key, json] of this.items) {
      if (wanted === null || wanted.includes(key)) total += itemBytes(key, JSON.parse(json));
    }
    return total;
  }

  /** A deep copy of everything stored, for comparing before and after. */
  snapshot(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const key of [...this.items.keys()].sort()) result[key] = JSON.parse(this.items.get(key) as string);
    return result;
  }

  /** The next write (set, remove or clear) rejects with this error, as a browser might for any reason. */
  failNextWrite(error: Error): void {
    this.failures.push(error);
  }

  get writeCount(): number {
    return this.calls.filter((call) => call.op !== 'get').length;
  }

  private takeFailure(): void {
    const failure = this.failures.shift();
    if (failure) throw failure;
  }

  private checkRate(): void {
    const now = this.now();
    this.writeTimes = this.writeTimes.filter((time) => now - time < 3_600_000);
    const perMinute = this.quota.MAX_WRITE_OPERATIONS_PER_MINUTE;
    if (perMinute !== undefined && this.writeTimes.filter((time) => now - time < 60_000).length >= perMinute) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    const perHour = this.quota.MAX_WRITE_OPERATIONS_PER_HOUR;
    if (perHour !== undefined && this.writeTimes.length >= perHour) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    }
  }

  private countWrite(): void {
    this.writeTimes.push(this.now());
  }

  private checkSize(next: Map<string, string>, written: string[]): void {
    const perItem = this.quota.QUOTA_BYTES_PER_ITEM;
    if (perItem !== undefined) {
      for (const key of written) {
        const json = next.get(key);
        if (json !== undefined && itemBytes(key, JSON.parse(json)) > perItem) {
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
      }
    }
    const total = this.quota.QUOTA_BYTES;
    if (total !== undefined) {
      let bytes = 0;
      for (const [key, json] of next) bytes += itemBytes(key, JSON.parse(json));
      if (bytes > total) throw new Error('QUOTA_BYTES quota exceeded');
    }
    const maxItems = this.quota.MAX_ITEMS;
    if (maxItems !== undefined && next.size > maxItems) throw new Error('MAX_ITEMS quota exceeded');
  }
}

/** A fake `storage.sync` with Chrome's quotas. */
export function fakeSyncArea(initial: Record<string, unknown> = {}, now?: () => number): FakeStorageArea {
  return new FakeStorageArea(initial, { quota: SYNC_QUOTA, ...(now ? { now } : {}) });
}

/** A fake `storage.local` (10 MB in Chrome: far more than any test writes, so unlimited here). */
export function fakeLocalArea(initial: Record<string, unknown> = {}): FakeStorageArea {
  return new FakeStorageArea(initial);
}
