import { render } from 'preact';
import { applyDocumentLocale } from '../shared/documentLocale';
import { t } from '../shared/i18n';
import { Welcome } from './Welcome';
import { browserWelcomeApi } from './welcomeApi';

applyDocumentLocale();
document.title = t('welcome_title');
const root = document.getElementById('app');
if (root) render(<Welcome api={browserWelcomeApi} />, root);
