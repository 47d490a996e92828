/**
 * The demo `npm start -- --demo` shows: the project's own sample pages (test/fixtures/corpus, pages written for
 * this project, and two of the browser tests' pages) at their real addresses, answered by request routing so
 * that nothing reaches the network, and an index page to walk through them by label. Pure: no browser here
 * (scripts/start/demoBrowser.ts serves it), so that a unit test can check what is served where.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { contentScriptMatches } from '../../src/core/sites';
import type { Label } from '../../src/core/types';

/** Where the index is served. `.test` is reserved for testing (RFC 2606): it can name no real site. */
export const DEMO_INDEX_URL = 'https://reach-or-relate.test/';

export interface DemoPage {
  url: string;
  /** Path inside the repository. */
  file: string;
  /** What the extension labels the page (the classifier over the page, as the content script reads it). */
  label: Label;
  /** Site folder in the corpus, as a short name for the index. */
  site: string;
  /** One line saying what the page is. */
  note: string;
  /** Labelled as it loads (a site the content script is declared for), or only when the button is clicked. */
  automatic: boolean;
}

interface CorpusEntry {
  file: string;
  url: string;
  expect: Label[];
  note?: string;
}

export const GROUPS: ReadonlyArray<{ label: Label; title: string; explain: string }> = [
  { label: 'media', title: 'Social media (MED, orange)', explain: 'Feeds, short videos, videos, live streams.' },
  {
    label: 'networking',
    title: 'Social networking (NET, blue)',
    explain: 'Messages, connection requests, groups, forum threads.',
  },
  {
    label: 'mixed',
    title: 'Both at once (MIX, violet)',
    explain:
      'Mostly what you do makes a page mixed (writing a message beside a feed); as they load, pages that are neither kind of activity on a site that leans both ways.',
  },
  {
    label: 'none',
    title: 'Not social (no badge)',
    explain: 'News, recipes, shops and blogs, some embedding posts or share buttons.',
  },
];

/** Pages per label in the index: one per site, enough to walk through without a wall of links. */
const PER_GROUP = 12;
/** The sites people know best come first; the rest follow in the corpus's order. */
const FIRST_SITES = [
  'linkedin',
  'youtube',
  'instagram',
  'tiktok',
  'x',
  'facebook',
  'reddit',
  'mastodon',
  'twitch',
  'discord',
  'messenger',
  'whatsapp',
  'pinterest',
  'lemmy',
  'discourse',
  'stackexchange',
  'phpbb',
  'news',
  'recipes',
  'shop',
  'wikipedia',
  'blog',
];

/** Whether a URL is one the content script is declared for (`https://host/*` and `https://*.domain/*`). */
export function matchesContentScript(url: string, patterns: readonly string[]): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'https:') return false;
  return patterns.some((pattern) => {
    const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
    if (!host) return false;
    return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
  });
}

function labelOf(url: string, html: string): Label {
  return classify(extractFeatures(parseHTML(html).document, url)).label;
}

/**
 * The demo's pages: from the corpus, those the extension labels as the corpus accepts (a page it gets wrong
 * makes a poor demo; the confusion table is for those), at most PER_GROUP per label and one per site folder;
 * then the LinkedIn feed and the news front page of the browser tests.
 */
export function demoPages(root: string): DemoPage[] {
  const corpusDir = join(root, 'test/fixtures/corpus');
  const entries = JSON.parse(readFileSync(join(corpusDir, 'corpus.json'), 'utf8')) as CorpusEntry[];
  const patterns = contentScriptMatches();
  const pages: DemoPage[] = [];
  const sitesPerLabel = new Map<Label, string[]>();
  const add = (url: string, file: string, site: string, note: string, accepted?: readonly Label[]) => {
    const label = labelOf(url, readFileSync(join(root, file), 'utf8'));
    if (accepted && !accepted.includes(label)) return;
    const seen = sitesPerLabel.get(label) ?? [];
    // Pages are mixed mostly by what the user does on them; the few mixed as they load may share a site.
    const perSite = label === 'mixed' ? 3 : 1;
    if (seen.filter((s) => s === site).length >= perSite || seen.length >= PER_GROUP) return;
    if (pages.some((page) => page.url === url)) return;
    seen.push(site);
    sitesPerLabel.set(label, seen);
    pages.push({ url, file, label, site, note, automatic: matchesContentScript(url, patterns) });
  };
  add(
    'https://www.linkedin.com/feed/',
    'test/browser/pages/linkedin-feed.html',
    'linkedin',
    'LinkedIn home feed (the page npm start opens with the network)',
  );
  add('https://news.example.org/', 'test/browser/pages/news-feed.html', 'news', 'A news front page');
  const siteOf = (entry: CorpusEntry) => entry.file.split('/')[0] ?? entry.file;
  const rank = (entry: CorpusEntry) => {
    const at = FIRST_SITES.indexOf(siteOf(entry));
    return at === -1 ? FIRST_SITES.length : at;
  };
  const ordered = entries
    .map((entry, at) => ({ entry, at }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.at - b.at);
  for (const { entry } of ordered) {
    // The shells a server sends before its app has run show next to nothing: a poor sight in a demo.
    if (entry.file.includes('minimal') || /URL-only/i.test(entry.note ?? '')) continue;
    add(entry.url, join('test/fixtures/corpus', entry.file), siteOf(entry), entry.note ?? '', entry.expect);
  }
  return pages;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The index page: the pages grouped by label, each a link to its real address. */
export function indexHtml(pages: readonly DemoPage[]): string {
  const groups = GROUPS.map(({ label, title, explain }) => {
    const items = pages
      .filter((page) => page.label === label)
      .map((page) => {
        const onClick = page.automatic ? '' : ' <em>(not a listed site: click the toolbar button to check it)</em>';
        const host = new URL(page.url).hostname;
        return `<li><a href="${escapeHtml(page.url)}">${escapeHtml(host)}</a>: ${escapeHtml(page.note)}${onClick}</li>`;
      })
      .join('\n');
    return `<section id="${label}"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(explain)}</p><ul>\n${items}\n</ul></section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>Reach or Relate demo</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-inline-size: 760px; margin-inline: auto; padding: 24px 16px; }
li { margin-block: 6px; }
em { color: GrayText; font-style: normal; font-size: 0.9em; }
</style>
</head>
<body>
<h1>Reach or Relate demo</h1>
<p>These are the project's own sample pages, served offline at the addresses they imitate: nothing here
reaches the network. Open one, watch the badge on the pinned toolbar button, click the button to see why,
and come back with the browser's Back button. The pages are written for the project; every person and
community in them is made up.</p>
${groups}
</body>
</html>
`;
}

export interface DemoResponse {
  status: number;
  contentType: string;
  body: string;
}

/** What the demo answers for a request: the index, a page, or null (blocked: the demo stays offline). */
export function demoRouter(root: string, pages: readonly DemoPage[]): (url: string) => DemoResponse | null {
  const byUrl = new Map(pages.map((page) => [withoutFragment(page.url), page]));
  const index = indexHtml(pages);
  const html = (body: string): DemoResponse => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
  return (url) => {
    const key = withoutFragment(url);
    if (key === DEMO_INDEX_URL) return html(index);
    const page = byUrl.get(key);
    return page ? html(readFileSync(join(root, page.file), 'utf8')) : null;
  };
}

function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
