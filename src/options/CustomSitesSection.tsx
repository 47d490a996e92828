import { useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { registrableDomain } from '../core/domain';
import { errorText } from '../shared/format';
import { t, tn } from '../shared/i18n';
import { CUSTOM_SITE_NAME_MAX_LENGTH, CUSTOM_SITES_MAX } from '../storage/limits';
import { mergeCustomSites } from '../storage/managed';
import { type CustomSite, CustomSiteName, Domain, type Lean } from '../storage/schema';
import { Choices } from '../ui/Choices';
import { ErrorAlert } from './ErrorAlert';
import { LoadStatus } from './LoadStatus';
import type { OptionsApi } from './optionsApi';
import { useStored } from './useStored';
import { useUndo } from './useUndo';
import { leanText } from './wording';

/**
 * The registrable domain of what the user typed: an address (`https://Forum.Example.co.uk/x`), a host
 * (`forum.example.co.uk`) or a domain. Null when it names no site on the public web.
 */
export function normaliseDomain(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text || /\s/.test(text)) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  const domain = registrableDomain(host.replace(/\.$/, ''));
  return domain && v.is(Domain, domain) ? domain : null;
}

const LEAN_CHOICES: readonly Lean[] = ['networking', 'media', 'both'];

interface SiteView {
  site: CustomSite;
  access: boolean;
}

interface CustomSitesView {
  sites: SiteView[];
  userCount: number;
  managedDomains: Set<string>;
}

async function readCustomSites(api: OptionsApi): Promise<CustomSitesView> {
  const [data, managed] = await Promise.all([api.loadData(), api.readManaged()]);
  const merged = mergeCustomSites(data.customSites, managed.policy);
  const sites = await Promise.all(
    merged.map(async (site) => ({ site, access: await api.hasSiteAccess(site.domain).catch(() => false) })),
  );
  return {
    sites,
    userCount: data.customSites.length,
    managedDomains: new Set(managed.policy.customSites.map((s) => s.domain)),
  };
}

type FormError = { field: 'domain' | 'name'; message: string } | null;

