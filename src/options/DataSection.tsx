import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, formatTime } from '../shared/format';
import { formatCount, t, tn } from '../shared/i18n';
import { MessageRefused } from '../shared/send';
import type { BackupEntry } from '../storage/backups';
import { MAX_IMPORT_CHARS } from '../storage/limits';
import { parseNoteKey } from '../storage/notes';
import type { Notice } from '../storage/schema';
import { exportFileName, exportJson, type ImportPlan, isEmptyPlan, parseImport } from '../storage/transfer';
import { ErrorAlert } from './ErrorAlert';
import { PlanView } from './ImportPlanView';
import { LoadStatus } from './LoadStatus';
import type { OptionsApi } from './optionsApi';
import { problemText } from './problemText';
import { refusalText } from './refusalText';
import { useBusy } from './useBusy';
import { useStored } from './useStored';
import { areaText, noteName, noticeReason } from './wording';

/** A stored value is shown as JSON text, cut off past this: a backup can be as large as the storage area. */
const MAX_SHOWN_JSON = 20_000;

type ImportState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'rejected'; message: string }
  | { step: 'plan'; text: string; plan: ImportPlan; fileName: string }
  | { step: 'applying'; text: string; plan: ImportPlan; fileName: string }
  | { step: 'done'; message: string; kept: number }
  | { step: 'failed'; message: string };

