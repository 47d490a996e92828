import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { DEFAULT_SITE_PREFS, type Override, type ResolvedSitePrefs, type SitePrefs } from '../storage/schema';
import { ErrorAlert } from './ErrorAlert';
import { useUndo } from './NotesSection';
import { errorText, matchesSearch, type OptionsApi, useStored } from './optionsApi';

function overrideText(value: Override): string {
  switch (value) {
    case 'media':
      return t('override_media');
    case 'networking':
      return t('override_networking');
    default:
      return t('override_auto');
  }
}

const OVERRIDE_CHOICES: readonly Override[] = ['auto', 'media', 'networking'];

interface RowProps {
  domain: string;
  prefs: ResolvedSitePrefs;
  change: (domain: string, change: Partial<SitePrefs>) => Promise<void>;
  reset: (domain: string, prefs: ResolvedSitePrefs) => Promise<void>;
}

function SiteRow({ domain, prefs, change, reset }: RowProps) {
  const id = `site-${domain}`;
  const [busy, setBusy] = useState(false);
  // Controls stay enabled while a write is under way (disabling the focused one would drop focus).
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="item" aria-labelledby={`${id}-title`}>
      <div class="item__head">
        <h3 id={`${id}-title`} class="item__title">
          {domain}
        </h3>
        {prefs.labeling ? null : <span class="tag">{t('opt_siteLabelingOff')}</span>}
      </div>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={prefs.labeling}
          aria-checked={prefs.labeling}
          aria-disabled={busy}
          onChange={(e) => {
            const labeling = (e.currentTarget as HTMLInputElement).checked;
            void run(() => change(domain, { labeling }));
          }}
        />
        <span>{t('labelingToggle', [domain])}</span>
      </label>
      <fieldset class="override">
        <legend>{t('opt_overrideLegend', [domain])}</legend>
        {OVERRIDE_CHOICES.map((value) => (
          <label key={value} class="override__option">
            <input
              type="radio"
              name={`${id}-override`}
              value={value}
              checked={prefs.override === value}
              onChange={() => void run(() => change(domain, { override: value }))}
            />
            <span>{overrideText(value)}</span>
          </label>
        ))}
      </fieldset>
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
      {loaded.status === 'loading' ? <p class="muted">{t('opt_loading')}</p> : null}
      {loaded.status === 'error' ? (
        <p role="alert" class="error">
          {t('opt_loadFailed', [loaded.message])}
        </p>
      ) : null}
      {loaded.status === 'ready' && sites.length === 0 ? <p class="muted">{t('opt_sitesEmpty')}</p> : null}
      {sites.length > 0 ? (
        <>
          <div class="search">
            <label for="sites-search">{t('opt_sitesSearch')}</label>
            <input
              id="sites-search"
              type="search"
              value={query}
              aria-describedby="sites-count"
              onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
            />
            <span id="sites-count" class="muted" role="status">
              {t('opt_shownCount', [String(shown.length), String(sites.length)])}
            </span>
          </div>
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
