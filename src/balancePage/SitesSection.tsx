import { useState } from 'preact/hooks';
import type { Intentions } from '../balance/schema';
import { formatDuration } from '../shared/format';
import { t, tn } from '../shared/i18n';
import { siteHash } from '../shared/pages';
import type { Note } from '../storage/schema';
import { SplitBar } from '../ui/SplitBar';
import type { PeriodSummary } from '../usage/periods';
import type { UsageTotals } from '../usage/schema';
import { type SiteRow, siteTable } from '../usage/totals';
import { periodEmpty, sitesHeading } from './periodWords';
import { intentionOf, pageNotes, siteNote } from './siteWords';
import { PartsHead, PartsRow } from './usageTable';

const SITES_SHOWN = 10;

interface Props {
  totals: UsageTotals;
  summary: PeriodSummary;
  today: string;
  notes: ReadonlyMap<string, readonly Note[]>;
  intentions: Intentions;
}

/**
 * Per site, most used first: a bar as long as the site's share of the busiest site's time, split by label,
 * the time in words, and the site's note and intention beside it. The site's name is the link to its own
 * view; the whole row answers a click (a stretched link), the keyboard reaches the one link.
 */
function Row({
  site,
  widest,
  notes,
  intentions,
  today,
}: { site: SiteRow; widest: number } & Omit<Props, 'totals' | 'summary'>) {
  const note = siteNote(notes.get(site.domain));
  const more = pageNotes(notes.get(site.domain)).length;
  const intention = intentionOf(intentions, site.domain, today);
  return (
    <li class="site-row" data-domain={site.domain}>
      <div class="site-row__head">
        <a class="site-row__link" href={siteHash(site.domain)}>
          {site.domain}
        </a>
        <span class="site-row__total">{formatDuration(site.total)}</span>
      </div>
      <SplitBar usage={site} width={widest > 0 ? site.total / widest : 0} />
      {note && (
        <p class="site-row__note" dir="auto">
          <span class="visually-hidden">{t('balance_noteLabel')} </span>
          {note.text}
        </p>
      )}
      {more > 0 && <p class="site-row__meta">{tn('balance_pageNotes', more)}</p>}
      {intention.choice ? (
        <p class="site-row__meta">{t('popupIntention', [intention.choice])}</p>
      ) : intention.on ? (
        <p class="site-row__meta">{t('balance_intentionsOn')}</p>
      ) : null}
    </li>
  );
}

export function SitesSection({ totals, summary, today, notes, intentions }: Props) {
  const [allSites, setAllSites] = useState(false);
  const sites = siteTable(totals, summary.days, today);
  const shown = allSites ? sites : sites.slice(0, SITES_SHOWN);
  const widest = sites[0]?.total ?? 0;
  return (
    <section class="balance__section" aria-labelledby="balance-sites-heading">
      <h2 id="balance-sites-heading">{sitesHeading(summary)}</h2>
      {sites.length === 0 ? (
        <p class="muted">{periodEmpty(summary.days)}</p>
      ) : (
        <>
          <ul class="site-rows">
            {shown.map((site) => (
              <Row key={site.domain} site={site} widest={widest} notes={notes} intentions={intentions} today={today} />
            ))}
          </ul>
          {sites.length > SITES_SHOWN && (
            <button type="button" class="link" aria-expanded={allSites} onClick={() => setAllSites(!allSites)}>
              {allSites ? tn('usage_showFewerSites', SITES_SHOWN) : tn('usage_showAllSites', sites.length)}
            </button>
          )}
          <details class="usage-dash__details">
            <summary>{t('usage_showTable')}</summary>
            <table class="usage-dash__table usage-dash__table--sites">
              <caption>{sitesHeading(summary)}</caption>
              <PartsHead first={t('usage_colSite')} />
              <tbody>
                {shown.map((site) => (
                  <PartsRow key={site.domain} name={site.domain} usage={site} total={site.total} />
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
