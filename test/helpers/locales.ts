import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageSource } from '../../src/shared/i18n';
import { ROOT } from './corpus';

export const LOCALES_DIR = join(ROOT, 'public/_locales');

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, Entry>;

export function locales(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

export function catalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
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
