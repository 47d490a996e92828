import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { reasonText } from './strings';

/** Why a check gave no verdict: the browser refused the extension the tab, or the page never reported. */
export type CheckFailure = 'refused' | 'timeout' | null;

interface Props {
  state: TabState | null;
  failed: CheckFailure;
  /** A check ran in this popup and found no social site or community: say so, and offer it again. */
  checked: boolean;
  canCheck: boolean;
  onCheck: () => void;
}

export function NotSocial({ state, failed, checked, canCheck, onCheck }: Props) {
  const reasons = state ? state.verdict.reasons.map((r) => reasonText(r, state.verdict)).filter(Boolean) : [];
  return (
    <section class="verdict verdict--none" aria-labelledby="headline">
      <div class="chip chip--none" aria-hidden="true">
        –
      </div>
      <h1 id="headline" data-testid="headline">
        {t('headline_none')}
      </h1>
      <p>{t('noneExplained')}</p>
      {reasons.length > 0 ? (
        <ul class="reasons">
          {reasons.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {checked && state && !failed ? (
        <p class="checked" role="status" data-testid="check-result">
          {t('checkedNothing')}
        </p>
      ) : null}
      {failed ? (
        <p class="notice" role="alert">
          {failed === 'timeout' ? t('checkTimedOut') : t('checkFailed')}
        </p>
      ) : null}
      {canCheck ? (
        <button type="button" class="primary" onClick={onCheck}>
          {t(checked && state && !failed ? 'checkAgain' : 'checkThisPage')}
        </button>
      ) : null}
    </section>
  );
}
