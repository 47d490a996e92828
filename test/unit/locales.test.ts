import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/corpus';
import { PAGE_TYPES } from '../../src/core/types';
import { headlineKey, labelNameKey, leanReasonKey, meaningKey, pageTypeKey, sideKey } from '../../src/popup/strings';
import { reasonMessages } from '../../src/shared/reasonTexts';
import { LABELS_FOR_TESTS } from '../helpers/labels';
import {
  type Catalogue,
  catalogue,
  locales,
  localeTagOf,
  PLURAL_CATEGORIES,
  pluralCategories,
} from '../helpers/locales';

interface Wanted {
  /** Keys asked for as they are. */
  keys: Set<string>;
  /** Bases of plural families (`tn('base', …)`): one key per plural category of each locale. */
  families: Set<string>;
}

/**
 * The quoted names in a call's first argument, from `start` (just past its opening parenthesis) to the first
 * comma or closing parenthesis at its own depth: `t('key')`, and both keys of `t(cond ? 'a' : 'b')`.
 */
function firstArgumentKeys(text: string, start: number): string[] {
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) break;
  }
  return [...text.slice(start, end).matchAll(/'([A-Za-z][A-Za-z0-9_]+)'/g)].map((m) => m[1] as string);
}

/** Keys named literally in source: in `t(…)`, `tn(…)`, `getMessage(…)` calls, and `__MSG_key__`. */
function literalKeys(): Wanted {
  const wanted: Wanted = { keys: new Set(), families: new Set() };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(tsx?|html|css)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b(t|tn|source|getMessage)\(/g)) {
          const keys = firstArgumentKeys(text, (m.index ?? 0) + m[0].length);
          for (const key of keys) (m[1] === 'tn' ? wanted.families : wanted.keys).add(key);
        }
        for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) wanted.keys.add(m[1] as string);
      }
    }
  };
  walk(join(ROOT, 'src'));
  for (const m of readFileSync(join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
    wanted.keys.add(m[1] as string);
  }
  return wanted;
}

let wantedOnce: Wanted | null = null;

/** What the code asks for, read once (every test below needs it, some once per key). */
function wantedMessages(): Wanted {
  wantedOnce ??= collectWanted();
  return wantedOnce;
}

function collectWanted(): Wanted {
  const wanted = literalKeys();
  const { keys } = wanted;
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
  return wanted;
}

/**
 * Messages that landed ahead of the code that shows them: the storage contract's first step (7cadec5) added the
 * retention confirmation and the list of unreadable notes for its next step. Every locale must have them; the
 * test below fails as soon as code asks for one, so that it leaves this list and counts as an ordinary key.
 */
const AHEAD_OF_CODE: string[] = [];

/** Every key a locale must have: the plain keys, and each family in the locale's own plural categories. */
function requiredKeys(locale: string): Set<string> {
  const { keys, families } = wantedMessages();
  const required = new Set([...keys, ...AHEAD_OF_CODE]);
  for (const base of families) for (const category of pluralCategories(locale)) required.add(`${base}_${category}`);
  return required;
}

/** The English message a key of `locale` must match in placeholders: a family member matches English `_other`. */
function englishCounterpart(key: string, english: Catalogue): Catalogue[string] | undefined {
  if (english[key]) return english[key];
  const family = [...wantedMessages().families].find((base) =>
    PLURAL_CATEGORIES.some((category) => key === `${base}_${category}`),
  );
  return family ? english[`${family}_other`] : undefined;
}

const placeholderNames = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase());

describe('locales', () => {
  const all = locales();

  it('include English and at least one more complete language', () => {
    expect(all).toContain('en');
    expect(all.length).toBeGreaterThanOrEqual(2);
  });

  it('every key the code asks for plainly is not also a plural family, and every family has a member in English', () => {
    const { keys, families } = wantedMessages();
    const english = catalogue('en');
    for (const base of families) {
      expect(keys.has(base), base).toBe(false);
      expect(english[`${base}_other`], `${base}_other`).toBeDefined();
    }
  });

  it('lists as ahead of the code only messages no code asks for yet', () => {
    const { keys, families } = wantedMessages();
    expect(AHEAD_OF_CODE.filter((key) => keys.has(key) || families.has(key))).toEqual([]);
  });

  it.each(all)('%s names its own language and writing direction', (locale) => {
    const messages = catalogue(locale);
    const code = messages.localeTag?.message ?? '';
    expect(code).toBe(localeTagOf(locale));
    expect(Intl.getCanonicalLocales(code)).toEqual([code]);
    // V8's Intl.Locale#textInfo (CLDR's character order for the language).
    const { direction } = (new Intl.Locale(code) as Intl.Locale & { textInfo: { direction: string } }).textInfo;
    expect(messages.localeDir?.message).toBe(direction);
  });

  it.each(all)('%s has every message the extension asks for, and no key the extension does not ask for', (locale) => {
    const messages = catalogue(locale);
    const required = requiredKeys(locale);
    const missing = [...required].filter((key) => !messages[key]?.message);
    expect(missing, `${locale} lacks: ${missing.join(', ')}`).toEqual([]);
    const unused = Object.keys(messages).filter((key) => !required.has(key));
    expect(unused, `${locale} has keys nothing asks for: ${unused.join(', ')}`).toEqual([]);
  });

  it.each(all)('%s has each plural family in exactly the categories Intl.PluralRules gives its language', (locale) => {
    const messages = catalogue(locale);
    const categories = pluralCategories(locale);
    for (const base of wantedMessages().families) {
      const present = PLURAL_CATEGORIES.filter((category) => `${base}_${category}` in messages);
      expect(present.sort(), `${locale}:${base}`).toEqual([...categories].sort());
    }
  });

  it.each(all)('%s uses only the placeholders it defines, the same names and $n as English', (locale) => {
    const english = catalogue('en');
    for (const [key, entry] of Object.entries(catalogue(locale))) {
      const defined = entry.placeholders ?? {};
      for (const name of placeholderNames(entry.message))
        expect(Object.keys(defined), `${locale}:${key}`).toContain(name);
      const reference = englishCounterpart(key, english);
      const contents = (p: Catalogue[string]['placeholders'] = {}) =>
        Object.fromEntries(Object.entries(p).map(([name, { content }]) => [name, content]));
      expect(contents(defined), `${locale}:${key}`).toEqual(contents(reference?.placeholders));
      // A translation may leave a count out ("one day"), never a name, a site or a figure it must show.
      const needed = placeholderNames(reference?.message ?? '').filter((name) => name !== 'count');
      for (const name of needed) expect(placeholderNames(entry.message), `${locale}:${key}`).toContain(name);
    }
  });

  it('German addresses the reader as Sie throughout, as the German interfaces of Chrome and Firefox do', () => {
    // One catalogue mixed "du" and "Sie"; a browser's own German UI says "Sie", and the extension sits in it.
    const du = /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b/i;
    const informal = Object.entries(catalogue('de'))
      .filter(([, entry]) => du.test(entry.message))
      .map(([key]) => key);
    expect(informal).toEqual([]);
  });
});
