import { corpusPage } from './fixtures';

/**
 * The page the activity test types into: the corpus's X home timeline with the direct-message drawer open
 * (test/fixtures/corpus/x/home-es-dm-drawer-draft.html, a feed with a conversation beside it), served at
 * https://x.com/home, with what the static copy lacks of the app's behaviour and one more search field:
 *
 * - Enter in the message box sends the message and empties the box (X's composer does not start a new line);
 * - the sidebar's search form (`role="search"`, its field a `role="combobox"`) never submits the page, as in
 *   the app, so that Enter there keeps the page;
 * - two more search fields in the drawer: "search direct messages", an `input type="search"` with no role of
 *   its own, and "search GIFs", a contenteditable element with `role="searchbox"` (rich-text search fields
 *   are built that way), so that every way the content script tells a search field from a message box is
 *   typed into.
 */

export const X_DRAWER_URL = 'https://x.com/home';

export const COMPOSER = '[data-testid="dmComposerTextInput"]';
export const SIDEBAR_SEARCH = '[data-testid="SearchBox_Search_Input"]';
export const DM_SEARCH = '[data-testid="dmSearchInput"]';
export const GIF_SEARCH = '[data-testid="gifSearchInput"]';

const SEARCH_FIELDS = [
  '<input type="search" aria-label="Buscar en Mensajes directos" placeholder="Buscar en Mensajes directos" data-testid="dmSearchInput" value="">',
  '<div contenteditable="true" role="searchbox" aria-label="Buscar GIFs" data-testid="gifSearchInput"></div>',
].join('\n');

const BEHAVIOUR = `<script>
(() => {
  document.querySelector('form[role="search"]').addEventListener('submit', (event) => event.preventDefault());
  const composer = document.querySelector('${COMPOSER}');
  composer.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    composer.textContent = '';
  });
})();
</script>`;

export function xDrawerHtml(): string {
  const page = corpusPage('x/home-es-dm-drawer-draft.html');
  if (page.url !== X_DRAWER_URL) throw new Error(`${page.file} is at ${page.url}, not ${X_DRAWER_URL}`);
  const container = '<div class="css-175oi2r" data-testid="DmActivityContainer">';
  if (!page.html.includes(container) || !page.html.includes('</body>')) {
    throw new Error(`${page.file} changed: no message list to put the search field before`);
  }
  return page.html.replace(container, `${SEARCH_FIELDS}\n${container}`).replace('</body>', `${BEHAVIOUR}\n</body>`);
}
