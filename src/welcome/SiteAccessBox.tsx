import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { WelcomeApi } from './welcomeApi';

/**
 * `checking` until the browser answers; `ok` draws nothing. The box shows only when access is actually
 * missing (`missing`, `refused`), and stays after a grant to say so (`granted`).
 */
type Access = 'checking' | 'ok' | 'missing' | 'refused' | 'granted';

/** The offer to ask for site access again, when the browser has not given the extension its social sites. */
export function SiteAccessBox({ api }: { api: WelcomeApi }) {
  const [access, setAccess] = useState<Access>('checking');
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let live = true;
    const check = () =>
      void api
        .missingSiteAccess()
        .then((missing) => {
          if (!live) return;
          setAccess((before) => {
            if (missing.length > 0) return before === 'refused' ? before : 'missing';
            return before === 'missing' || before === 'refused' || before === 'granted' ? 'granted' : 'ok';
          });
        })
        // An answer that cannot be had is no reason to alarm anyone: nothing shows.
        .catch(() => live && setAccess('ok'));
    check();
    // Granted from Firefox's own menu while the welcome is open: the box says so at once.
    const stop = api.onPermissionsChange(check);
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  useEffect(() => {
    // The button that had focus is gone: focus goes to the words that replaced it.
    if (access === 'granted') statusRef.current?.focus();
  }, [access]);

  if (access === 'checking' || access === 'ok') return null;

  const ask = () => {
    // Straight from the click, before any await (see WelcomeApi.requestSiteAccess).
    void api
      .requestSiteAccess()
      .catch(() => false)
      .then((granted) => setAccess(granted ? 'granted' : 'refused'));
  };

  return (
    <section class="access" aria-labelledby="access-heading" data-testid="site-access">
      <h2 id="access-heading">{t('welcome_accessHeading')}</h2>
      {access === 'granted' ? (
        <p role="status" tabIndex={-1} ref={statusRef} data-testid="site-access-status">
          {t('welcome_accessGranted')}
        </p>
      ) : (
        <>
          <p>{t('welcome_accessMissing')}</p>
          {access === 'refused' && (
            <p role="status" data-testid="site-access-status">
              {t('welcome_accessRefused')}
            </p>
          )}
          <button type="button" class="primary" onClick={ask} data-testid="site-access-ask">
            {t('welcome_accessButton')}
          </button>
        </>
      )}
    </section>
  );
}
