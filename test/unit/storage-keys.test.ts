import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/corpus';
import { DATA_KEYS, FAMILIES, item, KEYS, MANAGED_KEYS, readItem } from '../../src/storage/keys';
import { SCHEMA_VERSION } from '../../src/storage/schema';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the stored keys', () => {
  it('are spelled in keys.ts only: no other source file names one as a string', () => {
    const singles = Object.values(KEYS).map((spec) => spec.key);
    const prefixes = Object.values(FAMILIES).map((family) => family.prefix);
    const literal = new RegExp(
      [
        // Single quotes and template literals: JSX attributes (double quotes) name elements, not keys.
        ...[...singles, ...MANAGED_KEYS].map((key) => `['\`]${key}['\`]`),
        ...prefixes.map((prefix) => `['\`]${prefix}`),
      ].join('|'),
    );
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const name = relative(ROOT, file);
      if (name === join('src', 'storage', 'keys.ts')) continue;
      // The classifier never touches storage, and 'settings' is one of its page types.
      if (name.startsWith(join('src', 'core'))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          // Comments may name keys; code may not.
          const code = line
            .replace(/\/\*.*?\*\//g, '')
            .replace(/\/\/.*$/, '')
            .replace(/^\s*(\/\*\*|\*).*$/, '');
          if (literal.test(code)) offenders.push(`${name}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('name an area, a version and a schema each, and the data keys share the data version', () => {
    for (const spec of Object.values(KEYS)) {
      expect(['local', 'sync', 'session']).toContain(spec.area);
      expect(spec.version).toBeGreaterThanOrEqual(1);
      expect(spec.migrations.length).toBe(spec.version === 1 ? 0 : spec.version);
    }
    for (const key of DATA_KEYS) {
      const spec = Object.values(KEYS).find((s) => s.key === key);
      expect(spec?.version).toBe(SCHEMA_VERSION);
    }
  });

  it('refuse to write a value their schema refuses, and write only what the schema keeps', () => {
    expect(() => item(KEYS.settings, { sync: 'yes' as unknown as boolean, retentionDays: 30 })).toThrow(TypeError);
    expect(() => item(KEYS.usageTotals, { 'not a day': {} })).toThrow(TypeError);
    const site = { domain: 'example.org', name: 'Example', lean: 'media' as const, managed: true };
    expect(item(KEYS.customSites, [site])).toEqual({
      customSites: [{ domain: 'example.org', name: 'Example', lean: 'media' }],
    });
  });

  it('read a value as absent, valid, or invalid with the part that failed', () => {
    expect(readItem(KEYS.settings, {})).toEqual({ status: 'absent' });
    expect(readItem(KEYS.settings, { settings: { sync: true, retentionDays: 7 } })).toEqual({
      status: 'ok',
      value: { sync: true, retentionDays: 7 },
    });
    expect(readItem(KEYS.settings, { settings: { sync: true, retentionDays: 0 } })).toMatchObject({
      status: 'invalid',
      issue: expect.stringMatching(/^retentionDays: /),
    });
  });
});
