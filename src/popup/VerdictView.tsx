import { isActivityPage, UNFAMILIAR_SIGNAL } from '../core/pageTypes';
import type { Reason } from '../core/types';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { headline, labelNameKey, meaningKey, pageTypeKey, reasonText, sideKey } from './strings';

const MAX_REASONS = 4;
const BADGE = { media: 'MED', networking: 'NET', mixed: 'MIX', none: '' } as const;

function strongest(reasons: Reason[]): Reason[] {
  return reasons.filter((r) => r.leans !== 'neutral' && r.weight > 0).slice(0, MAX_REASONS);
}

export function VerdictView({ state, hasNote = false }: { state: TabState; hasNote?: boolean }) {
  const { verdict, prefs } = state;
  if (!prefs.labeling) {
    return (
      <section class="verdict verdict--off" aria-labelledby="headline">
        <h1 id="headline" data-testid="headline">
          {t('labelingOffHeadline', [state.domain ?? ''])}
        </h1>
        <p>{t('labelingOffExplained')}</p>
      </section>
    );
  }
  const reasons = strongest(verdict.reasons);
  // Said on its own line, not among the reasons: it qualifies the whole verdict.
  const unsure = verdict.reasons.find((r) => r.signal === UNFAMILIAR_SIGNAL);
  return (
    <section class={`verdict verdict--${verdict.label}`} aria-labelledby="headline">
      <div class="verdict__top">
        <span class={`chip chip--${verdict.label}`} aria-hidden="true">
          {BADGE[verdict.label]}
        </span>
        <span class="label-name">{t(labelNameKey(verdict.label))}</span>
        {hasNote ? (
          <span class="note-dot" role="img" aria-label={t('noteIndicator')} title={t('noteIndicator')} />
        ) : null}
      </div>
      <h1 id="headline" data-testid="headline">
        {headline(verdict)}
      </h1>
      <p class="page-kind">
        {t('pageKind', [t(pageTypeKey(verdict.pageType))])}
        {isActivityPage(verdict.pageType) ? null : ` ${t('notActivityPage')}`}
      </p>
      {unsure ? (
        <p class="unsure" data-testid="unsure">
          {reasonText(unsure, verdict)}
        </p>
      ) : null}
      {reasons.length > 0 ? (
        <>
          <h2>{t('whyHeading')}</h2>
          <ul class="reasons">
            {reasons.map((reason) => (
              <li key={reason.signal} class={`reason reason--${reason.leans}`}>
                <span class="reason__side">{t(sideKey(reason.leans))}</span>
                <span class="reason__text">{reasonText(reason, verdict)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('meaningHeading')}</h2>
      <p class="meaning">{t(meaningKey(verdict.label))}</p>
    </section>
  );
}
