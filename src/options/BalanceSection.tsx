import { useEffect, useState } from 'preact/hooks';
import { type Budgets, DEFAULT_BUDGETS } from '../balance/schema';
import { t } from '../shared/i18n';
import type { OptionsApi } from './optionsApi';

/**
 * Daily budgets by mode and the optional "pause the feed" cover, all off by default (an empty field is no
 * budget). The worker stores them (set-budgets); intentions themselves are turned on per site in the popup.
 * Per-site media budgets are kept by the worker's schema but have no field here yet.
 */
export function BalanceSection({ api, load }: { api: Pick<OptionsApi, 'send'>; load: () => Promise<Budgets> }) {
  const [budgets, setBudgets] = useState<Budgets | null>(null);
  useEffect(() => {
    load().then(setBudgets, () => setBudgets(DEFAULT_BUDGETS));
  }, [load]);
  if (!budgets) return null;
  const save = (change: Partial<Budgets>) => {
    const next = { ...budgets, ...change };
    setBudgets(next);
    void api.send({ type: 'set-budgets', budgets: next }).catch(() => undefined);
  };
  const minutes = (value: string): number | null => {
    const n = Number.parseInt(value, 10);
    return Number.isFinite(n) && n >= 1 && n <= 1440 ? n : null;
  };
  return (
    <section id="balance" class="opt-section" aria-labelledby="balance-heading">
      <h2 id="balance-heading">{t('optBalanceTitle')}</h2>
      <p>{t('optBalanceHint')}</p>
      <label>
        {t('optBudgetMedia')}{' '}
        <input
          type="number"
          min={1}
          max={1440}
          value={budgets.media ?? ''}
          onChange={(e) => save({ media: minutes(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t('optBudgetNetworking')}{' '}
        <input
          type="number"
          min={1}
          max={1440}
          value={budgets.networking ?? ''}
          onChange={(e) => save({ networking: minutes(e.currentTarget.value) })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={budgets.pauseFeed}
          onChange={(e) => save({ pauseFeed: e.currentTarget.checked })}
        />{' '}
        {t('optPauseFeed')}
      </label>
    </section>
  );
}
