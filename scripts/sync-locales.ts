/**
 * Keeps the English catalogue's reason messages in step with the site knowledge (their source), and lists
 * what each other locale still lacks. `npx tsx scripts/sync-locales.ts` after adding or rewording a signal.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reasonMessages } from '../src/shared/reasonTexts';

const dir = new URL('../public/_locales/', import.meta.url).pathname;
type Catalogue = Record<string, { message: string; description?: string }>;
const read = (locale: string) => JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Catalogue;

const en = read('en');
const wanted = reasonMessages();
for (const key of Object.keys(en)) if (key.startsWith('reason_') && !wanted.has(key)) delete en[key];
for (const [key, text] of wanted) en[key] = { message: text, description: 'Reason shown in the popup' };
writeFileSync(join(dir, 'en', 'messages.json'), `${JSON.stringify(en, null, 2)}\n`);

for (const locale of readdirSync(dir)) {
  if (locale === 'en') continue;
  const catalogue = read(locale);
  const missing = Object.keys(en).filter((key) => !(key in catalogue));
  const extra = Object.keys(catalogue).filter((key) => !(key in en));
  for (const key of extra) delete catalogue[key];
  writeFileSync(join(dir, locale, 'messages.json'), `${JSON.stringify(catalogue, null, 2)}\n`);
  console.log(`${locale}: ${missing.length} missing${missing.length ? `: ${missing.join(', ')}` : ''}`);
}
