import { formatCount, t } from '../shared/i18n';
import type { ImportRefusal } from '../storage/transfer';

/** Why an import file was refused, in the user's language (the transfer module gives a code and its data). */
export function refusalText(why: ImportRefusal): string {
  const [first = '', second = '', third = ''] = why.params;
  const count = (param: string) => formatCount(Number(param));
  switch (why.code) {
    case 'tooLarge':
      return t('opt_importTooLarge');
    case 'notJson':
      return t('opt_refusalNotJson');
    case 'notObject':
      return t('opt_refusalNotObject');
    case 'noFormat':
      return t('opt_refusalNoFormat');
    case 'otherFormat':
      return t('opt_refusalOtherFormat', [first]);
    case 'badFormatVersion':
      return t('opt_refusalBadFormatVersion');
    case 'newerFormat':
      return t('opt_refusalNewerFormat', [count(first), count(second)]);
    case 'invalid':
      return t('opt_refusalInvalid', [first]);
    case 'repeatedNote':
      return t('opt_refusalRepeatedNote', [first, second, third]);
    case 'repeatedCustomSite':
      return t('opt_refusalRepeatedCustomSite', [first, second, third]);
    case 'tooManyCustomSites':
      return t('opt_refusalTooManyCustomSites', [count(first), count(second)]);
  }
}
