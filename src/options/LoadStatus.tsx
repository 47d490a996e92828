import { t } from '../shared/i18n';
import type { Loaded } from './useStored';

/** What a section shows while its stored value loads, or when reading it failed; nothing once it is there. */
export function LoadStatus({ loaded }: { loaded: Loaded<unknown> }) {
  if (loaded.status === 'loading') return <p class="muted">{t('opt_loading')}</p>;
  if (loaded.status === 'error') {
    return (
      <p role="alert" class="error">
        {t('opt_loadFailed', [loaded.message])}
      </p>
    );
  }
  return null;
}
