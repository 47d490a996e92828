import type { Verdict } from '../core/types';
import { t } from './i18n';

/** One sentence for the toolbar tooltip: "Social networking: connection requests on LinkedIn". */
export function describeVerdict(verdict: Verdict): string {
  if (!verdict.platform || verdict.label === 'none') return t('headline_none');
  const kind = t(`pageType_${verdict.pageType.replace('-', '_')}`);
  return t('tooltip', [t(`label_${verdict.label}`), kind, verdict.platform.name]);
}
