/**
 * Every user-facing string comes from `_locales` through the browser's i18n API. Tests and Node swap in a
 * reader of the same message files (`setMessageSource`).
 *
 * Conventions every catalogue follows (test/unit/locales.test.ts checks them):
 * - `localeTag` is the BCP 47 tag of the catalogue itself ("pt-BR" in `_locales/pt_BR`) and `localeDir` its
 *   writing direction ("ltr" or "rtl"). The browser falls back to `default_locale` when the UI language has no
 *   catalogue, and `chrome.i18n.getUILanguage()`, `@@ui_locale` and `@@bidi_dir` describe the browser's locale,
 *   not the catalogue served (MDN, i18n "Predefined messages"; in Chromium under `--lang=de`,
 *   `getUILanguage()` answers "en-US" while the German catalogue is served). Plurals, numbers, dates, `lang`
 *   and `dir` must follow the words on screen, so they read these two messages.
 * - Plurals (messages.json has none): a family of keys `<base>_<category>`, one per category that
 *   `Intl.PluralRules(localeTag)` has (zero, one, two, few, many, other), picked by `tn`. In every member `$1`
 *   is the count, already formatted for the locale; a member may leave it out ("one day" for `_one`).
 *   A count that only stands after a label ("Added: 3") needs no family.
 */
export type MessageSource = (key: string, substitutions?: string[]) => string;

const browserSource: MessageSource = (key, substitutions) => {
  const api = (globalThis as { chrome?: typeof chrome }).chrome?.i18n;
  return api ? api.getMessage(key, substitutions) : '';
};

let source: MessageSource = browserSource;

export function setMessageSource(next: MessageSource): void {
  source = next;
  cached = null;
}

/** The message for `key`; the key itself where a locale lacks it, so a gap shows instead of an empty line. */
export function t(key: string, substitutions?: string[]): string {
  return source(key, substitutions) || key;
}

interface LocaleTools {
  code: string;
  format: string;
  plural: Intl.PluralRules;
  number: Intl.NumberFormat;
}

let cached: LocaleTools | null = null;

/** The BCP 47 tag of the catalogue being served: it picks plural forms. */
export function catalogueLocale(): string {
  return tools().code;
}

/**
 * The locale numbers and dates are written in: the browser's UI language where it is a variant of the
 * catalogue's language (an en-GB browser reading the English catalogue gets "12 March"), else the catalogue's.
 */
export function formatLocale(): string {
  return tools().format;
}

/** The writing direction of the catalogue being served. */
export function catalogueDir(): 'ltr' | 'rtl' {
  return source('localeDir') === 'rtl' ? 'rtl' : 'ltr';
}

const supported = (tag: string | undefined): tag is string => {
  try {
    return !!tag && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
};

const language = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase();

function tools(): LocaleTools {
  if (cached) return cached;
  const wanted = source('localeTag');
  // A malformed tag in a catalogue must not take the page down: the formatters fall back to English.
  const code = supported(wanted) ? wanted : 'en';
  const ui = (globalThis as { chrome?: typeof chrome }).chrome?.i18n?.getUILanguage?.();
  const format = supported(ui) && language(ui) === language(code) ? ui : code;
  cached = { code, format, plural: new Intl.PluralRules(code), number: new Intl.NumberFormat(format) };
  return cached;
}

/** A number written the catalogue's way ("2,000", "2.000", "٢٬٠٠٠"). */
export function formatCount(value: number): string {
  return tools().number.format(value);
}

/**
 * The member of the plural family `base` for `count`, with the formatted count as `$1` and `substitutions`
 * after it. Falls back to `<base>_other` where the catalogue lacks the category.
 */
export function tn(base: string, count: number, substitutions: string[] = []): string {
  const all = [formatCount(count), ...substitutions];
  const key = `${base}_${tools().plural.select(count)}`;
  return source(key, all) || source(`${base}_other`, all) || key;
}

/** Message key for a reason text from the site knowledge: its words, lower-cased, joined by underscores. */
export function reasonKey(text: string): string {
  return `reason_${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}
