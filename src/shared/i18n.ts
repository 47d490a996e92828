/**
 * Every user-facing string comes from `_locales` through the browser's i18n API. Tests and Node swap in a
 * reader of the same message files (`setMessageSource`).
 */
export type MessageSource = (key: string, substitutions?: string[]) => string;

const browserSource: MessageSource = (key, substitutions) => {
  const api = (globalThis as { chrome?: typeof chrome }).chrome?.i18n;
  return api ? api.getMessage(key, substitutions) : '';
};

let source: MessageSource = browserSource;

export function setMessageSource(next: MessageSource): void {
  source = next;
}

/** The message for `key`; the key itself where a locale lacks it, so a gap shows instead of an empty line. */
export function t(key: string, substitutions?: string[]): string {
  return source(key, substitutions) || key;
}

/** Message key for a reason text from the site knowledge: its words, lower-cased, joined by underscores. */
export function reasonKey(text: string): string {
  return `reason_${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}
