import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, formatWhen } from '../shared/format';
import { formatCount, t, tn } from '../shared/i18n';
import { NOTE_MAX_LENGTH } from '../storage/limits';
import { noteKey, parseNoteKey } from '../storage/notes';
import type { AreaName, StorageProblem } from '../storage/problems';
import type { Note, Notice } from '../storage/schema';
import { Switch } from '../ui/Switch';
import { ErrorAlert } from './ErrorAlert';
import { LoadStatus } from './LoadStatus';
import type { NotesView, OptionsApi } from './optionsApi';
import { problemText } from './problemText';
import { matchesSearch, SearchBox } from './SearchBox';
import { useStored } from './useStored';
import { useUndo } from './useUndo';
import { areaText, noteName, noticeReason } from './wording';

function noteTitle(note: Note): string {
  return noteName(note.domain, note.path);
}

/** Why each note is kept on this device although sync is on. */
function noticesByKey(notices: readonly Notice[]): Map<string, Notice> {
  const byKey = new Map<string, Notice>();
  for (const notice of notices) for (const key of notice.noteKeys) byKey.set(key, notice);
  return byKey;
}

interface RowProps {
  note: Note;
  area: AreaName | undefined;
  notice: Notice | undefined;
  disabled: boolean;
  api: OptionsApi;
  onDeleted: (note: Note) => void;
  onError: (message: string) => void;
}

function NoteRow({ note, area, notice, disabled, api, onDeleted, onError }: RowProps) {
  const key = noteKey(note.domain, note.path);
  // Neither domain nor path holds white space: the key is a valid id as it is, and unique.
  const id = key;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const refocusEdit = useRef(false);
  const title = noteTitle(note);

  useEffect(() => {
    if (editing) boxRef.current?.focus();
    else if (refocusEdit.current) {
      refocusEdit.current = false;
      editRef.current?.focus();
    }
  }, [editing]);

  // Controls stay enabled while a write is under way (disabling the focused one would drop focus): a second
  // click is ignored instead.
  const save = async (text: string, reminder: boolean) => {
    if (busy) return false;
    setBusy(true);
    setStatus('');
    try {
      await api.send({ type: 'save-note', domain: note.domain, path: note.path, text, reminder });
      setStatus(t('opt_saved'));
      return true;
    } catch (e) {
      onError(t('opt_saveFailed', [errorText(e)]));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const startEdit = () => {
    setDraft(note.text);
    setStatus('');
    setEditing(true);
  };

  const stopEdit = () => {
    refocusEdit.current = true;
    setEditing(false);
  };

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api.send({ type: 'delete-note', domain: note.domain, path: note.path });
      onDeleted(note);
    } catch (e) {
      onError(t('opt_deleteFailed', [errorText(e)]));
      setBusy(false);
    }
  };

  return (
    <li class="item" aria-labelledby={`${id}-title`}>
      <div class="item__head">
        <h3 id={`${id}-title`} class="item__title">
          {title}
        </h3>
        <span class="tag">{note.path === null ? t('opt_noteWholeSite') : t('opt_notePageOnly')}</span>
        <span class="tag">{areaText(area)}</span>
      </div>
      {notice && area === 'local' ? <p class="notice">{t('opt_noteKeptLocal', [noticeReason(notice)])}</p> : null}
      {editing ? (
        <form
          class="item__edit"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await save(draft, note.reminder)) stopEdit();
          }}
        >
          <label for={`${id}-text`} class="visually-hidden">
            {t('opt_noteEditLabel', [title])}
          </label>
          <textarea
            id={`${id}-text`}
            ref={boxRef}
            rows={4}
            maxLength={NOTE_MAX_LENGTH}
            value={draft}
            aria-describedby={`${id}-counter`}
            onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                stopEdit();
              }
            }}
          />
          <div class="item__foot">
            <span id={`${id}-counter`} class="muted">
              {tn('noteCounter', NOTE_MAX_LENGTH, [formatCount(draft.length)])}
            </span>
            <span class="actions">
              <button type="submit" class="primary" aria-disabled={busy}>
                {t('opt_save')}
              </button>
              <button type="button" class="secondary" onClick={stopEdit}>
                {t('opt_cancel')}
              </button>
            </span>
          </div>
        </form>
      ) : (
        <p class="item__text">{note.text === '' ? <span class="muted">{t('opt_noteEmpty')}</span> : note.text}</p>
      )}
      <div class="item__foot">
        <Switch checked={note.reminder} disabled={disabled} busy={busy} onChange={(on) => void save(note.text, on)}>
          {t('opt_noteReminder', [title])}
        </Switch>
        <span class="actions">
          {editing ? null : (
            <button
              type="button"
              class="secondary"
              ref={editRef}
              disabled={disabled}
              aria-label={t('opt_noteEdit', [title])}
              onClick={startEdit}
            >
              {t('opt_edit')}
            </button>
          )}
          <button
            type="button"
            class="danger"
            aria-disabled={busy}
            aria-label={t('opt_noteDelete', [title])}
            onClick={() => void remove()}
          >
            {t('opt_delete')}
          </button>
        </span>
      </div>
      <p class="muted small">
        {t('opt_updatedAt', [formatWhen(note.updatedAt, Date.now())])}
        {status ? <span role="status"> {status}</span> : null}
      </p>
    </li>
  );
}

