import { formatMinutes as minutes } from '../shared/format';
import { t } from '../shared/i18n';
import type { SiteUsage } from '../usage/schema';

export type TodayUsage = SiteUsage & { total: number };

const PARTS = ['media', 'networking', 'mixed'] as const;

/** Today's split for this site as one small stacked bar, with the same figures in words. */
export function UsageBar({ domain, usage }: { domain: string; usage: TodayUsage | null }) {
  if (!usage) return null;
  return (
    <section class="usage" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t('usageHeading', [domain])}</h2>
      {usage.total === 0 ? (
        <p class="muted">{t('usageNone')}</p>
      ) : (
        <>
          <div class="usage__bar" aria-hidden="true">
            {PARTS.map((part) =>
              usage[part] > 0 ? (
                <span
                  key={part}
                  class={`usage__part usage__part--${part}`}
                  style={{ width: `${(100 * usage[part]) / usage.total}%` }}
                />
              ) : null,
            )}
          </div>
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
    </section>
  );
}
