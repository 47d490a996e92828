import { isActivityPage, UNFAMILIAR_SIGNAL } from '../core/pageTypes';
import type { Reason, Verdict } from '../core/types';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { headline, labelNameKey, pageTypeKey, reasonText } from './strings';

const BADGE = { media: 'MED', networking: 'NET', mixed: 'MIX', none: '–' } as const;

/** The reasons that moved the label, strongest first (the classifier sorts them). */
export function strongest(reasons: Reason[], max: number): Reason[] {
  return reasons.filter((r) => r.leans !== 'neutral' && r.weight > 0).slice(0, max);
}

/**
 * A page of a social site that is no social activity (settings, a marketplace, help): the guide's neutral
 * state, labelled `none` by the classifier and kept out of the balance.
 */
function isNeutral(verdict: Verdict): boolean {
  return verdict.platform !== null && verdict.label === 'none';
}

/** The one line of why under the headline: the strongest reason, or what kind of page this is. */
function whyLine(verdict: Verdict): string {
  const [first] = strongest(verdict.reasons, 1);
  if (first) return t('whyLine', [reasonText(first, verdict)]);
  return t('pageKind', [t(pageTypeKey(verdict.pageType))]);
}

/**
 * What the popup says first, all of it above the fold: the label, the headline and one line of why. The
 * signals and what the label means fold away below (VerdictDetails).
 */
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
  // Said on its own line, not among the reasons: it qualifies the whole verdict.
  const unsure = verdict.reasons.find((r) => r.signal === UNFAMILIAR_SIGNAL);
  const neutral = isNeutral(verdict);
  return (
    <section class={`verdict verdict--${verdict.label}`} aria-labelledby="headline">
      <div class="verdict__top">
        <span class={`chip chip--${verdict.label}`} aria-hidden="true">
          {BADGE[verdict.label]}
        </span>
        <span class="label-name">{t(neutral ? 'label_neutral' : labelNameKey(verdict.label))}</span>
        {hasNote ? (
          <span class="note-dot" role="img" aria-label={t('noteIndicator')} title={t('noteIndicator')} />
        ) : null}
      </div>
      <h1 id="headline" data-testid="headline">
        {neutral ? t('headline_neutral', [verdict.platform?.name ?? '']) : headline(verdict)}
      </h1>
      {neutral ? (
        <>
          <p class="why-line" data-testid="why-line">
            {t('pageKind', [t(pageTypeKey(verdict.pageType))])}
          </p>
          <p class="muted" data-testid="neutral-explained">
            {t('neutralExplained')}
          </p>
        </>
      ) : (
        <p class="why-line" data-testid="why-line">
          {whyLine(verdict)}
          {isActivityPage(verdict.pageType) ? null : ` ${t('notActivityPage')}`}
        </p>
      )}
      {unsure ? (
        <p class="unsure" data-testid="unsure">
          {reasonText(unsure, verdict)}
        </p>
      ) : null}
    </section>
  );
}
