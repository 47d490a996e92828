import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES } from '../../src/core/types';
import { headlineKey, labelNameKey, leanReasonKey, meaningKey, pageTypeKey, sideKey } from '../../src/popup/strings';
import { reasonMessages } from '../../src/shared/reasonTexts';
import { ROOT } from '../helpers/corpus';
import { LABELS_FOR_TESTS } from '../helpers/labels';
import { catalogue, locales } from '../helpers/locales';

/** Keys named literally in source: `t('key'` and `__MSG_key__`. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(tsx?|html)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) keys.add(m[1] as string);
        for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(m[1] as string);
      }
    }
  };
  walk(join(ROOT, 'src'));
  for (const m of readFileSync(join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
    keys.add(m[1] as string);
  }
  return keys;
}

function requiredKeys(): Set<string> {
  const keys = literalKeys();
  for (const label of LABELS_FOR_TESTS) {
    keys.add(labelNameKey(label));
    keys.add(headlineKey(label));
    keys.add(meaningKey(label));
  }
  for (const pageType of PAGE_TYPES) keys.add(pageTypeKey(pageType));
  for (const side of ['media', 'networking', 'neutral'] as const) keys.add(sideKey(side));
  for (const lean of ['media', 'networking', 'both'] as const) keys.add(leanReasonKey(lean));
  for (const value of ['auto', 'media', 'networking']) keys.add(`override_${value}`);
  for (const key of reasonMessages().keys()) keys.add(key);
  return keys;
}

describe('locales', () => {
  const all = locales();

  it('include English and at least one more complete language', () => {
    expect(all).toContain('en');
    expect(all.length).toBeGreaterThanOrEqual(2);
  });

  it.each(all)('%s has every message the extension asks for, and no stray ones', (locale) => {
    const messages = catalogue(locale);
    const missing = [...requiredKeys()].filter((key) => !messages[key]?.message);
    expect(missing, `${locale} lacks: ${missing.join(', ')}`).toEqual([]);
    const english = catalogue('en');
    const stray = Object.keys(messages).filter((key) => !(key in english));
    expect(stray).toEqual([]);
  });

  it.each(all)('%s uses only the placeholders it defines, the same as English', (locale) => {
    const english = catalogue('en');
    for (const [key, entry] of Object.entries(catalogue(locale))) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase());
      const defined = Object.keys(entry.placeholders ?? {});
      for (const name of used) expect(defined, `${locale}:${key}`).toContain(name);
      expect(defined.sort(), `${locale}:${key}`).toEqual(Object.keys(english[key]?.placeholders ?? {}).sort());
    }
  });
});
