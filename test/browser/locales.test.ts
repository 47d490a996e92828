import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, locales, localeTagOf, messageSource } from '../helpers/locales';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll, ROOT } from './harness';
import { WELCOME_PATH } from './harness/welcome';
import { corpusPage, page as fixturePage } from './pages/fixtures';

/**
 * Every catalogue in real Chromium, started in that language (`--lang`), so the browser itself picks the
 * catalogue: the popup over a networking page (the longest one: reasons, page kind, note, site controls) says
 * the catalogue's headline, carries its `lang` and `dir`, and nothing in it is wider than a 400 px window or
 * than its own box. In each right-to-left language the popup, options, welcome page and in-page reminder are
 * checked to be mirrored and saved as screenshots for a person to look at (test-output/locales/).
 *
 * happy-dom has no layout, so overflow can only be measured here. One browser per language (about a second
 * each to start): Chromium picks the catalogue once, at start.
 */

const OUTPUT_DIR = join(ROOT, 'test-output', 'locales');
const VIEWPORT = 400;
const HEADLINE = '[data-testid="headline"]';
const SCENE = corpusPage('linkedin/mynetwork.html');
const FEED_URL = 'https://www.linkedin.com/feed/';
const FEED_HTML = fixturePage('linkedin-feed.html');
const NOTE_KEY = 'note:linkedin.com';
const REMINDER_TAG = 'reach-or-relate-reminder';

/** What sticks out: past the window's sides, or wider than its own box. Serialized into the page: self-contained. */
function overflows(limit: number): string[] {
  const found: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways (${root.scrollWidth} px)`);
  const name = (element: Element) =>
    `${element.localName}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue; // visually hidden (1 x 1 clip) or not rendered
    if (element.closest('.visually-hidden')) continue;
    if (box.left < -0.5 || box.right > limit + 0.5) found.push(`${name(element)} spans ${box.left}..${box.right}`);
    const style = getComputedStyle(element);
    const clips = style.overflowX !== 'visible';
    if (!clips && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
      found.push(`${name(element)} holds ${element.scrollWidth} px in ${element.clientWidth} px`);
    }
  }
  return found;
}

/**
 * Which side of its box a block's text keeps to: the side its lines start from, where they all touch the edge
 * (the other side is ragged). Serialized into the page: self-contained.
 */
function textSide(selector: string): 'left' | 'right' | null {
  const element = document.querySelector(selector);
  if (!element) return null;
  const range = document.createRange();
  range.selectNodeContents(element);
  const rects = [...range.getClientRects()];
  if (rects.length === 0) return null;
  const box = element.getBoundingClientRect();
  const left = Math.min(...rects.map((r) => r.left)) - box.left;
  const right = box.right - Math.max(...rects.map((r) => r.right));
  return left < right ? 'left' : 'right';
}

/** Whether the reminder shows in the bottom corner on `side`, found by hit-testing (its root is closed). */
function reminderIn(args: { tag: string; side: 'left' | 'right' }): boolean {
  const host = document.querySelector(args.tag);
  if (!host) return false;
  const width = document.documentElement.clientWidth;
  const y = document.documentElement.clientHeight - 16 - 12;
  const x = args.side === 'left' ? 16 + 12 : width - 16 - 12;
  return document.elementFromPoint(x, y) === host;
}

const chromium = availableBrowsers().find((b) => b.name === 'chromium');
mkdirSync(OUTPUT_DIR, { recursive: true });

describe.skipIf(!chromium?.available)('Chromium in every language', () => {
  for (const locale of locales()) {
    const tag = localeTagOf(locale);
    const messages = catalogue(locale);
    const rtl = messages.localeDir?.message === 'rtl';

    describe(`${locale}`, () => {
      let harness: BrowserHarness;
      let tab: HarnessPage;

      beforeAll(async () => {
        harness = await (chromium as NonNullable<typeof chromium>).launch({ uiLanguage: tag });
        harness.serve(SCENE.url, SCENE.html);
        harness.serve(FEED_URL, FEED_HTML);
        tab = await harness.open(SCENE.url);
        const badge = await harness.waitForBadge(tab, 'NET', 10_000);
        if (badge !== 'NET') throw new Error(`${SCENE.url} is badged "${badge}"`);
      });

      afterAll(async () => {
        await harness?.close();
      });

      // One retry: about one launch in fifteen, on this shared machine, the popup tab opened in the background
      // shows nothing of the app within 15 s (see the report in the commit); a second popup renders at once.
      it('shows the popup in this catalogue, with its lang and dir, and nothing wider than 400 px', {
        retry: 1,
      }, async () => {
        const popup = await harness.popupPageFor(tab);
        const expected = messageSource(locale)('headline_networking', ['LinkedIn']);
        const headline = await poll(
          () => popup.textContent(HEADLINE),
          (text) => text === expected,
          // Generous: eight engineers' test runs share two cores, and a popup can take seconds to start there.
          15_000,
          50,
        );
        const shown =
          headline === expected ? '' : await popup.evaluate(() => (document.body.textContent ?? '').slice(0, 400));
        expect(headline, `the headline in this catalogue; the popup shows: ${shown}`).toBe(expected);
        const root = await popup.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        }));
        expect(root).toEqual({ lang: tag, dir: messages.localeDir?.message });
        await popup.evaluate(() =>
          Promise.all(document.getAnimations().map((animation) => animation.finished)).then(() => true),
        );
        await popup.screenshot(join(OUTPUT_DIR, `popup-${locale}.png`), { width: VIEWPORT });
        expect(await popup.evaluate(overflows, VIEWPORT)).toEqual([]);
        expect(await popup.evaluate(textSide, HEADLINE), 'the headline starts on the reading side').toBe(
          rtl ? 'right' : 'left',
        );
        await popup.close();
      });

      it.runIf(rtl)('lays out options, welcome and the reminder right to left', async () => {
        for (const [name, path, heading] of [
          ['options', 'src/options/index.html', 'h1'],
          ['welcome', WELCOME_PATH, 'h1'],
        ] as const) {
          const page = await harness.open(`${harness.extensionOrigin}/${path}`);
          await poll(() => page.textContent(heading), Boolean, 5_000, 50);
          expect(await page.evaluate(() => document.documentElement.dir), name).toBe('rtl');
          expect(await page.evaluate(textSide, heading), `${name}: the heading starts on the right`).toBe('right');
          await page.screenshot(join(OUTPUT_DIR, `${name}-${locale}.png`), { width: 800 });
          await page.close();
        }

        await harness.evaluateInExtension((item) => chrome.storage.local.set({ [item.key]: item.note }), {
          key: NOTE_KEY,
          note: { domain: 'linkedin.com', path: null, text: 'Only recruiters.', reminder: true, updatedAt: Date.now() },
        });
        const feed = await harness.open(FEED_URL);
        const shown = await poll(
          () => feed.evaluate(reminderIn, { tag: REMINDER_TAG, side: 'left' }),
          Boolean,
          10_000,
          100,
        );
        expect(shown, 'the reminder in the bottom-left corner').toBe(true);
        expect(await feed.evaluate(reminderIn, { tag: REMINDER_TAG, side: 'right' })).toBe(false);
        await feed.screenshot(join(OUTPUT_DIR, `reminder-${locale}.png`), { width: 800 });
        await feed.close();
      });
    });
  }
});
