import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../shared/i18n';
import { toCsv } from '../usage/totals';
import type { SectionProps } from './sectionProps';

/**
 * The counted time as data: how long it is kept, export as CSV, and deletion after a confirmation in the
 * page. The only write (deletion) goes through the worker.
 */

function csvFileName(today: string): string {
  return `reach-or-relate-usage-${today}.csv`;
}

export function UsageDataSection({ data, today, api, empty, setTotals }: SectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [status, setStatus] = useState<'deleted' | 'failed' | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // The confirmation opens with the safe choice focused.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const askToDelete = () => {
    setStatus(null);
    setConfirming(true);
  };
  const cancelDelete = () => {
    setConfirming(false);
    deleteRef.current?.focus();
  };
  const confirmDelete = async () => {
    setDeleting(true);
    try {
      await api.deleteAll();
      setTotals({});
      setStatus('deleted');
      // The buttons go with the data: focus moves to the message that says it is gone.
      statusRef.current?.focus();
    } catch {
      setStatus('failed');
      deleteRef.current?.focus();
    } finally {
      setDeleting(false);
      setConfirming(false);
    }
  };
  const exportCsv = () => api.download(csvFileName(today), toCsv(data.totals), 'text/csv;charset=utf-8');

  const kept = data.retentionDays === null ? null : tn('usage_keptDays', data.retentionDays);
  return (
    <section class="balance__section usage-dash__data" aria-labelledby="balance-data-heading">
      <h2 id="balance-data-heading">{t('balance_dataHeading')}</h2>
      {kept && <p class="muted">{kept}</p>}
      {!empty && (
        <div class="usage-dash__actions">
          <button type="button" class="usage-dash__button" onClick={exportCsv}>
            {t('usage_export')}
          </button>
          <button
            type="button"
            ref={deleteRef}
            class="usage-dash__button usage-dash__button--danger"
            aria-expanded={confirming}
            onClick={askToDelete}
          >
            {t('usage_delete')}
          </button>
        </div>
      )}
      {!empty && confirming && (
        <fieldset
          id="usage-confirm"
          class="usage-dash__confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancelDelete();
          }}
        >
          <legend>{t('usage_confirmText')}</legend>
          <div class="usage-dash__actions">
            <button
              type="button"
              class="usage-dash__button usage-dash__button--danger-solid"
              onClick={() => void confirmDelete()}
              disabled={deleting}
            >
              {t('usage_confirmYes')}
            </button>
            <button type="button" ref={cancelRef} class="usage-dash__button" onClick={cancelDelete}>
              {t('usage_confirmNo')}
            </button>
          </div>
        </fieldset>
      )}
      <p ref={statusRef} tabIndex={-1} class="usage-dash__status" role="status">
        {status === 'deleted' ? t('usage_deleted') : ''}
      </p>
      {status === 'failed' && (
        <p class="usage-dash__status usage-dash__status--error" role="alert">
          {t('usage_deleteFailed')}
        </p>
      )}
    </section>
  );
}
