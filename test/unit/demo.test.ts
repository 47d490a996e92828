import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/corpus';
import { withPinnedExtension } from '../../scripts/start/chromiumProfile';
import {
  DEMO_INDEX_URL,
  type DemoPage,
  demoPages,
  demoRouter,
  indexHtml,
  matchesContentScript,
} from '../../scripts/start/demo';
import { DEFAULT_START_URL, parseArgs, UsageError, wantsDemo } from '../../scripts/start/options';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { contentScriptMatches } from '../../src/core/sites';

const pages = demoPages(ROOT);
const route = demoRouter(ROOT, pages);

describe('the offline demo', () => {
  it('has pages of every label, each labelled by the extension as listed', () => {
    for (const label of ['media', 'networking', 'mixed', 'none'] as const) {
      expect(pages.filter((page) => page.label === label).length, label).toBeGreaterThan(0);
    }
    for (const page of pages) {
      const { document } = parseHTML(readFileSync(join(ROOT, page.file), 'utf8'));
      expect(classify(extractFeatures(document, page.url)).label, page.file).toBe(page.label);
    }
  });

  it('serves only files of the repository, never the real captures outside it', () => {
    for (const page of pages) expect(page.file).toMatch(/^test\/(fixtures\/corpus|browser\/pages)\//);
  });

  it('starts the live default page too, and at most 12 pages a label', () => {
    expect(pages.map((page) => page.url)).toContain(DEFAULT_START_URL);
    for (const label of ['media', 'networking', 'mixed', 'none'] as const) {
      expect(pages.filter((page) => page.label === label).length).toBeLessThanOrEqual(12);
    }
    expect(new Set(pages.map((page) => page.url)).size).toBe(pages.length);
  });

  it('answers each page at its real address, fragment or not, and the index', () => {
    for (const page of pages) {
      const answer = route(`${page.url}#top`);
      expect(answer?.status).toBe(200);
      expect(answer?.body).toBe(readFileSync(join(ROOT, page.file), 'utf8'));
    }
    expect(route(DEMO_INDEX_URL)?.body).toBe(indexHtml(pages));
  });

  it('blocks everything else: the demo stays offline', () => {
    expect(route('https://www.linkedin.com/in/someone-not-in-the-demo/')).toBeNull();
    expect(route('https://static.licdn.com/sc/h/logo.svg')).toBeNull();
    expect(route('https://reach-or-relate.test/other')).toBeNull();
  });

  it('links every page from the index under its label, with its words as text', () => {
    const { document } = parseHTML(indexHtml(pages));
    for (const page of pages) {
      const links = [...document.querySelectorAll(`#${page.label} a`)].map((a) => a.getAttribute('href'));
      expect(links, page.file).toContain(page.url);
    }
    expect(document.querySelectorAll('a').length).toBe(pages.length);
  });

  it('writes notes as text, never as markup', () => {
    const page: DemoPage = {
      url: 'https://www.reddit.com/r/x/?a=1&b="2"',
      file: 'x.html',
      label: 'networking',
      site: 'reddit',
      note: '<img src=x onerror=alert(1)> & more',
      automatic: true,
    };
    const { document } = parseHTML(indexHtml([page]));
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('#networking li')?.textContent).toBe(
      'www.reddit.com: <img src=x onerror=alert(1)> & more',
    );
    expect(document.querySelector('#networking a')?.getAttribute('href')).toBe(page.url);
  });

  it('says which pages are labelled only on a click (hosts the content script is not declared for)', () => {
    const patterns = contentScriptMatches();
    expect(matchesContentScript('https://www.linkedin.com/feed/', patterns)).toBe(true);
    expect(matchesContentScript('https://linkedin.com/feed/', patterns)).toBe(true);
    expect(matchesContentScript('https://social.example-verein.de/home', patterns)).toBe(false);
    expect(matchesContentScript('http://www.linkedin.com/feed/', patterns)).toBe(false);
    expect(matchesContentScript('https://notlinkedin.com/feed/', patterns)).toBe(false);
    const manual = pages.filter((page) => !page.automatic);
    expect(manual.length).toBeGreaterThan(0);
    const html = indexHtml(manual);
    expect(html.match(/click the toolbar button to check it/g)?.length).toBe(manual.length);
  });
});

describe('npm start: options', () => {
  it('parses the demo switches', () => {
    expect(parseArgs([])).toEqual({ firefox: false, demo: undefined, startUrl: DEFAULT_START_URL });
    expect(parseArgs(['--demo'])).toMatchObject({ demo: true });
    expect(parseArgs(['--no-demo', 'https://x.com/home'])).toMatchObject({
      demo: false,
      startUrl: 'https://x.com/home',
    });
    expect(parseArgs(['--help'])).toBe('help');
    expect(() => parseArgs(['--firefox', '--demo'])).toThrow(UsageError);
    expect(() => parseArgs(['--nope'])).toThrow(UsageError);
  });

  it('runs the demo when asked, or when the start page cannot be reached', async () => {
    const asked: string[] = [];
    const reachable = (answer: boolean) => async (host: string) => {
      asked.push(host);
      return answer;
    };
    const base = { firefox: false, demo: undefined, startUrl: DEFAULT_START_URL };
    expect(await wantsDemo(base, reachable(false))).toBe(true);
    expect(await wantsDemo(base, reachable(true))).toBe(false);
    expect(asked).toEqual(['www.linkedin.com', 'www.linkedin.com']);
    expect(await wantsDemo({ ...base, demo: true }, reachable(true))).toBe(true);
    expect(await wantsDemo({ ...base, demo: false }, reachable(false))).toBe(false);
    expect(await wantsDemo({ ...base, firefox: true }, reachable(false))).toBe(false);
    expect(asked).toHaveLength(2);
  });
});

describe('npm start: the pinned button', () => {
  it('adds the id to Chromium pinned_extensions once, keeping what is there', () => {
    expect(withPinnedExtension({}, 'abc')).toEqual({ extensions: { pinned_extensions: ['abc'] } });
    const existing = { browser: { x: 1 }, extensions: { pinned_extensions: ['other'], ui: { developer_mode: true } } };
    expect(withPinnedExtension(existing, 'abc')).toEqual({
      browser: { x: 1 },
      extensions: { pinned_extensions: ['other', 'abc'], ui: { developer_mode: true } },
    });
    expect(withPinnedExtension(withPinnedExtension({}, 'abc'), 'abc')).toEqual({
      extensions: { pinned_extensions: ['abc'] },
    });
  });
});
