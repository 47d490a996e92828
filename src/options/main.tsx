import { render } from 'preact';
import browser from 'webextension-polyfill';
import { readBudgets } from '../balance/runner';
import { applyDocumentLocale } from '../shared/documentLocale';
import { t } from '../shared/i18n';
import { customSiteOrigins } from '../shared/origins';
import type { StorageAreaLike } from '../storage/keys';
import { AllSitesSetting } from './AllSitesSetting';
import { BalanceLink } from './BalanceLink';
import { BalanceSection } from './BalanceSection';
import { CustomSitesSection } from './CustomSitesSection';
import { DataSection } from './DataSection';
import { NotesSection } from './NotesSection';
import { createBrowserOptionsApi, type OptionsApi } from './optionsApi';
import { SettingsSection } from './SettingsSection';
import { SitesSection } from './SitesSection';

/**
 * The options page: one section per concern, each in its own file. Sections read storage directly and send
 * every write to the worker (src/shared/messages.ts), which checks that it comes from an extension page.
 */
function Options({ api }: { api: OptionsApi }) {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <nav aria-label={t('opt_navLabel')} class="toc">
        <ul>
          <li>
            <a href="#notes">{t('opt_notesHeading')}</a>
          </li>
          <li>
            <a href="#sites">{t('opt_sitesHeading')}</a>
          </li>
          <li>
            <a href="#custom-sites">{t('opt_customHeading')}</a>
          </li>
          <li>
            <a href="#all-sites-heading">{t('allSitesHeading')}</a>
          </li>
          <li>
            <a href="#usage">{t('usage_heading')}</a>
          </li>
          <li>
            <a href="#settings">{t('opt_settingsHeading')}</a>
          </li>
          <li>
            <a href="#data">{t('opt_dataHeading')}</a>
          </li>
        </ul>
      </nav>
      <NotesSection api={api} />
      <SitesSection api={api} />
      <CustomSitesSection api={api} />
      <AllSitesSetting />
      <BalanceLink />
      <BalanceSection api={api} load={loadBudgets} />
      <SettingsSection api={api} />
      <DataSection api={api} />
    </main>
  );
}

/** Budgets are read straight from storage, like every section's data; writes go through the worker. */
const loadBudgets = () => readBudgets(browser.storage.local as unknown as StorageAreaLike);

applyDocumentLocale();
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options api={createBrowserOptionsApi(browser, customSiteOrigins)} />, root);
