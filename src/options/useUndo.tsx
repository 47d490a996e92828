import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../shared/format';
import { t } from '../shared/i18n';
import { ErrorAlert } from './ErrorAlert';

/** How long a deleted item can be brought back. */
export const UNDO_MS = 10_000;

/** Shared by every list on the page, so that the ids of undo messages never repeat. */
let undoIds = 0;

interface UndoEntry {
  id: number;
  message: string;
  undo: () => Promise<void>;
}

/**
 * Undo for deletions, shared by the lists of this page: the deletion is made at once and can be taken back
 * for UNDO_MS. `expire` runs when the chance has passed (not when the page closes first).
 */
export function useUndo(fallbackFocus: RefObject<HTMLElement | null>) {
  const [entries, setEntries] = useState<UndoEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const listRef = useRef<HTMLDivElement>(null);
  const focusNewest = useRef(false);

  useEffect(() => {
    const map = timers.current;
    return () => {
      for (const timer of map.values()) clearTimeout(timer);
      map.clear();
    };
  }, []);

  useEffect(() => {
    if (!focusNewest.current) return;
    focusNewest.current = false;
    const buttons = listRef.current?.querySelectorAll('button');
    buttons?.[buttons.length - 1]?.focus();
  }, [entries]);

  const remove = (id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    // Focus must not fall to the page's start when the focused button goes away.
    const focusedInside = listRef.current?.contains(document.activeElement) ?? false;
    setEntries((list) => list.filter((entry) => entry.id !== id));
    if (focusedInside) fallbackFocus.current?.focus();
  };

  const offer = (message: string, undo: () => Promise<void>, expire?: () => void) => {
    const id = ++undoIds;
    setError(null);
    focusNewest.current = true;
    setEntries((list) => [...list, { id, message, undo }]);
    timers.current.set(
      id,
      setTimeout(() => {
        remove(id);
        expire?.();
      }, UNDO_MS),
    );
  };

  const run = async (entry: UndoEntry) => {
    remove(entry.id);
    try {
      await entry.undo();
    } catch (e) {
      setError(t('opt_undoFailed', [errorText(e)]));
    }
  };

  const view = (
    <div class="undo" ref={listRef}>
      <div role="status" aria-live="polite">
        {entries.map((entry) => (
          <p key={entry.id} class="undo__entry">
            <span id={`undo-${entry.id}`}>{entry.message}</span>
            <button type="button" class="secondary" aria-describedby={`undo-${entry.id}`} onClick={() => run(entry)}>
              {t('opt_undo')}
            </button>
          </p>
        ))}
      </div>
      <ErrorAlert message={error} />
    </div>
  );
  return { offer, view };
}
