import { useRef, useState } from 'preact/hooks';
import { errorText } from '../shared/format';
import { t } from '../shared/i18n';
import { DEFAULT_SITE_PREFS, OVERRIDES, type ResolvedSitePrefs, type SitePrefs } from '../storage/schema';
import { Choices } from '../ui/Choices';
import { Switch } from '../ui/Switch';
import { ErrorAlert } from './ErrorAlert';
import { LoadStatus } from './LoadStatus';
import type { OptionsApi } from './optionsApi';
import { matchesSearch, SearchBox } from './SearchBox';
import { useBusy } from './useBusy';
import { useStored } from './useStored';
import { useUndo } from './useUndo';
import { overrideText } from './wording';

interface RowProps {
  domain: string;
  prefs: ResolvedSitePrefs;
  change: (domain: string, change: Partial<SitePrefs>) => Promise<void>;
  reset: (domain: string, prefs: ResolvedSitePrefs) => Promise<void>;
}

function SiteRow({ domain, prefs, change, reset }: RowProps) {
  const id = `site-${domain}`;
  const [busy, run] = useBusy();
  return (
    <li class="item" aria-labelledby={`${id}-title`}>
      <div class="item__head">
        <h3 id={`${id}-title`} class="item__title">
          {domain}
        </h3>
        {prefs.labeling ? null : <span class="tag">{t('opt_siteLabelingOff')}</span>}
      </div>
      <Switch
        checked={prefs.labeling}
        busy={busy}
        onChange={(labeling) => void run(() => change(domain, { labeling }))}
      >
        {t('labelingToggle', [domain])}
      </Switch>
      <Choices
        legend={t('opt_overrideLegend', [domain])}
        name={`${id}-override`}
        choices={OVERRIDES}
        value={prefs.override}
        text={overrideText}
        onChange={(override) => void run(() => change(domain, { override }))}
      />
      <div class="item__foot">
        <span />
        <button
          type="button"
          class="danger"
          aria-disabled={busy}
          aria-label={t('opt_siteReset', [domain])}
          onClick={() => void run(() => reset(domain, prefs))}
        >
          {t('opt_reset')}
        </button>
      </div>
    </li>
  );
}

const readSites = async (api: OptionsApi) => (await api.loadData()).sites;

/** The sites whose preferences differ from the defaults: labeling off, or a label chosen by the user. */
export function SitesSection({ api }: { api: OptionsApi }) {
  const { loaded, reload } = useStored(api, readSites);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const undo = useUndo(headingRef);

  const change = async (domain: string, next: Partial<SitePrefs>) => {
    setError(null);
    try {
      await api.send({ type: 'set-site-prefs', domain, change: next });
    } catch (e) {
      setError(t('opt_saveFailed', [errorText(e)]));
    }
    await reload();
  };

  const reset = async (domain: string, before: ResolvedSitePrefs) => {
    setError(null);
    try {
      await api.send({ type: 'set-site-prefs', domain, change: { ...DEFAULT_SITE_PREFS } });
    } catch (e) {
      setError(t('opt_saveFailed', [errorText(e)]));
      return;
    }
    await reload();
    undo.offer(t('opt_siteResetDone', [domain]), async () => {
      await api.send({ type: 'set-site-prefs', domain, change: { ...before } });
      await reload();
    });
  };

  const sites = loaded.status === 'ready' ? Object.entries(loaded.value).sort(([a], [b]) => a.localeCompare(b)) : [];
  const shown = sites.filter(([domain]) => matchesSearch(query, domain));

  return (
    <section id="sites" class="opt-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading" ref={headingRef} tabIndex={-1}>
        {t('opt_sitesHeading')}
      </h2>
      <p class="muted">{t('opt_sitesExplained')}</p>
      <LoadStatus loaded={loaded} />
      {loaded.status === 'ready' && sites.length === 0 ? <p class="muted">{t('opt_sitesEmpty')}</p> : null}
      {sites.length > 0 ? (
        <>
          <SearchBox
            id="sites"
            label={t('opt_sitesSearch')}
            query={query}
            onQuery={setQuery}
            shown={shown.length}
            total={sites.length}
          />
          <ul class="items" aria-labelledby="sites-heading">
            {shown.map(([domain, prefs]) => (
              <SiteRow key={domain} domain={domain} prefs={prefs} change={change} reset={reset} />
            ))}
          </ul>
          {shown.length === 0 ? <p class="muted">{t('opt_noMatch')}</p> : null}
        </>
      ) : null}
      <ErrorAlert message={error} />
      {undo.view}
    </section>
  );
}
