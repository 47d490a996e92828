import { formatDuration } from '../shared/format';
import { t } from '../shared/i18n';
import type { CountedLabel } from '../usage/schema';
import { PARTS } from './usageCharts';

/** The dashboard's two tables (per day, per site) share their columns: a name, media, networking, mixed, total. */

function columnName(part: CountedLabel): string {
  if (part === 'media') return t('usage_colMedia');
  if (part === 'networking') return t('usage_colNetworking');
  return t('usage_colMixed');
}

export function PartsHead({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {PARTS.map((part) => (
          <th key={part} scope="col">
            {columnName(part)}
          </th>
        ))}
        <th scope="col">{t('usage_colTotal')}</th>
      </tr>
    </thead>
  );
}

interface RowProps {
  name: string;
  usage: Record<CountedLabel, number>;
  total: number;
  /** The day key, on the day table's rows. */
  day?: string;
}

export function PartsRow({ name, usage, total, day }: RowProps) {
  return (
    <tr data-day={day}>
      <th scope="row">{name}</th>
      {PARTS.map((part) => (
        <td key={part}>{formatDuration(usage[part])}</td>
      ))}
      <td>{formatDuration(total)}</td>
    </tr>
  );
}
