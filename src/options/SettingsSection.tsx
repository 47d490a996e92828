import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, formatList } from '../shared/format';
import { formatCount, t, tn } from '../shared/i18n';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../storage/limits';
import { effectiveSettings, type Feature, type ManagedRead } from '../storage/managed';
import type { SyncSwitchResult } from '../storage/notes';
import { DEFAULT_SETTINGS, type Settings } from '../storage/schema';
import { Switch } from '../ui/Switch';
import { daysOlderThan } from '../usage/totals';
import { ErrorAlert } from './ErrorAlert';
import { LoadStatus } from './LoadStatus';
import type { OptionsApi } from './optionsApi';
import { useBusy } from './useBusy';
import { useStored } from './useStored';

function featureText(feature: Feature): string {
  switch (feature) {
    case 'allSites':
      return t('opt_managedAllSites');
    case 'sync':
      return t('opt_managedSync');
    case 'notes':
      return t('opt_managedNotes');
    default:
      return t('opt_managedUsage');
  }
}

interface SettingsView {
  settings: Settings;
  managed: ManagedRead;
  syncAvailable: boolean;
  syncStaysLocal: boolean;
}

async function readSettings(api: OptionsApi): Promise<SettingsView> {
  const [data, managed, staysLocal] = await Promise.all([
    api.loadData(),
    api.readManaged(),
    api.syncStaysLocal?.() ?? false,
  ]);
  return { settings: data.settings, managed, syncAvailable: api.syncAvailable(), syncStaysLocal: staysLocal };
}

/** What turning sync on or off did, from the switch's own result. */
function syncOutcome(result: SyncSwitchResult | undefined, wanted: boolean): string {
  if (!result || result.refused || result.sync !== wanted) return t('opt_syncRefused');
  if (!wanted) return t('opt_syncOffResult');
  return result.keptLocal.length > 0
    ? t('opt_syncOnKeptLocal', [formatCount(result.moved.length), formatCount(result.keptLocal.length)])
    : tn('opt_syncOnResult', result.moved.length);
}

function SyncSetting({ api, view, reload }: { api: OptionsApi; view: SettingsView; reload: () => Promise<void> }) {
  const [busy, run] = useBusy();
  const [result, setResult] = useState('');
  const [error, setError] = useState<string | null>(null);
  const managedOff = view.managed.policy.disableSync;
  const on = effectiveSettings(view.settings, view.managed.policy).sync;
  const disabled = managedOff || !view.syncAvailable;

  const toggle = (wanted: boolean) =>
    run(async () => {
      setError(null);
      setResult('');
      try {
        const reply = await api.send({ type: 'set-settings', change: { sync: wanted } });
        setResult(syncOutcome(reply.sync, wanted));
      } catch (e) {
        setError(t('opt_saveFailed', [errorText(e)]));
      }
    }).then(reload);

  return (
    <div class="setting">
      <Switch
        checked={on}
        disabled={disabled}
        busy={busy}
        describedBy="sync-explained"
        onChange={(wanted) => void toggle(wanted)}
      >
        {t('opt_syncToggle')}
      </Switch>
      <p id="sync-explained" class="muted">
        {managedOff ? t('opt_syncManaged') : view.syncAvailable ? t('opt_syncExplained') : t('opt_syncUnavailable')}
        {view.syncAvailable && view.syncStaysLocal ? ` ${t('opt_syncStaysLocal')}` : null}
      </p>
      <p role="status">{result}</p>
      <ErrorAlert message={error} />
    </div>
  );
}

