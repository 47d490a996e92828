import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/corpus';
import type { MessageSource } from '../../src/shared/i18n';

export const LOCALES_DIR = join(ROOT, 'public/_locales');

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, Entry>;

/** CLDR's plural categories, every one `Intl.PluralRules` may answer. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

export function locales(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

export function catalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
}

/** The BCP 47 tag of a `_locales` folder: `pt_BR` is `pt-BR`. */
export function localeTagOf(locale: string): string {
  return locale.replace('_', '-');
}

/** The plural categories of a `_locales` folder's language, as this Node's ICU knows them. */
export function pluralCategories(locale: string): string[] {
  return new Intl.PluralRules(localeTagOf(locale)).resolvedOptions().pluralCategories;
}

/** The browser's substitution rules for messages.json: named placeholders whose content is $1..$9. */
export function messageSource(locale = 'en'): MessageSource {
  const messages = catalogue(locale);
  const byLowerKey = new Map(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v]));
  return (key, substitutions = []) => {
    const entry = byLowerKey.get(key.toLowerCase());
    if (!entry) return '';
    const resolve = (content: string) =>
      content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
        const placeholder = entry.placeholders?.[name.toLowerCase()];
        return placeholder ? resolve(placeholder.content) : '';
      })
      .replace(/\$\$/g, '$');
  };
}
