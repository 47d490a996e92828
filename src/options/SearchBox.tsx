import { formatCount, t } from '../shared/i18n';

/** Case-insensitive match of every word of a search against some text. */
export function matchesSearch(query: string, ...fields: Array<string | null | undefined>): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields
    .filter((f): f is string => typeof f === 'string')
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

interface Props {
  /** Prefix of the field's ids (`<id>-search`, `<id>-count`), unique on the page. */
  id: string;
  label: string;
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  total: number;
}

/** A list's search field, with how many of its items the search shows, announced as it changes. */
export function SearchBox({ id, label, query, onQuery, shown, total }: Props) {
  return (
    <div class="search">
      <label for={`${id}-search`}>{label}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        aria-describedby={`${id}-count`}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <span id={`${id}-count`} class="muted" role="status">
        {t('opt_shownCount', [formatCount(shown), formatCount(total)])}
      </span>
    </div>
  );
}
