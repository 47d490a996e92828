import { render } from 'preact';
import { browserApi } from './api';
import { Popup } from './Popup';

document.documentElement.lang = chrome.i18n.getUILanguage();
const root = document.getElementById('app');
if (root) render(<Popup api={browserApi} />, root);
