import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DayFormat, formatDaysAgo, formatDuration } from '../shared/format';
import { formatCount, t, tn } from '../shared/i18n';
import type { UsageTotals } from '../usage/schema';
import { type Balance, dailySeries, ratio, siteTable, toCsv } from '../usage/totals';
import { browserUsageApi, type UsageApi } from './usageApi';
import { DailyChart, dayTotal, legendName, PARTS } from './usageCharts';
import { PartsHead, PartsRow } from './usageTable';

/**
 * "Where you look": time on social sites over the last 7 or 30 days, media against networking, per day and
 * per site, with export and deletion. Reads storage.local directly and follows its changes; the only write
 * (deletion) goes through the worker.
 */

type Period = 7 | 30;
const SITES_SHOWN = 10;

/** Small whole numbers close to `value` (>= 1), as people say a ratio: 3 to 2, 3 to 1, 12 to 1. */
const SIMPLE_RATIOS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [5, 4],
  [4, 3],
  [3, 2],
  [5, 3],
  [2, 1],
  [5, 2],
  [3, 1],
];

export function approximateRatio(value: number): [number, number] {
  if (value < 1) {
    const [a, b] = approximateRatio(1 / value);
    return [b, a];
  }
  if (value >= 3) return [Math.round(value), 1];
  let best = SIMPLE_RATIOS[0] as readonly [number, number];
  for (const candidate of SIMPLE_RATIOS) {
    const distance = Math.abs(Math.log(value) - Math.log(candidate[0] / candidate[1]));
    if (distance < Math.abs(Math.log(value) - Math.log(best[0] / best[1]))) best = candidate;
  }
  return [best[0], best[1]];
}

/** "Media 3 h 10 min, networking 1 h 5 min: about 3 to 1." plus mixed time, if any. */
export function ratioWords(balance: Balance): string {
  const media = formatDuration(balance.media);
  const networking = formatDuration(balance.networking);
  let words: string;
  if (balance.media > 0 && balance.networking > 0) {
    const [a, b] = approximateRatio(balance.media / balance.networking);
    words =
      a === b
        ? t('usage_ratioEven', [media, networking])
        : t('usage_ratio', [media, networking, formatCount(a), formatCount(b)]);
  } else if (balance.media > 0) {
    words = t('usage_onlyMedia', [media]);
  } else if (balance.networking > 0) {
    words = t('usage_onlyNetworking', [networking]);
  } else {
    return t('usage_onlyMixed', [formatDuration(balance.mixed)]);
  }
  return balance.mixed > 0 ? `${words} ${t('usage_mixedToo', [formatDuration(balance.mixed)])}` : words;
}

/** Which way the period leaned, in the guide's spirit: a description, not a verdict. */
function leanWords(balance: Balance): string | null {
  if (balance.mediaShare === null) return null;
  // 0.6 is media 3 to networking 2: beyond that, "balanced" would no longer be honest.
  if (balance.mediaShare > 0.6) return t('usage_leanMedia');
  if (balance.mediaShare < 0.4) return t('usage_leanNetworking');
  return t('usage_leanEven');
}

function csvFileName(today: string): string {
  return `reach-or-relate-usage-${today}.csv`;
}

function isEmpty(totals: UsageTotals): boolean {
  return Object.keys(totals).length === 0;
}

