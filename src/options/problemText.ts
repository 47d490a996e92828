import { t, tn } from '../shared/i18n';
import type { ProblemReason } from '../storage/problems';

/** Why a stored value was set aside, in the user's language (the storage modules give a code and its data). */
export function problemText(why: ProblemReason): string {
  const [first = '', second = ''] = why.params;
  const list = why.params.join(', ');
  switch (why.code) {
    case 'invalid':
      return t('opt_problemInvalid', [list]);
    case 'unknownFields':
      return t('opt_problemUnknownFields', [list]);
    case 'newerVersion':
      return t('opt_problemNewerVersion', [first]);
    case 'badVersion':
      return t('opt_problemBadVersion');
    case 'badKey':
      return t('opt_problemBadKey');
    case 'otherPage':
      return t('opt_problemOtherPage');
    case 'tooLong':
      return tn('opt_problemTooLong', Number(first));
    case 'incomplete':
      return t('opt_problemIncomplete', [first, second]);
    case 'unreadable':
      return t('opt_problemUnreadable', [first]);
    case 'usageDamaged':
      return t('opt_problemUsageDamaged');
    default:
      return t('opt_problemUnrecorded');
  }
}
