import { t } from './i18n';

/**
 * Sets the page's `lang` and `dir` from the catalogue the browser picked, not from the browser's UI language:
 * a browser in a language the extension lacks shows the default catalogue, and the page must say that
 * language. Every catalogue names its own language tag (BCP 47) and direction (`ltr` or `rtl`).
 */
export function applyDocumentLocale(root: HTMLElement = document.documentElement): void {
  const lang = t('localeTag');
  const dir = t('localeDir');
  if (lang !== 'localeTag') root.lang = lang;
  if (dir === 'ltr' || dir === 'rtl') root.dir = dir;
}
