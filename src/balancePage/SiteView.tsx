import { useEffect, useRef } from 'preact/hooks';
import type { DayFormat } from '../shared/format';
import { t } from '../shared/i18n';
import { type PeriodDays, periodSummary } from '../usage/periods';
import type { UsageTotals } from '../usage/schema';
import { DailySection } from './DailySection';
import { PeriodChoice } from './PeriodChoice';
import { SummaryFigures } from './SummaryFigures';
import { intentionOf, pageNotes, siteNote } from './siteWords';
import type { BalanceData } from './useBalanceData';

interface Props {
  domain: string;
  data: BalanceData & { totals: UsageTotals };
  period: PeriodDays;
  onPeriod: (days: PeriodDays) => void;
  today: string;
  format: DayFormat;
}

/**
 * One site (`#site=<domain>`): its figures over the period, its days, its notes and its intention. The
 * heading takes the focus when the view opens, so a screen reader says where the click led.
 */
export function SiteView({ domain, data, period, onPeriod, today, format }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [domain]);
  const summary = periodSummary(data.totals, period, today, domain);
  const notes = data.notes.get(domain);
  const note = siteNote(notes);
  const pages = pageNotes(notes);
  const intention = intentionOf(data.intentions, domain, today);
  return (
    <article class="balance__site" aria-labelledby="balance-site-heading">
      <p class="balance__back">
        <a href="#overview">{t('balance_backToAll')}</a>
      </p>
      <h1 id="balance-site-heading" ref={heading} tabIndex={-1} data-testid="site-heading">
        {domain}
      </h1>
      <PeriodChoice value={period} onChange={onPeriod} />
      <SummaryFigures summary={summary} />
      <DailySection totals={data.totals} summary={summary} today={today} format={format} domain={domain} />
      <section class="balance__section" aria-labelledby="balance-note-heading">
        <h2 id="balance-note-heading">{t('balance_noteHeading')}</h2>
        {note ? (
          <p class="balance__note" dir="auto">
            {note.text}
          </p>
        ) : (
          <p class="muted">{t('balance_noNote')}</p>
        )}
        {pages.length > 0 && (
          <ul class="balance__page-notes">
            {pages.map((page) => (
              <li key={page.path}>
                <span class="balance__path">{page.path}</span>{' '}
                <span class="balance__note" dir="auto">
                  {page.text}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="balance__section" aria-labelledby="balance-intention-heading">
        <h2 id="balance-intention-heading">{t('balance_intentionHeading')}</h2>
        <p data-testid="site-intention">
          {intention.choice
            ? t('popupIntention', [intention.choice])
            : intention.on
              ? t('balance_intentionsOnNone')
              : t('balance_intentionsOff')}
        </p>
      </section>
    </article>
  );
}
