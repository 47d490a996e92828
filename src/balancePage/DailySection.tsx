import { type DayFormat, formatDaysAgo, formatDuration } from '../shared/format';
import { t, tn } from '../shared/i18n';
import type { PeriodSummary } from '../usage/periods';
import type { UsageTotals } from '../usage/schema';
import { dailySeries } from '../usage/totals';
import { DailyChart, dayTotal, legendName, PARTS } from './usageCharts';
import { PartsHead, PartsRow } from './usageTable';

interface Props {
  totals: UsageTotals;
  summary: PeriodSummary;
  today: string;
  format: DayFormat;
  /** One site's days; all sites' when absent. */
  domain?: string;
}

function chartSummary(series: ReturnType<typeof dailySeries>, summary: PeriodSummary, format: DayFormat): string {
  const busiest = series.reduce((a, b) => (dayTotal(b) > dayTotal(a) ? b : a));
  if (dayTotal(busiest) === 0) return tn('usage_chartSummaryEmpty', summary.days);
  return tn('usage_chartSummary', summary.days, [
    formatDuration(summary.media),
    formatDuration(summary.networking),
    formatDuration(summary.mixed),
    format.longOf(busiest.day),
    formatDuration(dayTotal(busiest)),
  ]);
}

/**
 * Day by day over the last 7 or 30 days: stacked bars in SVG (one image to assistive technology, with a
 * summary) and the same figures in a table beside it. Today alone has no days to compare: nothing here.
 */
export function DailySection({ totals, summary, today, format, domain }: Props) {
  if (summary.days === 1) return null;
  const series = dailySeries(totals, summary.days, today, domain);
  return (
    <section class="balance__section" aria-labelledby="balance-daily-heading">
      <h2 id="balance-daily-heading">{t('balance_dailyHeading')}</h2>
      <figure class="usage-dash__figure">
        <DailyChart series={series} today={today} format={format} label={chartSummary(series, summary, format)} />
        <figcaption>
          <ul class="usage-dash__legend">
            {PARTS.map((part) => (
              <li key={part}>
                <span class={`usage-dash__swatch usage-dash__swatch--${part}`} aria-hidden="true" />
                {legendName(part)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <details class="usage-dash__details">
        <summary>{t('usage_showTable')}</summary>
        <table class="usage-dash__table usage-dash__table--days">
          <caption>{tn('usage_tableCaption', summary.days)}</caption>
          <PartsHead first={t('usage_colDay')} />
          <tbody>
            {series.map((day) => (
              <PartsRow
                key={day.day}
                day={day.day}
                name={
                  day.day === today
                    ? t('usage_dayRelative', [format.longOf(day.day), formatDaysAgo(0)])
                    : format.longOf(day.day)
                }
                usage={day}
                total={dayTotal(day)}
              />
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
