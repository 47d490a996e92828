/**
 * Keeps the English catalogue's reason messages in step with the site knowledge (their source), and lists
 * what each other locale still lacks, plural families included: a family (`<base>_one`, `<base>_other`, … in
 * English) needs one message per plural category of each locale's own language (`Intl.PluralRules` of its
 * `localeTag`; see src/shared/i18n.ts). Keys no locale needs any more are removed.
 * `npx tsx scripts/sync-locales.ts` after adding or rewording a signal or a message.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reasonMessages } from '../src/shared/reasonTexts';

const dir = new URL('../public/_locales/', import.meta.url).pathname;
type Catalogue = Record<string, { message: string; description?: string }>;
const read = (locale: string) => JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Catalogue;
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

const en = read('en');
const wanted = reasonMessages();
for (const key of Object.keys(en)) if (key.startsWith('reason_') && !wanted.has(key)) delete en[key];
for (const [key, text] of wanted) en[key] = { message: text, description: 'Reason shown in the popup' };
writeFileSync(join(dir, 'en', 'messages.json'), `${JSON.stringify(en, null, 2)}\n`);

// English has "one" and "other": a family is a base with both (a reason's words may end in "other").
const families = Object.keys(en)
  .filter((key) => key.endsWith('_other') && `${key.slice(0, -'_other'.length)}_one` in en)
  .map((key) => key.slice(0, -'_other'.length));
const isMember = (key: string) => families.some((base) => CATEGORIES.some((c) => key === `${base}_${c}`));
const plain = Object.keys(en).filter((key) => !isMember(key));

for (const locale of readdirSync(dir).sort()) {
  if (locale === 'en') continue;
  const catalogue = read(locale);
  const tag = catalogue.localeTag?.message ?? locale.replace('_', '-');
  const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
  const required = new Set([...plain, ...families.flatMap((base) => categories.map((c) => `${base}_${c}`))]);
  const missing = [...required].filter((key) => !(key in catalogue));
  const extra = Object.keys(catalogue).filter((key) => !required.has(key));
  for (const key of extra) delete catalogue[key];
  writeFileSync(join(dir, locale, 'messages.json'), `${JSON.stringify(catalogue, null, 2)}\n`);
  console.log(
    `${locale} (${categories.join(', ')}): ${missing.length} missing${missing.length ? `: ${missing.join(', ')}` : ''}` +
      (extra.length ? `; removed ${extra.join(', ')}` : ''),
  );
}
