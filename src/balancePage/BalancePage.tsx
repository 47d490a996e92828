import { type ComponentChild, Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DayFormat } from '../shared/format';
import { t } from '../shared/i18n';
import { siteHash, siteOfHash } from '../shared/pages';
import { type PeriodDays, periodSummary } from '../usage/periods';
import { browserUsageApi, type UsageApi } from './balanceApi';
import { DailySection } from './DailySection';
import { PeriodChoice } from './PeriodChoice';
import { SitesSection } from './SitesSection';
import { SiteView } from './SiteView';
import { SummarySection } from './SummaryFigures';
import type { SectionProps } from './sectionProps';
import { UsageDataSection } from './UsageDataSection';
import { useBalanceData } from './useBalanceData';

/**
 * The overview's sections, in order, each a name (its key) and what it draws from the same props
 * (sectionProps.ts): a new section is one line here.
 */
const SECTIONS: ReadonlyArray<readonly [string, (props: SectionProps) => ComponentChild]> = [
  ['summary', (p) => <SummarySection summary={p.summary} empty={p.empty} />],
  [
    'daily',
    (p) => !p.empty && <DailySection totals={p.data.totals} summary={p.summary} today={p.today} format={p.format} />,
  ],
  ['siteList', (p) => !p.empty && <SitesSection {...p.data} summary={p.summary} today={p.today} />],
  ['data', (p) => <UsageDataSection {...p} />],
];

/** The view the address names: the overview, or one site's (`#site=<domain>`), so reload and Back keep it. */
function useSiteRoute(): string | null {
  const [site, setSite] = useState(() => siteOfHash(location.hash));
  useEffect(() => {
    const follow = () => setSite(siteOfHash(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return site;
}

/**
 * The Balance page: time on social sites today, over 7 and over 30 days, media against networking, per site
 * with each site's note and intention, and a view per site. Reads storage.local and follows its changes.
 */
export function BalancePage({ api = browserUsageApi }: { api?: UsageApi }) {
  const [data, setTotals] = useBalanceData(api);
  const [period, setPeriod] = useState<PeriodDays>(7);
  const site = useSiteRoute();
  const previousSite = useRef<string | null>(null);
  const today = api.today();
  const locale = api.locale();
  const format = useMemo(() => new DayFormat(locale), [locale]);
  const { totals } = data;
  const summary = useMemo(() => (totals ? periodSummary(totals, period, today) : null), [totals, period, today]);

  // Back from a site's view, the focus returns to that site's row, where the person left the list.
  useEffect(() => {
    const left = previousSite.current;
    previousSite.current = site;
    if (site === null && left !== null) {
      document.querySelector<HTMLAnchorElement>(`a[href="${CSS.escape(siteHash(left))}"]`)?.focus();
    }
  }, [site, summary]);

  if (!totals || !summary) return <main class="balance" aria-busy="true" />;
  const loaded = { ...data, totals };
  if (site !== null) {
    return (
      <main class="balance">
        <SiteView domain={site} data={loaded} period={period} onPeriod={setPeriod} today={today} format={format} />
      </main>
    );
  }
  const empty = Object.keys(totals).length === 0;
  const props: SectionProps = { data: loaded, summary, today, format, api, empty, setTotals };
  return (
    <main class="balance">
      <h1>{t('balance_title')}</h1>
      {empty ? (
        <p class="usage-dash__empty">{t('usage_empty')}</p>
      ) : (
        <PeriodChoice value={period} onChange={setPeriod} />
      )}
      {SECTIONS.map(([name, section]) => (
        <Fragment key={name}>{section(props)}</Fragment>
      ))}
    </main>
  );
}