export function UsageDashboard({ api = browserUsageApi }: { api?: UsageApi }) {
  const [totals, setTotals] = useState<UsageTotals | null>(null);
  const [retentionDays, setRetentionDays] = useState<number | null>(null);
  const [period, setPeriod] = useState<Period>(7);
  const [allSites, setAllSites] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [status, setStatus] = useState<'deleted' | 'failed' | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    // Subscribe first, so that a change between the read and the subscription is not lost; a change that
    // arrives before the first read answers is newer, and the read must not overwrite it.
    let totalsChanged = false;
    let retentionChanged = false;
    const unsubscribe = api.subscribe((change) => {
      if (change.totals !== undefined) {
        totalsChanged = true;
        setTotals(change.totals);
      }
      if (change.retentionDays !== undefined) {
        retentionChanged = true;
        setRetentionDays(change.retentionDays);
      }
    });
    api.readTotals().then(
      (read) => totalsChanged || setTotals(read),
      () => totalsChanged || setTotals({}),
    );
    api.readRetentionDays().then(
      (days) => retentionChanged || setRetentionDays(days),
      () => {},
    );
    return unsubscribe;
  }, [api]);

  // The confirmation opens with the safe choice focused.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const today = api.today();
  const locale = api.locale();
  const format = useMemo(() => new DayFormat(locale), [locale]);
  const view = useMemo(() => {
    if (!totals || isEmpty(totals)) return null;
    return {
      series: dailySeries(totals, period, today),
      sites: siteTable(totals, period, today),
      balance: ratio(totals, period, today),
    };
  }, [totals, period, today]);

  const askToDelete = () => {
    setStatus(null);
    setConfirming(true);
  };
  const cancelDelete = () => {
    setConfirming(false);
    deleteRef.current?.focus();
  };
  const confirmDelete = async () => {
    setDeleting(true);
    try {
      await api.deleteAll();
      setTotals({});
      setStatus('deleted');
      // The buttons go with the data: focus moves to the message that says it is gone.
      statusRef.current?.focus();
    } catch {
      setStatus('failed');
      deleteRef.current?.focus();
    } finally {
      setDeleting(false);
      setConfirming(false);
    }
  };
  const exportCsv = () => {
    if (totals) api.download(csvFileName(today), toCsv(totals), 'text/csv;charset=utf-8');
  };

  const kept = retentionDays === null ? null : tn('usage_keptDays', retentionDays);

  return (
    <section id="usage" class="usage-dash" aria-labelledby="usage-dash-heading">
      <h2 id="usage-dash-heading">{t('usage_heading')}</h2>
      {totals !== null && view === null && <p class="usage-dash__empty">{t('usage_empty')}</p>}
      {view && (
        <Overview
          view={view}
          period={period}
          today={today}
          format={format}
          allSites={allSites}
          onPeriod={(next) => {
            setPeriod(next);
            setAllSites(false);
          }}
          onAllSites={setAllSites}
        />
      )}
      {totals !== null && (
        <div class="usage-dash__data">
          {kept && <p class="muted">{kept}</p>}
          {view && (
            <div class="usage-dash__actions">
              <button type="button" class="usage-dash__button" onClick={exportCsv}>
                {t('usage_export')}
              </button>
              <button
                type="button"
                ref={deleteRef}
                class="usage-dash__button usage-dash__button--danger"
                aria-expanded={confirming}
                onClick={askToDelete}
              >
                {t('usage_delete')}
              </button>
            </div>
          )}
          {view && confirming && (
            <fieldset
              id="usage-confirm"
              class="usage-dash__confirm"
              onKeyDown={(e) => {
                if (e.key === 'Escape') cancelDelete();
              }}
            >
              <legend>{t('usage_confirmText')}</legend>
              <div class="usage-dash__actions">
                <button
                  type="button"
                  class="usage-dash__button usage-dash__button--danger-solid"
                  onClick={() => void confirmDelete()}
                  disabled={deleting}
                >
                  {t('usage_confirmYes')}
                </button>
                <button type="button" ref={cancelRef} class="usage-dash__button" onClick={cancelDelete}>
                  {t('usage_confirmNo')}
                </button>
              </div>
            </fieldset>
          )}
          <p ref={statusRef} tabIndex={-1} class="usage-dash__status" role="status">
            {status === 'deleted' ? t('usage_deleted') : ''}
          </p>
          {status === 'failed' && (
            <p class="usage-dash__status usage-dash__status--error" role="alert">
              {t('usage_deleteFailed')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

interface OverviewProps {
  view: { series: ReturnType<typeof dailySeries>; sites: ReturnType<typeof siteTable>; balance: Balance };
  period: Period;
  today: string;
  format: DayFormat;
  allSites: boolean;
  onPeriod: (period: Period) => void;
  onAllSites: (all: boolean) => void;
}

function chartSummary(view: OverviewProps['view'], period: Period, format: DayFormat): string {
  const busiest = view.series.reduce((a, b) => (dayTotal(b) > dayTotal(a) ? b : a));
  if (dayTotal(busiest) === 0) return tn('usage_chartSummaryEmpty', period);
  return tn('usage_chartSummary', period, [
    formatDuration(view.balance.media),
    formatDuration(view.balance.networking),
    formatDuration(view.balance.mixed),
    format.longOf(busiest.day),
    formatDuration(dayTotal(busiest)),
  ]);
}

function Overview({ view, period, today, format, allSites, onPeriod, onAllSites }: OverviewProps) {
  const { series, sites, balance } = view;
  const counted = balance.media + balance.networking + balance.mixed > 0;
  const lean = leanWords(balance);
  const shownSites = allSites ? sites : sites.slice(0, SITES_SHOWN);

  return (
    <>
      <fieldset class="usage-dash__period">
        <legend class="visually-hidden">{t('usage_periodLegend')}</legend>
        <label>
          <input type="radio" name="usage-period" checked={period === 7} onChange={() => onPeriod(7)} />
          <span>{t('usage_period7')}</span>
        </label>
        <label>
          <input type="radio" name="usage-period" checked={period === 30} onChange={() => onPeriod(30)} />
          <span>{t('usage_period30')}</span>
        </label>
      </fieldset>

      <div class="usage-dash__summary">
        <p class="usage-dash__ratio">{counted ? ratioWords(balance) : tn('usage_periodEmpty', period)}</p>
        <p class="muted">{lean ? `${lean} ${t('usage_balanceNote')}` : t('usage_balanceNote')}</p>
      </div>

      <figure class="usage-dash__figure">
        <DailyChart series={series} today={today} format={format} label={chartSummary(view, period, format)} />
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
          <caption>{tn('usage_tableCaption', period)}</caption>
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

      <h3 id="usage-sites-heading">{tn('usage_sitesHeading', period)}</h3>
      {sites.length === 0 ? (
        <p class="muted">{tn('usage_periodEmpty', period)}</p>
      ) : (
        <>
          <table class="usage-dash__table usage-dash__table--sites" aria-labelledby="usage-sites-heading">
            <PartsHead first={t('usage_colSite')} />
            <tbody>
              {shownSites.map((site) => (
                <PartsRow key={site.domain} name={site.domain} usage={site} total={site.total} />
              ))}
            </tbody>
          </table>
          {sites.length > SITES_SHOWN && (
            <button type="button" class="link" aria-expanded={allSites} onClick={() => onAllSites(!allSites)}>
              {allSites ? tn('usage_showFewerSites', SITES_SHOWN) : tn('usage_showAllSites', sites.length)}
            </button>
          )}
        </>
      )}
    </>
  );
}
