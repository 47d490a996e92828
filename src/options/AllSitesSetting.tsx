import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { Switch } from '../ui/Switch';

const ORIGINS = { origins: ['<all_urls>'] };

/**
 * The opt-in every-site labeling. The optional host permission is the setting itself: asking for it turns
 * labeling on (the worker registers the script when it is granted), giving it back turns it off.
 */
export function AllSitesSetting() {
  const [granted, setGranted] = useState<boolean | null>(null);

  useEffect(() => {
    const refresh = () => void browser.permissions.contains(ORIGINS).then(setGranted);
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  const toggle = async (on: boolean) => {
    // Must run straight from the click: browsers only show the permission prompt for a user gesture.
    if (on) await browser.permissions.request(ORIGINS).catch(() => false);
    else await browser.permissions.remove(ORIGINS).catch(() => false);
    // Read back what the browser holds: a refused prompt leaves the switch off, whatever was clicked.
    setGranted(null);
    setGranted(await browser.permissions.contains(ORIGINS));
  };

  return (
    <section aria-labelledby="all-sites-heading">
      <h2 id="all-sites-heading">{t('allSitesHeading')}</h2>
      <Switch checked={granted === true} disabled={granted === null} onChange={(on) => void toggle(on)}>
        {t('allSitesToggle')}
      </Switch>
      <p class="muted">{t('allSitesExplained')}</p>
    </section>
  );
}
