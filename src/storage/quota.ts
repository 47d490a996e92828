/**
 * The limits of `storage.sync` and how this extension counts against them before it writes. The browser has
 * the last word (it rejects a write that breaks a limit); the pre-check exists so that a note that cannot
 * fit goes to `storage.local` at once instead of costing a rejected write.
 */

/** Chrome's and Firefox's published numbers for `storage.sync`. */
export const SYNC_QUOTA = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
} as const;

export interface Quota {
  QUOTA_BYTES: number;
  QUOTA_BYTES_PER_ITEM: number;
  MAX_ITEMS: number;
  MAX_WRITE_OPERATIONS_PER_MINUTE: number;
  MAX_WRITE_OPERATIONS_PER_HOUR: number;
}

type QuotaName = keyof Quota;
/** A quota error whose message names no limit (Firefox words them differently). */
type QuotaReason = QuotaName | 'QUOTA';

/** UTF-8 length without allocating; a lone surrogate counts as the 3-byte replacement character. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** How Chrome sizes an item: its key plus the JSON of its value, in bytes. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

/** Which limit a rejected write names, or null when the error is not about a quota at all. */
export function quotaReason(error: unknown): QuotaReason | null {
  const message = error instanceof Error ? error.message : String(error);
  // Longest names first: "QUOTA_BYTES_PER_ITEM" contains "QUOTA_BYTES".
  for (const name of [
    'QUOTA_BYTES_PER_ITEM',
    'QUOTA_BYTES',
    'MAX_ITEMS',
    'MAX_WRITE_OPERATIONS_PER_MINUTE',
    'MAX_WRITE_OPERATIONS_PER_HOUR',
  ] as const) {
    if (message.includes(name)) return name;
  }
  return /quota/i.test(message) ? 'QUOTA' : null;
}

/**
 * A running account of what a sync area holds, so that a batch of writes can be checked item by item
 * without re-measuring everything.
 */
export class SyncBudget {
  private readonly sizes = new Map<string, number>();
  private total = 0;

  constructor(
    items: Record<string, unknown>,
    private readonly quota: Quota = SYNC_QUOTA,
  ) {
    for (const [key, value] of Object.entries(items)) {
      const size = itemBytes(key, value);
      this.sizes.set(key, size);
      this.total += size;
    }
  }

  get bytes(): number {
    return this.total;
  }

  get items(): number {
    return this.sizes.size;
  }

  /** The limit these writes would break, or null if they fit. */
  check(writes: Record<string, unknown>): QuotaName | null {
    let total = this.total;
    let count = this.sizes.size;
    for (const [key, value] of Object.entries(writes)) {
      const size = itemBytes(key, value);
      if (size > this.quota.QUOTA_BYTES_PER_ITEM) return 'QUOTA_BYTES_PER_ITEM';
      const previous = this.sizes.get(key);
      total += size - (previous ?? 0);
      if (previous === undefined) count++;
    }
    if (total > this.quota.QUOTA_BYTES) return 'QUOTA_BYTES';
    if (count > this.quota.MAX_ITEMS) return 'MAX_ITEMS';
    return null;
  }

  /** Records the writes if they fit; returns the limit they would break otherwise. */
  apply(writes: Record<string, unknown>): QuotaName | null {
    const over = this.check(writes);
    if (over) return over;
    for (const [key, value] of Object.entries(writes)) {
      const size = itemBytes(key, value);
      this.total += size - (this.sizes.get(key) ?? 0);
      this.sizes.set(key, size);
    }
    return null;
  }
}
