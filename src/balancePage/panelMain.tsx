import { render } from 'preact';
import { applyDocumentLocale } from '../shared/documentLocale';
import { t } from '../shared/i18n';
import { Panel } from './Panel';

applyDocumentLocale();
document.title = t('panelTitle');
const root = document.getElementById('app');
if (root) render(<Panel />, root);
