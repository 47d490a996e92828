import { t } from '../shared/i18n';
import { PERIODS, type PeriodDays } from '../usage/periods';
import { periodName } from './periodWords';

/** Today, the last 7 or the last 30 days: radio buttons, so arrow keys move between them. */
export function PeriodChoice({ value, onChange }: { value: PeriodDays; onChange: (days: PeriodDays) => void }) {
  return (
    <fieldset class="balance__period">
      <legend class="visually-hidden">{t('usage_periodLegend')}</legend>
      {PERIODS.map((days) => (
        <label key={days}>
          <input type="radio" name="balance-period" checked={value === days} onChange={() => onChange(days)} />
          <span>{periodName(days)}</span>
        </label>
      ))}
    </fieldset>
  );
}
