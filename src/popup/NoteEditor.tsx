import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../shared/format';
import { formatCount, t, tn } from '../shared/i18n';
import { NOTE_MAX_LENGTH } from '../storage/limits';
import type { Note } from '../storage/schema';
import { Switch } from '../ui/Switch';
import type { NoteDraft } from './api';

/** Long enough not to write on every key (sync allows 120 writes a minute), short enough to feel instant. */
const AUTOSAVE_DELAY_MS = 700;

type Status = 'idle' | 'saving' | 'saved' | { error: string };

interface Props {
  domain: string;
  /** The page's path, for a note about this page only. */
  path: string | null;
  load: (domain: string, path: string | null) => Promise<Note | null>;
  save: (draft: NoteDraft) => Promise<void>;
  onSaved?: (draft: NoteDraft) => void;
}

/**
 * The site's note, saved as the user types. A pending save is sent at once when the popup closes (the
 * worker finishes it even after the popup is gone), so closing mid-sentence loses nothing.
 */
export function NoteEditor({ domain, path, load, save, onSaved }: Props) {
  const [scope, setScope] = useState<'site' | 'page'>('site');
  const [text, setText] = useState('');
  const [reminder, setReminder] = useState(false);
  const [status, setStatus] = useState<Status>('idle');
  const pending = useRef<NoteDraft | null>(null);
  const edited = useRef(false);
  // Until the stored note is in, editing would save over it with an empty text.
  const [loaded, setLoaded] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const notePath = scope === 'page' ? path : null;

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    pending.current = null;
    if (!draft) return;
    setStatus('saving');
    save(draft).then(
      () => {
        setStatus('saved');
        onSaved?.(draft);
      },
      (error: unknown) => setStatus({ error: errorText(error) }),
    );
  };

  const schedule = (draft: NoteDraft) => {
    edited.current = true;
    pending.current = draft;
    setStatus('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
  };

  // Load the note of the chosen scope. A draft carries its own scope, so one pending for the other scope is
  // simply sent; and what the user typed before the stored note arrived is never overwritten by it.
  useEffect(() => {
    let current = true;
    if (pending.current && pending.current.path !== notePath) flush();
    edited.current = false;
    setLoaded(false);
    load(domain, notePath).then(
      (note) => {
        if (!current) return;
        if (!edited.current) {
          setText(note?.text ?? '');
          setReminder(note?.reminder ?? false);
          setStatus('idle');
        }
        setLoaded(true);
      },
      () => current && setLoaded(true),
    );
    return () => {
      current = false;
    };
  }, [domain, notePath]);

  useEffect(() => {
    const leave = () => flush();
    addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', leave);
    return () => {
      removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', leave);
      leave();
    };
  }, []);

  const statusText =
    status === 'saving'
      ? t('noteSaving')
      : status === 'saved'
        ? t('noteSaved')
        : typeof status === 'object'
          ? t('noteSaveFailed', [status.error])
          : '';

  return (
    <div class="note" data-testid="note-editor">
      <div class="note__head">
        <label for="note-text" class="note__label">
          {t('noteHeading')}
        </label>
        {path ? (
          <fieldset class="note__scope">
            <legend class="visually-hidden">{t('noteScopeLegend')}</legend>
            {(['site', 'page'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="note-scope"
                  value={value}
                  checked={scope === value}
                  onChange={() => setScope(value)}
                />
                <span>{value === 'site' ? t('noteScopeSite') : t('noteScopePage')}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      <textarea
        id="note-text"
        rows={3}
        maxLength={NOTE_MAX_LENGTH}
        placeholder={t('noteHint')}
        value={text}
        readOnly={!loaded}
        aria-describedby="note-counter note-status"
        onInput={(e) => {
          const next = (e.currentTarget as HTMLTextAreaElement).value;
          setText(next);
          schedule({ domain, path: notePath, text: next, reminder });
        }}
      />
      <div class="note__foot">
        <span id="note-counter" class="muted">
          {tn('noteCounter', NOTE_MAX_LENGTH, [formatCount(text.length)])}
        </span>
        <span id="note-status" class="muted" role="status">
          {statusText}
        </span>
      </div>
      <Switch
        checked={reminder}
        disabled={!loaded}
        onChange={(next) => {
          setReminder(next);
          schedule({ domain, path: notePath, text, reminder: next });
          flush();
        }}
      >
        {t('noteReminder')}
      </Switch>
    </div>
  );
}
