import { t } from '../shared/i18n';
import { BALANCE_PAGE } from '../shared/pages';

/** Where the time went has a page of its own (src/balancePage); the settings of intentions and budgets stay here. */
export function BalanceLink() {
  return (
    <section id="usage" class="opt-section" aria-labelledby="usage-link-heading">
      <h2 id="usage-link-heading">{t('usage_heading')}</h2>
      <p>{t('opt_balanceLinkText')}</p>
      <p>
        <a href={`/${BALANCE_PAGE}`}>{t('openBalance')}</a>
      </p>
    </section>
  );
}
