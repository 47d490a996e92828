import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatList, formatWhen } from '../../src/shared/format';
import { catalogueDir, catalogueLocale, formatLocale, setMessageSource, tn } from '../../src/shared/i18n';
import { messageSource } from '../helpers/locales';

const scope = globalThis as { chrome?: unknown };

afterEach(() => {
  delete scope.chrome;
  setMessageSource(messageSource('en'));
});

describe('plural families', () => {
  it("pick the catalogue's own plural form for each count", () => {
    setMessageSource(messageSource('ar'));
    // CLDR Arabic: 1 one, 2 two, 3..10 few, 11..99 many, 100 other.
    expect(tn('opt_customTooMany', 1)).toBe('يمكنك إضافة موقع واحد على الأكثر.');
    expect(tn('opt_customTooMany', 2)).toBe('يمكنك إضافة موقعين على الأكثر.');
    expect(tn('opt_customTooMany', 3)).toBe('يمكنك إضافة 3 مواقع على الأكثر.');
    expect(tn('opt_customTooMany', 11)).toBe('يمكنك إضافة 11 موقعًا على الأكثر.');
    expect(tn('opt_customTooMany', 100)).toBe('يمكنك إضافة 100 موقع على الأكثر.');
    setMessageSource(messageSource('ru'));
    expect(tn('usage_tableCaption', 7)).toBe('Время по дням, последние 7 дней');
    expect(tn('usage_tableCaption', 3)).toBe('Время по дням, последние 3 дня');
    expect(tn('usage_tableCaption', 21)).toBe('Время по дням, последний 21 день');
  });

  it('put the formatted count first and the other substitutions after it', () => {
    expect(tn('noteCounter', 2000, ['12'])).toBe('12 of 2,000 characters');
    setMessageSource(messageSource('de'));
    expect(tn('noteCounter', 2000, ['12'])).toBe('12 von 2.000 Zeichen');
  });

  it('fall back to the other form where a catalogue lacks a category', () => {
    const en = messageSource('en');
    // A catalogue for Russian that has only `_other`: Russian's "few" for 3 is missing.
    setMessageSource((key, subs) =>
      key === 'localeTag' ? 'ru' : key.endsWith('_one') || key.endsWith('_few') ? '' : en(key, subs),
    );
    expect(tn('opt_syncOnResult', 3)).toBe('Sync is on. 3 notes synced.');
  });
});

describe('the locale of numbers, dates and direction', () => {
  it("follow the catalogue served, not the browser's language", () => {
    scope.chrome = { i18n: { getUILanguage: () => 'he' } };
    setMessageSource(messageSource('en'));
    expect([catalogueLocale(), formatLocale(), catalogueDir()]).toEqual(['en', 'en', 'ltr']);
    setMessageSource(messageSource('ar'));
    expect([catalogueLocale(), formatLocale(), catalogueDir()]).toEqual(['ar', 'ar', 'rtl']);
  });

  it("take the browser's regional variant of the catalogue's language for formats", () => {
    scope.chrome = { i18n: { getUILanguage: () => 'en-GB' } };
    setMessageSource(messageSource('en'));
    expect([catalogueLocale(), formatLocale()]).toEqual(['en', 'en-GB']);
  });

  it('write durations, lists and relative times through Intl', () => {
    setMessageSource(messageSource('es'));
    expect(formatDuration(190 * 60_000)).toBe('3 h 10 min');
    expect(formatDuration(20_000)).toBe('menos de 1 min');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b y c');
    const now = Date.UTC(2025, 2, 14, 12);
    expect(formatWhen(now - 5 * 60_000, now)).toBe('hace 5 minutos');
    expect(formatWhen(now - 26 * 3_600_000, now)).toBe('ayer');
    expect(formatWhen(now - 30 * 86_400_000, now)).toMatch(/2025/);
  });
});
