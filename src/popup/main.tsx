import { render } from 'preact';
import { applyDocumentLocale } from '../shared/documentLocale';
import { browserApi } from './api';
import { Popup } from './Popup';

applyDocumentLocale();
const root = document.getElementById('app');
if (root) render(<Popup api={browserApi} />, root);
