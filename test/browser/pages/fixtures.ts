import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Pages the browser tests serve at their real URLs: the project's corpus (test/fixtures/corpus, pages written
 * for this project) and a few built here for what the corpus does not show (a route change, a news front page).
 */

export type Label = 'media' | 'networking' | 'mixed' | 'none';

/** The badge text the extension shows for each label. */
export const BADGE: Record<Label, string> = { media: 'MED', networking: 'NET', mixed: 'MIX', none: '' };

export interface CorpusPage {
  file: string;
  url: string;
  /** The labels the corpus accepts for the page. */
  expect: Label[];
  pageType: string;
  html: string;
}

const CORPUS_DIR = new URL('../../fixtures/corpus/', import.meta.url);

let manifest: Array<Omit<CorpusPage, 'html'>> | null = null;

/** A corpus page by its file name, with the URL and labels its corpus entry gives. */
export function corpusPage(file: string): CorpusPage {
  manifest ??= JSON.parse(readFileSync(new URL('corpus.json', CORPUS_DIR), 'utf8')) as Array<Omit<CorpusPage, 'html'>>;
  const entry = manifest.find((candidate) => candidate.file === file);
  if (!entry) throw new Error(`test/fixtures/corpus/corpus.json has no entry for ${file}`);
  return { ...entry, html: readFileSync(new URL(file, CORPUS_DIR), 'utf8') };
}

export function page(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8');
}

/** A news front page with an article list in `role="feed"`, share links and an embedded post: not social. */
export const NEWS_URL = 'https://news.example.org/';
export const NEWS_HTML = page('news-feed.html');

/** The content of the page's `<main>` element. */
function mainOf(html: string, file: string): string {
  const match = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html);
  if (!match?.[1]) throw new Error(`${file} has no <main>`);
  return match[1];
}

export const X_HOME_URL = 'https://x.com/home';
export const X_MESSAGES_URL = 'https://x.com/messages';

/**
 * The corpus's X home feed with the app's client-side routing reduced to one route: `window.goToMessages()`
 * pushes `/messages` onto the history and swaps the timeline for the corpus's direct-message layout
 * (`DmActivityViewport`), without a page load, as X does; `window.goHome()` goes back the same way.
 */
export function xSpaHtml(): string {
  const home = corpusPage('x/home.html');
  const messages = corpusPage('x/messages.html');
  if (home.url !== X_HOME_URL) throw new Error(`x/home.html is at ${home.url}, not ${X_HOME_URL}`);
  const routes = {
    '/home': { title: 'Home / X', main: mainOf(home.html, home.file) },
    '/messages': { title: 'Messages / X', main: mainOf(messages.html, messages.file) },
  };
  // JSON inside a script element: only "</" could end it early.
  const data = JSON.stringify(routes).replaceAll('</', '<\\/');
  const script = `<script>
(() => {
  const routes = ${data};
  function show(path) {
    const route = routes[path];
    document.title = route.title;
    document.querySelector('main').innerHTML = route.main;
  }
  function go(path) {
    history.pushState({}, '', path);
    show(path);
  }
  window.goToMessages = () => go('/messages');
  window.goHome = () => go('/home');
  addEventListener('popstate', () => show(location.pathname));
})();
</script>`;
  return home.html.replace('</body>', `${script}\n</body>`);
}