/** "reddit.com/r/cooking/: Part 2 of 3 has not arrived from sync yet." */
function pendingLine(problem: StorageProblem): string {
  const parsed = parseNoteKey(problem.key);
  const why = problemText(problem.reason);
  return parsed ? t('opt_problemNote', [noteName(parsed.domain, parsed.path), why]) : why;
}

async function readNotes(api: OptionsApi): Promise<NotesView & { notesDisabled: boolean }> {
  const [view, managed] = await Promise.all([api.listNotes(), api.readManaged()]);
  return { ...view, notesDisabled: managed.policy.disableNotes };
}

/** Every note, site and page notes, from this device and from sync: searchable, editable, deletable. */
export function NotesSection({ api }: { api: OptionsApi }) {
  const { loaded, reload } = useStored(api, readNotes);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const undo = useUndo(headingRef);
  const ready = loaded.status === 'ready' ? loaded.value : null;

  const onDeleted = (note: Note) => {
    void reload();
    // With notes turned off by the administrator a note cannot be written again, so there is no undo.
    if (ready?.notesDisabled) return;
    undo.offer(t('opt_noteDeleted', [noteTitle(note)]), async () => {
      await api.send({
        type: 'save-note',
        domain: note.domain,
        path: note.path,
        text: note.text,
        reminder: note.reminder,
      });
      await reload();
    });
  };
  const onError = (message: string) => {
    setError(message);
    void reload();
  };

  // A note that cannot be read yet (a long one whose sync parts are still arriving) is listed, not hidden.
  const pending = ready ? ready.problems.filter((problem) => problem.backupKey === null) : [];
  const shown = ready ? ready.notes.filter((n) => matchesSearch(query, n.domain, n.path, n.text)) : [];
  const byKey = noticesByKey(ready?.notices ?? []);
  const keptLocal = ready
    ? ready.notes.filter(
        (n) => ready.areas[noteKey(n.domain, n.path)] === 'local' && byKey.has(noteKey(n.domain, n.path)),
      ).length
    : 0;

  return (
    <section id="notes" class="opt-section" aria-labelledby="notes-heading">
      <h2 id="notes-heading" ref={headingRef} tabIndex={-1}>
        {t('opt_notesHeading')}
      </h2>
      <LoadStatus loaded={loaded} />
      {ready?.notesDisabled ? <p class="notice">{t('opt_notesManaged')}</p> : null}
      {keptLocal > 0 ? <p class="notice">{tn('opt_notesKeptLocal', keptLocal)}</p> : null}
      {pending.length > 0 ? (
        <div class="notice">
          <h3 id="notes-pending-heading">{t('opt_problemsNotesHeading')}</h3>
          <ul aria-labelledby="notes-pending-heading">
            {pending.map((problem) => (
              <li key={`${problem.area}:${problem.key}`}>{pendingLine(problem)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {ready && ready.notes.length === 0 && pending.length === 0 ? <p class="muted">{t('opt_notesEmpty')}</p> : null}
      {ready && ready.notes.length > 0 ? (
        <>
          <SearchBox
            id="notes"
            label={t('opt_notesSearch')}
            query={query}
            onQuery={setQuery}
            shown={shown.length}
            total={ready.notes.length}
          />
          <ul class="items" aria-labelledby="notes-heading">
            {shown.map((note) => {
              const key = noteKey(note.domain, note.path);
              return (
                <NoteRow
                  key={key}
                  note={note}
                  area={ready.areas[key]}
                  notice={byKey.get(key)}
                  disabled={ready.notesDisabled}
                  api={api}
                  onDeleted={onDeleted}
                  onError={onError}
                />
              );
            })}
          </ul>
          {shown.length === 0 ? <p class="muted">{t('opt_noMatch')}</p> : null}
        </>
      ) : null}
      <ErrorAlert message={error} />
      {undo.view}
    </section>
  );
}
