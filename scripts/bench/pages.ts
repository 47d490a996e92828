import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusCases, REAL_PAGES_DIR, realPageCases } from '../lib/corpus';

export interface BenchPage {
  set: 'real' | 'corpus';
  file: string;
  /** The URL it is served at, without fragment. */
  url: string;
  expect: string[];
  bytes: number;
  body: string;
}

function stripHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

export function realPages(): { pages: BenchPage[]; skipped: string | null } {
  if (!existsSync(join(REAL_PAGES_DIR, 'pages.json'))) {
    return { pages: [], skipped: `${REAL_PAGES_DIR}/pages.json not found` };
  }
  const pages = realPageCases().map((c): BenchPage => {
    const body = readFileSync(c.path, 'utf8');
    return { set: 'real', file: c.file, url: stripHash(c.url), expect: c.expect, bytes: Buffer.byteLength(body), body };
  });
  return { pages, skipped: null };
}

/**
 * The corpus, or an evenly spaced sample of it in file order (so every large platform folder and a spread of
 * the small ones are in), never two entries at one URL.
 */
export function corpusPages(size: number | 'all'): { pages: BenchPage[]; total: number } {
  const cases = [...corpusCases()].sort((a, b) => a.file.localeCompare(b.file));
  const n = size === 'all' ? cases.length : Math.min(size, cases.length);
  const picked = new Map<string, BenchPage>();
  for (let i = 0; i < n; i++) {
    const c = cases[Math.floor((i * cases.length) / n)];
    if (!c) continue;
    const url = stripHash(c.url);
    if (picked.has(url)) continue;
    const body = readFileSync(join(CORPUS_DIR, c.file), 'utf8');
    picked.set(url, { set: 'corpus', file: c.file, url, expect: c.expect, bytes: Buffer.byteLength(body), body });
  }
  return { pages: [...picked.values()], total: cases.length };
}

/** Whether a declared content script of the built manifest matches the URL (https/http match patterns). */
export function declaredMatch(manifest: { content_scripts?: Array<{ matches?: string[] }> }, url: string): boolean {
  const target = new URL(url);
  const patterns = (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []);
  return patterns.some((pattern) => {
    const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
    if (!m) return pattern === '<all_urls>';
    const [, scheme, host, path] = m as unknown as [string, string, string, string];
    if (scheme !== '*' && `${scheme}:` !== target.protocol) return false;
    const hostOk =
      host === '*' ||
      (host.startsWith('*.')
        ? target.hostname === host.slice(2) || target.hostname.endsWith(host.slice(1))
        : target.hostname === host);
    if (!hostOk) return false;
    const re = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return re.test(target.pathname + target.search);
  });
}

export interface FeedOptions {
  initialElements: number;
  postsPerSecond: number;
  seconds: number;
}

/**
 * A LinkedIn-like home feed that builds `initialElements` elements before its load event, then appends
 * `postsPerSecond` posts a second (a tenth of them every 100 ms, one insertion each) for `seconds` seconds and sets
 * `window.__feedDone`. With `?warm=1` it builds nothing (the unmeasured first load).
 */
export function feedHtml({ initialElements, postsPerSecond, seconds }: FeedOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Feed | LinkedIn</title>
<meta name="pageKey" content="d_flagship3_feed">
<style>article{border:1px solid #ddd;margin:8px;padding:8px}button{margin-right:4px}</style>
</head>
<body>
<main id="main" aria-label="Main Feed">
<div class="scaffold-finite-scroll scaffold-finite-scroll--infinite">
<div componentkey="container-update-list_mainFeed-lazy-container" id="feed"></div>
</div>
</main>
<script>
(() => {
  if (new URLSearchParams(location.search).has('warm')) { window.__feedDone = true; return; }
  const feed = document.getElementById('feed');
  const ELEMENTS_PER_POST = 9;
  let n = 0;
  function post() {
    const article = document.createElement('article');
    article.className = 'feed-shared-update-v2';
    article.setAttribute('data-urn', 'urn:li:activity:' + (7000000000000000000 + n));
    const actor = document.createElement('div');
    actor.className = 'update-components-actor';
    const name = document.createElement('span');
    name.className = 'update-components-actor__title';
    name.textContent = 'Member ' + n;
    actor.append(name);
    const text = document.createElement('p');
    text.className = 'update-components-text';
    text.textContent = 'Post ' + n + ': five things I learned about shipping software this week.';
    const bar = document.createElement('div');
    bar.className = 'feed-shared-social-action-bar';
    for (const label of ['Like', 'Comment', 'Repost', 'Send']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      bar.append(button);
    }
    article.append(actor, text, bar);
    n++;
    return article;
  }
  const initial = document.createDocumentFragment();
  const have = document.getElementsByTagName('*').length;
  for (let count = have; count < ${initialElements}; count += ELEMENTS_PER_POST) initial.append(post());
  feed.append(initial);
  window.__feedAppended = 0;
  addEventListener('load', () => {
    const perTick = ${postsPerSecond} / 10;
    const ticks = ${seconds} * 10;
    let tick = 0;
    const timer = setInterval(() => {
      // One insertion per post, as a feed that renders posts as they arrive: one mutation record each.
      for (let i = 0; i < perTick; i++) feed.append(post());
      window.__feedAppended += perTick;
      if (++tick >= ticks) { clearInterval(timer); window.__feedDone = true; }
    }, 100);
  });
})();
</script>
</body>
</html>`;
}
