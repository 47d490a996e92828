import { afterAll, describe, expect, it } from 'vitest';
import { refusalText } from '../../src/options/refusalText';
import { setMessageSource } from '../../src/shared/i18n';
import { parseImport } from '../../src/storage/transfer';
import { type ImportRefusalCode, refusal } from '../../src/storage/transfer/refusal';
import { catalogue, locales, messageSource } from '../helpers/locales';

/** One refusal of each code: a new code fails to compile here until it has its words. */
const SAMPLES: Record<ImportRefusalCode, ReturnType<typeof refusal>> = {
  tooLarge: refusal('tooLarge'),
  notJson: refusal('notJson'),
  notObject: refusal('notObject'),
  noFormat: refusal('noFormat'),
  otherFormat: refusal('otherFormat', '"other-tool"'),
  badFormatVersion: refusal('badFormatVersion'),
  newerFormat: refusal('newerFormat', 7, 2),
  invalid: refusal('invalid', 'notes[2].text'),
  repeatedNote: refusal('repeatedNote', 'notes[3]', 'notes[1]', 'example.com'),
  repeatedCustomSite: refusal('repeatedCustomSite', 'customSites[2]', 'customSites[0]', 'forum.example'),
  tooManyCustomSites: refusal('tooManyCustomSites', 51, 50),
};

afterAll(() => setMessageSource(messageSource('en')));

describe('import refusals in every language', () => {
  it.each(locales())('%s: every refusal is a sentence of the catalogue, with its data', (locale) => {
    setMessageSource(messageSource(locale));
    const english = new Set(Object.values(catalogue('en')).map((entry) => entry.message));
    for (const [code, sample] of Object.entries(SAMPLES)) {
      const text = refusalText(sample);
      expect(text, `${locale} ${code}`).not.toMatch(/^opt_|\$/);
      // Numbers go through Intl, so only the text parameters must appear as they are.
      for (const param of sample.params.filter((p) => !/^\d+$/.test(p)))
        expect(text, `${locale} ${code}`).toContain(param);
      if (locale !== 'en') expect(english.has(text), `${locale} ${code} is the English sentence`).toBe(false);
    }
  });

  it('words what the checker refuses, not an English sentence of its own', () => {
    setMessageSource(messageSource('de'));
    const result = parseImport(JSON.stringify({ format: 'reach-or-relate', formatVersion: 9 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(refusalText(result.refusal)).toBe(
      'Dieser Export stammt aus einer neueren Version von Reach or Relate (Formatversion 9; diese Version liest bis 2). Aktualisieren Sie die Erweiterung und importieren Sie dann erneut.',
    );
  });
});
