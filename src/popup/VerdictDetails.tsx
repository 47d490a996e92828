import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { Fold } from '../ui/Fold';
import { meaningKey, pageTypeKey, reasonText, sideKey } from './strings';
import { strongest } from './VerdictView';

const MAX_REASONS = 4;

/** The signals behind the label and what the label means, folded away below the summary. */
export function VerdictDetails({ state }: { state: TabState }) {
  const { verdict } = state;
  if (!state.prefs.labeling) return null;
  const reasons = strongest(verdict.reasons, MAX_REASONS);
  return (
    <>
      <Fold id="why" summary={t('whyHeading')}>
        <p class="page-kind">{t('pageKind', [t(pageTypeKey(verdict.pageType))])}</p>
        {reasons.length > 0 ? (
          <ul class="reasons">
            {reasons.map((reason) => (
              <li key={reason.signal} class={`reason reason--${reason.leans}`}>
                <span class="reason__side">{t(sideKey(reason.leans))}</span>
                <span class="reason__text">{reasonText(reason, verdict)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </Fold>
      <Fold id="meaning" summary={t('meaningHeading')}>
        <p class="meaning">{t(meaningKey(verdict.label))}</p>
      </Fold>
    </>
  );
}
