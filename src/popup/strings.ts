import { PAGE_TYPE_INFO, UNFAMILIAR_SIGNAL } from '../core/pageTypes';
import type { Label, Lean, PageType, Reason, Side, Verdict } from '../core/types';
import { reasonKey, t } from '../shared/i18n';

/** Message keys built from data, in one place, so the locale test can list every key the popup may ask for. */
export const labelNameKey = (label: Label) => `label_${label}`;
export const headlineKey = (label: Label) => `headline_${label}`;
export const meaningKey = (label: Label) => `meaning_${label}`;
export const pageTypeKey = (pageType: PageType) => `pageType_${pageType.replace('-', '_')}`;
export const sideKey = (side: Side | 'neutral') => `side_${side}`;
export const leanReasonKey = (lean: Lean) => `reasonPlatform_${lean}`;

export function headline(verdict: Verdict): string {
  if (!verdict.platform) return t('headline_none');
  return t(headlineKey(verdict.label), [verdict.platform.name]);
}

/** A reason in the user's language; the classifier's structured fields pick the message. */
export function reasonText(reason: Reason, verdict: Verdict): string {
  switch (reason.signal) {
    case 'platform':
      return verdict.platform ? t(leanReasonKey(verdict.platform.lean), [verdict.platform.name]) : '';
    case 'software':
      return verdict.platform ? t('reasonSoftware', [verdict.platform.name]) : '';
    case 'page-type':
      return t(reasonKey(PAGE_TYPE_INFO[verdict.pageType].text));
    case 'user-override':
      return t('reasonOverride');
    case 'custom-site':
      return t('reasonCustomSite');
    case 'embeds':
      return t('reasonEmbeds');
    case 'domain':
      return t('reasonUnknownSite');
    case UNFAMILIAR_SIGNAL:
      return verdict.platform ? t('reasonUnfamiliarPage', [verdict.platform.name]) : '';
    default:
      return t(reasonKey(reason.text));
  }
}
