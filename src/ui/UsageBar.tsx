import type { ComponentChildren } from 'preact';
import { formatMinutes as minutes } from '../shared/format';
import { t } from '../shared/i18n';
import type { SiteUsage } from '../usage/schema';
import { SplitBar } from './SplitBar';

export type TodayUsage = SiteUsage & { total: number };

/**
 * Today's split for one site as one small stacked bar, with the same figures in words: the popup's and the
 * side panel's. `children` follow the words (the popup's way to the Balance page).
 */
export function UsageBar({
  domain,
  usage,
  children,
}: {
  domain: string;
  usage: TodayUsage | null;
  children?: ComponentChildren;
}) {
  if (!usage) return null;
  return (
    <section class="usage" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t('usageHeading', [domain])}</h2>
      {usage.total === 0 ? (
        <p class="muted">{t('usageNone')}</p>
      ) : (
        <>
          <SplitBar usage={usage} />
          <p class="usage__words">
            {t('usageSummary', [
              minutes(usage.total),
              minutes(usage.media),
              minutes(usage.networking),
              minutes(usage.mixed),
            ])}
          </p>
        </>
      )}
      {children}
    </section>
  );
}
