import { formatDuration } from '../shared/format';
import { t, tn } from '../shared/i18n';
import { SplitBar } from '../ui/SplitBar';
import type { PeriodSummary } from '../usage/periods';
import { changeLabel, changeWords, periodEmpty, periodName, ratioValue } from './periodWords';
import { leanWords, ratioWords } from './ratioWords';

/**
 * A period in figures, for all sites or one: time in all, the daily average, the change against the period
 * before, media against networking; then the split as a bar and in a sentence.
 */
export function SummaryFigures({ summary }: { summary: PeriodSummary }) {
  const { balance, days } = summary;
  const counted = summary.total > 0;
  const lean = leanWords(balance);
  const partial = days > 1 && summary.countedDays > 0 && summary.countedDays < days;
  return (
    <div class="balance__summary">
      <dl class="balance__figures">
        <div class="balance__figure" data-figure="total">
          <dt>{t('balance_total')}</dt>
          <dd data-value={summary.total}>{formatDuration(summary.total)}</dd>
        </div>
        {days > 1 && (
          <div class="balance__figure" data-figure="average">
            <dt>{t('balance_average')}</dt>
            <dd data-value={summary.dailyAverage}>
              {formatDuration(summary.dailyAverage)}
              {partial && <span class="balance__hint">{tn('balance_countedDays', summary.countedDays)}</span>}
            </dd>
          </div>
        )}
        <div class="balance__figure" data-figure="change">
          <dt>{changeLabel(days)}</dt>
          <dd data-value={summary.change ?? ''}>{changeWords(summary.change)}</dd>
        </div>
        <div class="balance__figure" data-figure="ratio">
          <dt>{t('balance_ratioLabel')}</dt>
          <dd>{ratioValue(balance)}</dd>
        </div>
      </dl>
      {counted ? (
        <>
          <SplitBar usage={balance} />
          <p class="balance__ratio">{ratioWords(balance)}</p>
        </>
      ) : (
        <p class="balance__ratio">{periodEmpty(days)}</p>
      )}
      <p class="muted">{lean ? `${lean} ${t('usage_balanceNote')}` : t('usage_balanceNote')}</p>
    </div>
  );
}

/** The overview's first section: the chosen period for all sites. */
export function SummarySection({ summary, empty }: { summary: PeriodSummary; empty: boolean }) {
  if (empty) return null;
  return (
    <section class="balance__section" aria-labelledby="balance-summary-heading">
      <h2 id="balance-summary-heading">{periodName(summary.days)}</h2>
      <SummaryFigures summary={summary} />
    </section>
  );
}
