import { render } from 'preact';
import { t } from '../shared/i18n';
import { AllSitesSetting } from './AllSitesSetting';

/**
 * The options page: one section per concern, each in its own file. Sections read storage directly and send
 * every write to the worker (src/shared/messages.ts), which checks that it comes from an extension page.
 */
function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <AllSitesSetting />
    </main>
  );
}

document.documentElement.lang = chrome.i18n.getUILanguage();
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options />, root);