/** A day key as a date in the page's language, with the year: records can go back years. */
function dayText(day: string): string {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined;
  const at = new Date(`${day}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
  } catch {
    return day;
  }
}

interface Lowering {
  wanted: number;
  /** Days of usage records the lower retention deletes, and the newest of them. */
  days: number;
  newest: string;
}

function RetentionSetting({ api, days, reload }: { api: OptionsApi; days: number; reload: () => Promise<void> }) {
  const [value, setValue] = useState(String(days));
  const [invalid, setInvalid] = useState(false);
  const [lowering, setLowering] = useState<Lowering | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, run] = useBusy();

  // A change stored elsewhere (another device, an import) shows here; the user's own typing is kept till then.
  const shownDays = useRef(days);
  useEffect(() => {
    if (shownDays.current === days) return;
    shownDays.current = days;
    setValue(String(days));
  }, [days]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setStatus('');
    setError(null);
    const text = value.trim();
    const wanted = Number(text);
    if (!/^\d+$/.test(text) || wanted < RETENTION_DAYS_MIN || wanted > RETENTION_DAYS_MAX) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (wanted < days) {
      // Records older than the new retention go at once: say how many days that is, and ask first.
      const gone = daysOlderThan(await api.readUsageTotals(), wanted, api.today());
      if (gone.newest !== null) {
        setLowering({ wanted, days: gone.days, newest: gone.newest });
        return;
      }
    }
    await save(wanted);
  };

  useEffect(() => {
    if (lowering) confirmRef.current?.focus();
  }, [lowering]);

  const save = async (wanted: number) => {
    setLowering(null);
    await run(async () => {
      try {
        await api.send({ type: 'set-settings', change: { retentionDays: wanted } });
        setStatus(tn('opt_retentionSaved', wanted));
      } catch (e) {
        setError(t('opt_saveFailed', [errorText(e)]));
      }
    });
    await reload();
  };

  return (
    <form class="setting field" onSubmit={submit} noValidate>
      <label for="retention-days">{t('opt_retentionLabel')}</label>
      <span class="actions">
        <input
          id="retention-days"
          type="number"
          inputMode="numeric"
          min={RETENTION_DAYS_MIN}
          max={RETENTION_DAYS_MAX}
          step={1}
          required
          value={value}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'retention-hint retention-error' : 'retention-hint'}
          onInput={(e) => {
            setValue((e.currentTarget as HTMLInputElement).value);
            setLowering(null);
          }}
        />
        <button type="submit" class="secondary" aria-disabled={busy}>
          {t('opt_save')}
        </button>
      </span>
      <span id="retention-hint" class="muted small">
        {t('opt_retentionHint', [formatCount(RETENTION_DAYS_MIN), formatCount(RETENTION_DAYS_MAX)])}
      </span>
      {invalid ? (
        <p id="retention-error" role="alert" class="error">
          {t('opt_retentionInvalid', [formatCount(RETENTION_DAYS_MIN), formatCount(RETENTION_DAYS_MAX)])}
        </p>
      ) : null}
      {lowering ? (
        <div class="confirm notice">
          <p ref={confirmRef} tabIndex={-1} id="retention-confirm">
            {t('opt_retentionConfirm', [String(lowering.wanted), String(lowering.days), dayText(lowering.newest)])}
          </p>
          <span class="actions">
            <button
              type="button"
              class="danger"
              aria-describedby="retention-confirm"
              onClick={() => void save(lowering.wanted)}
            >
              {t('opt_retentionConfirmButton', [String(lowering.wanted)])}
            </button>
            <button type="button" class="secondary" onClick={() => setLowering(null)}>
              {t('opt_cancel')}
            </button>
          </span>
        </div>
      ) : null}
      <p role="status">{status}</p>
      <ErrorAlert message={error} />
    </form>
  );
}

function ManagedSummary({ managed }: { managed: ManagedRead }) {
  const { disabledFeatures } = effectiveSettings(DEFAULT_SETTINGS, managed.policy);
  const sites = managed.policy.customSites;
  const anything = disabledFeatures.length > 0 || sites.length > 0 || managed.problems.length > 0;
  return (
    <div class="managed">
      <h3 id="managed-heading">{t('opt_managedHeading')}</h3>
      {anything ? null : <p class="muted">{t('opt_managedNone')}</p>}
      {disabledFeatures.length > 0 || sites.length > 0 ? (
        <ul>
          {disabledFeatures.map((feature) => (
            <li key={feature}>{featureText(feature)}</li>
          ))}
          {sites.length > 0 ? (
            <li>{t('opt_managedSites', [formatList(sites.map((s) => `${s.name} (${s.domain})`))])}</li>
          ) : null}
        </ul>
      ) : null}
      {managed.problems.length > 0 ? (
        <details>
          <summary>{tn('opt_managedProblems', managed.problems.length)}</summary>
          <ul>
            {managed.problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** Sync, how long usage is kept, and what an administrator decides. */
export function SettingsSection({ api }: { api: OptionsApi }) {
  const { loaded, reload } = useStored(api, readSettings);
  return (
    <section id="settings" class="opt-section" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('opt_settingsHeading')}</h2>
      <LoadStatus loaded={loaded} />
      {loaded.status === 'ready' ? (
        <>
          <SyncSetting api={api} view={loaded.value} reload={reload} />
          <RetentionSetting api={api} days={loaded.value.settings.retentionDays} reload={reload} />
          <ManagedSummary managed={loaded.value.managed} />
        </>
      ) : null}
    </section>
  );
}
