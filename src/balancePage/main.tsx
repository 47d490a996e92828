import { render } from 'preact';
import { applyDocumentLocale } from '../shared/documentLocale';
import { t } from '../shared/i18n';
import { BalancePage } from './BalancePage';

applyDocumentLocale();
document.title = t('balance_documentTitle');
const root = document.getElementById('app');
if (root) render(<BalancePage />, root);
