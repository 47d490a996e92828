import { formatPercent } from '../shared/format';
import { formatCount, t, tn } from '../shared/i18n';
import type { PeriodDays, PeriodSummary } from '../usage/periods';
import type { Balance } from '../usage/totals';
import { approximateRatio } from './ratioWords';

/** The Balance page's figures in words: the period's name, the change, the ratio in short. */

export function periodName(days: PeriodDays): string {
  if (days === 1) return t('balance_periodToday');
  return days === 7 ? t('usage_period7') : t('usage_period30');
}

/** What the change is measured against: yesterday, the 7 or the 30 days before. */
export function changeLabel(days: PeriodDays): string {
  if (days === 1) return t('balance_changeDay');
  return days === 7 ? t('balance_changeWeek') : t('balance_changeMonth');
}

/** "25% more", "10% less", "about the same": the change of the daily average, rounded as it is shown. */
export function changeWords(change: number | null): string {
  if (change === null) return t('balance_changeNone');
  const shown = formatPercent(Math.abs(change));
  if (Math.round(Math.abs(change) * 100) === 0) return t('balance_changeSame');
  return change > 0 ? t('balance_changeMore', [shown]) : t('balance_changeLess', [shown]);
}

/** "about 3 to 1", "media only": media against networking as a short value beside its label. */
export function ratioValue(balance: Balance): string {
  if (balance.media > 0 && balance.networking > 0) {
    const [a, b] = approximateRatio(balance.media / balance.networking);
    return a === b ? t('balance_ratioEvenValue') : t('balance_ratioValue', [formatCount(a), formatCount(b)]);
  }
  if (balance.media > 0) return t('balance_ratioMediaOnly');
  if (balance.networking > 0) return t('balance_ratioNetworkingOnly');
  return t('balance_ratioNone');
}

/** The heading of the per-site list for the period. */
export function sitesHeading(summary: Pick<PeriodSummary, 'days'>): string {
  return summary.days === 1 ? t('balance_sitesToday') : tn('usage_sitesHeading', summary.days);
}

/** Nothing counted in the period, in words. */
export function periodEmpty(days: PeriodDays): string {
  return days === 1 ? t('balance_todayEmpty') : tn('usage_periodEmpty', days);
}
