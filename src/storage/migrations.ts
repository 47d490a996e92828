import { SCHEMA_VERSION } from './schema';

/** A stored snapshot of any version, before validation. */
export type RawData = Record<string, unknown>;

/**
 * Ordered migrations: `MIGRATIONS[n]` turns data of version n into version n + 1. Each is pure and total:
 * it never throws on odd input, it leaves what it does not understand for validation to report.
 */
export const MIGRATIONS: ReadonlyArray<(data: RawData) => RawData> = [
  // 0 -> 1: before versioning nothing was stored; start from defaults and keep anything present.
  (data) => ({ ...data, schemaVersion: 1 }),
];

export function storedVersion(data: RawData): number {
  const version = data.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

export function migrate(data: RawData): RawData {
  let current = data;
  for (let version = storedVersion(current); version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
  }
  return current;
}