/** Sites the built-in knowledge lacks: the user's own and those an administrator set. */
export function CustomSitesSection({ api }: { api: OptionsApi }) {
  const { loaded, reload } = useStored(api, readCustomSites);
  const [domainInput, setDomainInput] = useState('');
  const [name, setName] = useState('');
  const [lean, setLean] = useState<Lean>('networking');
  const [formError, setFormError] = useState<FormError>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const domainRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const undo = useUndo(headingRef);
  const view = loaded.status === 'ready' ? loaded.value : null;
  const latest = useRef(view);
  latest.current = view;

  const fail = (field: 'domain' | 'name', message: string) => {
    setFormError({ field, message });
    setStatus('');
    (field === 'domain' ? domainRef : nameRef).current?.focus();
  };

  // Synchronous up to the permission request: the browser shows its prompt only for a user gesture.
  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const domain = normaliseDomain(domainInput);
    if (!domain) return fail('domain', t('opt_customDomainInvalid'));
    if (view?.managedDomains.has(domain)) return fail('domain', t('opt_customManagedExists', [domain]));
    const exists = view?.sites.some((s) => s.site.domain === domain && !s.site.managed) ?? false;
    if (!exists && (view?.userCount ?? 0) >= CUSTOM_SITES_MAX) {
      return fail('domain', tn('opt_customTooMany', CUSTOM_SITES_MAX));
    }
    const siteName = name.trim() || domain;
    if (!v.is(CustomSiteName, siteName)) return fail('name', t('opt_customNameInvalid'));
    setFormError(null);
    setBusy(true);
    const access = api.requestSiteAccess(domain).catch(() => false);
    void (async () => {
      try {
        const granted = await access;
        await api.send({ type: 'save-custom-site', site: { domain, name: siteName, lean } });
        setDomainInput('');
        setName('');
        const saved = exists ? t('opt_customUpdated', [domain]) : t('opt_customAdded', [domain]);
        setStatus(granted ? saved : `${saved} ${t('opt_customNoAccess')}`);
        await reload();
      } catch (e) {
        setError(t('opt_saveFailed', [errorText(e)]));
      } finally {
        setBusy(false);
      }
    })();
  };

  const allow = async (domain: string) => {
    setError(null);
    try {
      await api.requestSiteAccess(domain);
    } catch (e) {
      setError(errorText(e));
    }
    await reload();
  };

  const remove = async (site: CustomSite) => {
    setError(null);
    setStatus('');
    try {
      await api.send({ type: 'remove-custom-site', domain: site.domain });
    } catch (e) {
      setError(t('opt_deleteFailed', [errorText(e)]));
      return;
    }
    await reload();
    const entry = { domain: site.domain, name: site.name, lean: site.lean };
    undo.offer(
      t('opt_customRemoved', [site.name]),
      async () => {
        await api.send({ type: 'save-custom-site', site: entry });
        await reload();
      },
      // Kept until the undo has passed, so that undoing needs no new prompt.
      () => {
        const now = latest.current;
        const back = now?.sites.some((s) => s.site.domain === entry.domain) ?? false;
        if (!back) void api.releaseSiteAccess(entry.domain).catch(() => undefined);
      },
    );
  };

  const describedBy = (field: 'domain' | 'name', hint: string) =>
    formError?.field === field ? `${hint} custom-form-error` : hint;

  return (
    <section id="custom-sites" class="opt-section" aria-labelledby="custom-heading">
      <h2 id="custom-heading" ref={headingRef} tabIndex={-1}>
        {t('opt_customHeading')}
      </h2>
      <p class="muted">{t('opt_customExplained')}</p>
      <LoadStatus loaded={loaded} />
      {view && view.sites.length === 0 ? <p class="muted">{t('opt_customEmpty')}</p> : null}
      {view && view.sites.length > 0 ? (
        <ul class="items" aria-labelledby="custom-heading">
          {view.sites.map(({ site, access }) => (
            <li key={site.domain} class="item" aria-label={site.name}>
              <div class="item__head">
                <h3 class="item__title">{site.name}</h3>
                <span class="muted">{site.domain}</span>
                {site.managed ? <span class="tag tag--managed">{t('opt_setByAdmin')}</span> : null}
              </div>
              <p>{leanText(site.lean)}</p>
              <div class="item__foot">
                {access ? (
                  <span class="muted">{t('opt_customAccess')}</span>
                ) : (
                  <span class="actions">
                    <span class="muted">{t('opt_customNoAccessShort')}</span>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t('opt_customAllowFor', [site.domain])}
                      onClick={() => void allow(site.domain)}
                    >
                      {t('opt_customAllow')}
                    </button>
                  </span>
                )}
                {site.managed ? null : (
                  <button
                    type="button"
                    class="danger"
                    aria-label={t('opt_customRemove', [site.domain])}
                    onClick={() => void remove(site)}
                  >
                    {t('opt_delete')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert message={error} />
      {undo.view}

      <form class="form" aria-labelledby="custom-add-heading" onSubmit={submit} noValidate>
        <h3 id="custom-add-heading">{t('opt_customAddHeading')}</h3>
        <div class="field">
          <label for="custom-domain">{t('opt_customDomain')}</label>
          <input
            id="custom-domain"
            ref={domainRef}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            required
            value={domainInput}
            aria-invalid={formError?.field === 'domain'}
            aria-describedby={describedBy('domain', 'custom-domain-hint')}
            onInput={(e) => setDomainInput((e.currentTarget as HTMLInputElement).value)}
          />
          <span id="custom-domain-hint" class="muted small">
            {t('opt_customDomainHint')}
          </span>
        </div>
        <div class="field">
          <label for="custom-name">{t('opt_customName')}</label>
          <input
            id="custom-name"
            ref={nameRef}
            type="text"
            autoComplete="off"
            maxLength={CUSTOM_SITE_NAME_MAX_LENGTH}
            value={name}
            aria-invalid={formError?.field === 'name'}
            aria-describedby={describedBy('name', 'custom-name-hint')}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          />
          <span id="custom-name-hint" class="muted small">
            {t('opt_customNameHint')}
          </span>
        </div>
        <Choices
          legend={t('opt_customLean')}
          name="custom-lean"
          choices={LEAN_CHOICES}
          value={lean}
          text={leanText}
          onChange={setLean}
        />
        {formError ? (
          <p id="custom-form-error" role="alert" class="error">
            {formError.message}
          </p>
        ) : null}
        <button type="submit" class="primary" aria-disabled={busy}>
          {t('opt_customAdd')}
        </button>
        <p role="status" class="muted">
          {status}
        </p>
      </form>
    </section>
  );
}
