import { useEffect, useState } from 'preact/hooks';
import type { BalanceStatus } from '../background/balance';
import { t } from '../shared/i18n';
import type { PopupApi } from './api';

/**
 * The site's intention beside its note, above the fold: today's choice, a spent budget in words, and the
 * per-site opt-in (off by default) for the arrival prompt and the nudges.
 */
export function IntentionLine({ domain, api }: { domain: string; api: Pick<PopupApi, 'balance' | 'setIntentionsOn'> }) {
  const [status, setStatus] = useState<BalanceStatus | null>(null);
  useEffect(() => {
    api.balance?.(domain).then(setStatus, () => setStatus(null));
  }, [domain, api]);
  if (!status) return null;
  const toggle = async (on: boolean) => {
    setStatus({ ...status, on });
    await api.setIntentionsOn?.(domain, on);
  };
  return (
    <section class="intention" aria-label={t('optBalanceTitle')}>
      {status.spent.map((line) => (
        <p key={line} class="budget-spent" role="status">
          {line}
        </p>
      ))}
      {status.intention ? <p>{t('popupIntention', [status.intention])}</p> : null}
      <label>
        <input type="checkbox" checked={status.on} onChange={(e) => void toggle(e.currentTarget.checked)} />{' '}
        {t('popupIntentionsOn')}
      </label>
    </section>
  );
}