function ImportArea({ api }: { api: OptionsApi }) {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const fileRef = useRef<HTMLInputElement>(null);
  const planRef = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const showingPlan = state.step === 'plan';
  const done = state.step === 'done';

  // A plan can be long: the user is taken to its heading rather than having it all read out.
  useEffect(() => {
    if (showingPlan) planRef.current?.focus();
  }, [showingPlan]);
  // The Apply button goes away with the plan: focus moves to what happened instead of to the page's start.
  useEffect(() => {
    if (done) outcomeRef.current?.focus();
  }, [done]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'reading' });
    try {
      // Bytes are at least characters: a file this large cannot pass parseImport's own limit.
      if (file.size > MAX_IMPORT_CHARS * 4) {
        setState({ step: 'rejected', message: t('opt_importTooLarge') });
        return;
      }
      const text = await file.text();
      const [current, managed] = await Promise.all([api.readCurrent(), api.readManaged()]);
      const result = parseImport(text, current, { policy: managed.policy });
      if (!result.ok) setState({ step: 'rejected', message: refusalText(result.refusal) });
      else setState({ step: 'plan', text, plan: result.plan, fileName: file.name });
    } catch (e) {
      setState({ step: 'failed', message: t('opt_importReadFailed', [errorText(e)]) });
    }
  };

  const reset = () => {
    setState({ step: 'idle' });
    if (fileRef.current) {
      fileRef.current.value = '';
      fileRef.current.focus();
    }
  };

  /**
   * The worker reads the file again and refuses it when the data changed since the plan (another tab added
   * custom sites, say): the same check here, on the data as it is now, gives that refusal's code to word.
   */
  const applyFailure = async (e: unknown, text: string): Promise<string> => {
    if (e instanceof MessageRefused) {
      const [current, managed] = await Promise.all([api.readCurrent(), api.readManaged()]).catch(() => [null, null]);
      const again = current && managed ? parseImport(text, current, { policy: managed.policy }) : null;
      if (again && !again.ok) return t('opt_importRejected', [refusalText(again.refusal)]);
    }
    return t('opt_importFailed', [errorText(e)]);
  };

  const apply = async (text: string, plan: ImportPlan, fileName: string) => {
    if (state.step === 'applying') return;
    setState({ step: 'applying', text, plan, fileName });
    try {
      const applied = await api.send({ type: 'apply-import', text });
      const kept = applied.notice ? applied.notes.local.length : 0;
      setState({
        step: 'done',
        message: t('opt_importDone', [formatCount(plan.adds), formatCount(plan.replaces)]),
        kept,
      });
    } catch (e) {
      setState({ step: 'failed', message: await applyFailure(e, text) });
    }
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <div class="import">
      <h3 id="import-heading">{t('opt_importHeading')}</h3>
      <p class="muted" id="import-explained">
        {t('opt_importExplained')}
      </p>
      <div class="field">
        <label for="import-file">{t('opt_importChoose')}</label>
        <input
          id="import-file"
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          aria-describedby="import-explained"
          onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>
      <div>
        {state.step === 'plan' || state.step === 'applying' ? (
          <div>
            <h4 ref={planRef} tabIndex={-1}>
              {t('opt_planHeading', [state.fileName])}
            </h4>
            {isEmptyPlan(state.plan) ? (
              <p>{t('opt_planNothing')}</p>
            ) : (
              <>
                <PlanView plan={state.plan} />
                <span class="actions">
                  <button
                    type="button"
                    class="primary"
                    aria-disabled={state.step === 'applying'}
                    onClick={() => void apply(state.text, state.plan, state.fileName)}
                  >
                    {t('opt_importApply')}
                  </button>
                  <button type="button" class="secondary" onClick={reset}>
                    {t('opt_cancel')}
                  </button>
                </span>
              </>
            )}
          </div>
        ) : null}
      </div>
      <div role="status" ref={outcomeRef} tabIndex={-1} class="outcome">
        {state.step === 'reading' ? <p class="muted">{t('opt_importReading')}</p> : null}
        {state.step === 'done' ? <p>{state.message}</p> : null}
        {state.step === 'done' && state.kept > 0 ? <p class="notice">{tn('opt_importKeptLocal', state.kept)}</p> : null}
      </div>
      {state.step === 'rejected' ? (
        <p role="alert" class="error">
          {t('opt_importRejected', [state.message])}
        </p>
      ) : null}
      {state.step === 'failed' ? (
        <p role="alert" class="error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function ExportArea({ api }: { api: OptionsApi }) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, runOnce] = useBusy();
  const [usage, setUsage] = useState(false);
  const run = () =>
    runOnce(async () => {
      setStatus('');
      setError(null);
      try {
        const file = await api.exportData({ usage });
        const name = exportFileName(api.now());
        api.download(name, exportJson(file));
        setStatus(t('opt_exported', [name]));
      } catch (e) {
        setError(t('opt_exportFailed', [errorText(e)]));
      }
    });
  return (
    <div class="export">
      <h3>{t('opt_exportHeading')}</h3>
      <p class="muted">{t('opt_exportExplained')}</p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={usage}
            onChange={(e) => setUsage((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          <span>{t('opt_exportUsage')}</span>
        </label>
      </p>
      <button type="button" class="primary" aria-disabled={busy} onClick={() => void run()}>
        {t('opt_exportButton')}
      </button>
      <p role="status">{status}</p>
      <ErrorAlert message={error} />
    </div>
  );
}

function shownJson(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    json = String(value);
  }
  return json.length > MAX_SHOWN_JSON ? `${json.slice(0, MAX_SHOWN_JSON)}\n…` : json;
}

function noteKeyName(key: string): string {
  const parsed = parseNoteKey(key);
  return parsed ? noteName(parsed.domain, parsed.path) : key;
}

interface Problems {
  backups: BackupEntry[];
  notices: Notice[];
}

async function readProblems(api: OptionsApi): Promise<Problems> {
  const [backups, notices] = await Promise.all([api.listBackups(), api.listNotices()]);
  return { backups, notices };
}

function ProblemsArea({ api }: { api: OptionsApi }) {
  const { loaded, reload } = useStored(api, readProblems);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  const remove = async (entry: BackupEntry) => {
    setError(null);
    try {
      await api.send({ type: 'delete-backup', key: entry.backupKey });
      setStatus(t('opt_backupDeleted', [entry.key]));
    } catch (e) {
      setError(t('opt_deleteFailed', [errorText(e)]));
    }
    await reload();
    headingRef.current?.focus();
  };

  const view = loaded.status === 'ready' ? loaded.value : null;
  // Data of a newer version is not damaged: it is kept so that nothing of it is lost, and the page says so.
  const newer = view?.backups.find((entry) => entry.reason.code === 'newerVersion')?.reason.params[0] ?? null;
  return (
    <div class="problems">
      <h3 id="backups-heading" ref={headingRef} tabIndex={-1}>
        {t('opt_backupsHeading')}
      </h3>
      <p class="muted">{t('opt_backupsExplained')}</p>
      {newer ? <p class="notice">{t('opt_newerVersionKept', [newer])}</p> : null}
      <LoadStatus loaded={loaded} />
      {view && view.notices.length > 0 ? (
        <ul class="items" aria-label={t('opt_noticesLabel')}>
          {view.notices.map((notice) => (
            <li key={`${notice.at}-${notice.kind}`} class="item notice">
              <p>{t('opt_noticeItem', [formatTime(notice.at), noticeReason(notice)])}</p>
              <ul>
                {notice.noteKeys.map((key) => (
                  <li key={key}>{noteKeyName(key)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      {view && view.backups.length === 0 ? <p class="muted">{t('opt_backupsEmpty')}</p> : null}
      {view && view.backups.length > 0 ? (
        <ul class="items" aria-labelledby="backups-heading">
          {view.backups.map((entry) => (
            <li key={entry.backupKey} class="item">
              <div class="item__head">
                <h4 class="item__title">
                  <code>{entry.key}</code>
                </h4>
                <span class="tag">{areaText(entry.area)}</span>
                <span class="muted">{formatTime(entry.at)}</span>
              </div>
              <p>{problemText(entry.reason)}</p>
              <details>
                <summary>{t('opt_backupShow')}</summary>
                <pre class="json">{shownJson(entry.value)}</pre>
              </details>
              <div class="item__foot">
                <span />
                <button
                  type="button"
                  class="danger"
                  aria-label={t('opt_backupDelete', [entry.key, formatTime(entry.at)])}
                  onClick={() => void remove(entry)}
                >
                  {t('opt_delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status">{status}</p>
      <ErrorAlert message={error} />
    </div>
  );
}

/** Export, import with a plan shown first, and the stored values that failed validation. */
export function DataSection({ api }: { api: OptionsApi }) {
  return (
    <section id="data" class="opt-section" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('opt_dataHeading')}</h2>
      <ExportArea api={api} />
      <ImportArea api={api} />
      <ProblemsArea api={api} />
    </section>
  );
}
