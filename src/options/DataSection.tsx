import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { MessageRefused } from '../shared/send';
import { type Notice, parseNoteKey } from '../storage/notes';
import type { CustomSite, Note, ResolvedSitePrefs } from '../storage/schema';
import type { BackupEntry } from '../storage/store';
import {
  exportFileName,
  exportJson,
  type ImportPlan,
  isEmptyPlan,
  MAX_IMPORT_CHARS,
  type PlanEntry,
  parseImport,
} from '../storage/transfer';
import { leanText } from './CustomSitesSection';
import { ErrorAlert } from './ErrorAlert';
import { noticeReason } from './NotesSection';
import { errorText, formatTime, type OptionsApi, useStored } from './optionsApi';

/** A stored value is shown as JSON text, cut off past this: a backup can be as large as the storage area. */
const MAX_SHOWN_JSON = 20_000;
const PREVIEW_CHARS = 80;
/** Groups of a plan longer than this start folded. */
const OPEN_GROUP_MAX = 20;

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line;
}

function actionText(action: 'add' | 'replace'): string {
  return action === 'add' ? t('opt_planAdd') : t('opt_planReplace');
}

function noteLine(entry: PlanEntry<Note>): string {
  const { domain, path, text } = entry.incoming;
  return t('opt_planNote', [path === null ? domain : `${domain}${path}`, preview(text)]);
}

function siteLine(entry: PlanEntry<ResolvedSitePrefs>): string {
  const prefs = entry.incoming;
  const labeling = prefs.labeling ? t('opt_planLabelingOn') : t('opt_planLabelingOff');
  const label =
    prefs.override === 'media'
      ? t('override_media')
      : prefs.override === 'networking'
        ? t('override_networking')
        : t('override_auto');
  return t('opt_planSite', [entry.key, labeling, label]);
}

function customSiteLine(entry: PlanEntry<CustomSite>): string {
  return t('opt_planCustomSite', [entry.incoming.name, entry.key, leanText(entry.incoming.lean)]);
}

function PlanGroup<T>({
  id,
  title,
  entries,
  line,
}: {
  id: string;
  title: string;
  entries: PlanEntry<T>[];
  line: (entry: PlanEntry<T>) => string;
}) {
  if (entries.length === 0) return null;
  const adds = entries.filter((e) => e.action === 'add').length;
  return (
    <details class="plan__group" open={entries.length <= OPEN_GROUP_MAX}>
      <summary id={id}>{t('opt_planGroup', [title, String(adds), String(entries.length - adds)])}</summary>
      <ul aria-labelledby={id}>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span class={`tag tag--${entry.action}`}>{actionText(entry.action)}</span> {line(entry)}
          </li>
        ))}
      </ul>
    </details>
  );
}

function PlanView({ plan }: { plan: ImportPlan }) {
  return (
    <div class="plan">
      <p>
        <strong>{t('opt_planSummary', [String(plan.adds), String(plan.replaces)])}</strong>
      </p>
      {plan.exportedAt !== null ? <p class="muted">{t('opt_planExportedAt', [formatTime(plan.exportedAt)])}</p> : null}
      {plan.unchanged.notes + plan.unchanged.sites + plan.unchanged.customSites > 0 ? (
        <p class="muted">
          {t('opt_planUnchanged', [String(plan.unchanged.notes + plan.unchanged.sites + plan.unchanged.customSites)])}
        </p>
      ) : null}
      {plan.skippedNotes > 0 ? <p class="notice">{t('opt_planSkippedNotes', [String(plan.skippedNotes)])}</p> : null}
      <PlanGroup id="plan-notes" title={t('opt_planNotes')} entries={plan.notes} line={noteLine} />
      <PlanGroup id="plan-sites" title={t('opt_planSites')} entries={plan.sites} line={siteLine} />
      <PlanGroup id="plan-custom" title={t('opt_planCustomSites')} entries={plan.customSites} line={customSiteLine} />
      {plan.settings.length > 0 ? (
        <ul>
          {plan.settings.map((change) => (
            <li key={change.field}>
              <span class="tag tag--replace">{actionText('replace')}</span>{' '}
              {t('opt_planRetention', [String(change.incoming), String(change.current)])}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

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
      if (!result.ok) setState({ step: 'rejected', message: result.message });
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

  const apply = async (text: string, plan: ImportPlan, fileName: string) => {
    if (state.step === 'applying') return;
    setState({ step: 'applying', text, plan, fileName });
    try {
      const applied = await api.send({ type: 'apply-import', text });
      const kept = applied.notice ? applied.notes.local.length : 0;
      setState({ step: 'done', message: t('opt_importDone', [String(plan.adds), String(plan.replaces)]), kept });
    } catch (e) {
      // The worker read the file again: its reason (a changed file, a limit) is the sentence to show.
      setState({
        step: 'failed',
        message: e instanceof MessageRefused ? e.message : t('opt_importFailed', [errorText(e)]),
      });
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
        {state.step === 'done' && state.kept > 0 ? (
          <p class="notice">{t('opt_importKeptLocal', [String(state.kept)])}</p>
        ) : null}
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
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setStatus('');
    setError(null);
    try {
      const file = await api.exportData();
      const name = exportFileName(api.now());
      api.download(name, exportJson(file));
      setStatus(t('opt_exported', [name]));
    } catch (e) {
      setError(t('opt_exportFailed', [errorText(e)]));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export">
      <h3>{t('opt_exportHeading')}</h3>
      <p class="muted">{t('opt_exportExplained')}</p>
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

function areaText(area: 'local' | 'sync'): string {
  return area === 'sync' ? t('opt_storedSync') : t('opt_storedLocal');
}

function noteName(key: string): string {
  const parsed = parseNoteKey(key);
  if (!parsed) return key;
  return parsed.path === null ? parsed.domain : `${parsed.domain}${parsed.path}`;
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
  return (
    <div class="problems">
      <h3 id="backups-heading" ref={headingRef} tabIndex={-1}>
        {t('opt_backupsHeading')}
      </h3>
      <p class="muted">{t('opt_backupsExplained')}</p>
      {loaded.status === 'error' ? (
        <p role="alert" class="error">
          {t('opt_loadFailed', [loaded.message])}
        </p>
      ) : null}
      {view && view.notices.length > 0 ? (
        <ul class="items" aria-label={t('opt_noticesLabel')}>
          {view.notices.map((notice) => (
            <li key={`${notice.at}-${notice.kind}`} class="item notice">
              <p>{t('opt_noticeItem', [formatTime(notice.at), noticeReason(notice)])}</p>
              <ul>
                {notice.noteKeys.map((key) => (
                  <li key={key}>{noteName(key)}</li>
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
