import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  availableBrowsers,
  type BrowserHarness,
  type HarnessPage,
  poll,
  ROOT,
  WELCOME_PATH,
  welcomeTabIds,
} from './harness';
import { seriousAxeViolations } from './harness/axe';
import { BADGE, corpusPage } from './pages/fixtures';

/**
 * The welcome a first install opens, in real browsers: that the install opens it, what it says, that it is
 * keyboard-usable and axe-clean in both colour schemes, and the site-access offer. Chromium grants the
 * content scripts' hosts at install, so there it must not offer anything; Firefox MV3 lets the person decline
 * them (the harness declines with `siteAccess: 'withheld'`), and then it must offer to ask again, and asking
 * must grant them. Screenshots go to test-output/welcome/ (git-ignored).
 */

const OUTPUT_DIR = join(ROOT, 'test-output', 'welcome');
const TITLE = '[data-testid="welcome-title"]';
const BOX = '[data-testid="site-access"]';
const ASK = '[data-testid="site-access-ask"]';
const STATUS = '[data-testid="site-access-status"]';
const WIDTH = 720;

mkdirSync(OUTPUT_DIR, { recursive: true });

async function openWelcome(harness: BrowserHarness): Promise<HarnessPage> {
  const page = await harness.open(`${harness.extensionOrigin}/${WELCOME_PATH}`);
  const title = await poll(() => page.textContent(TITLE), Boolean, 5_000, 50);
  expect(title).toBe('Welcome to Reach or Relate');
  // The pin advice and the shortcut come from asynchronous answers (platform, commands): wait for both.
  await poll(() => page.textContent('[data-testid="pin"]'), Boolean, 5_000, 50);
  await poll(() => page.textContent('[data-testid="shortcut"]'), Boolean, 5_000, 50);
  return page;
}

/**
 * Waits until the page's own site-access check has been answered and rendered: the same two questions asked
 * from the page after its own come back after them, and Preact renders within the next task.
 */
async function settleAccessCheck(page: HarnessPage): Promise<void> {
  await page.evaluate(async () => {
    const matches = chrome.runtime.getManifest().content_scripts?.flatMap((s) => s.matches ?? []) ?? [];
    await chrome.permissions.contains({ origins: matches });
    await chrome.permissions.getAll();
    await new Promise((done) => setTimeout(done, 50));
    await new Promise((done) => requestAnimationFrame(() => done(null)));
  });
}

/** What each badge row says, in order: `MED Social media (orange): …`. */
function badgeRows(page: HarnessPage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="badge-"]')].map((row) => row.textContent?.trim() ?? ''),
  );
}

/**
 * Walks the page with the Tab key from the top: every link and button must be reached, in document order,
 * each with a visible focus outline.
 */
async function tabWalk(page: HarnessPage): Promise<{ expected: string[]; reached: string[]; unoutlined: string[] }> {
  const expected = await page.evaluate(() =>
    [...document.querySelectorAll('a[href], button')].map((el) => el.textContent?.trim() ?? ''),
  );
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
  });
  const reached: string[] = [];
  const unoutlined: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    await page.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        text: el.textContent?.trim() ?? '',
        outlined: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      };
    });
    if (!focused) break;
    reached.push(focused.text);
    if (!focused.outlined) unoutlined.push(focused.text);
  }
  return { expected, reached, unoutlined };
}

async function expectWelcomeContent(page: HarnessPage, browserName: string): Promise<void> {
  expect(await badgeRows(page)).toEqual([
    expect.stringMatching(/^MED\s*Social media \(orange\):/),
    expect.stringMatching(/^NET\s*Social networking \(blue\):/),
    expect.stringMatching(/^MIX\s*Both \(violet\):/),
  ]);
  const badgeColours = await page.evaluate(() =>
    [...document.querySelectorAll('.badge')].map((badge) => getComputedStyle(badge).backgroundColor),
  );
  // The toolbar badge's colours (src/background/badge.ts).
  expect(badgeColours).toEqual(['rgb(194, 65, 12)', 'rgb(29, 78, 216)', 'rgb(109, 40, 217)']);
  const pin = await page.textContent('[data-testid="pin"]');
  if (browserName === 'chromium') expect(pin).toMatch(/puzzle-piece button right of the address bar, then the pin/);
  else expect(pin).toMatch(/choose Pin to Toolbar/);
  expect(await page.textContent('[data-testid="shortcut"]')).toMatch(/Alt\+Shift\+K$/);
  expect(await page.textContent('[data-testid="privacy"]')).toMatch(/collects nothing and sends nothing/);
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
  );
  expect(links.map((href) => new URL(href).pathname + new URL(href).hash)).toEqual([
    '/src/options/index.html#notes',
    '/src/balancePage/index.html',
  ]);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    'en',
    'ltr',
  ]);
}

for (const browser of availableBrowsers()) {
  for (const scheme of ['light', 'dark'] as const) {
    (browser.available ? describe : describe.skip)(`${browser.name}, ${scheme}: the welcome`, () => {
      let harness: BrowserHarness;

      beforeAll(async () => {
        harness = await browser.launch({ colorScheme: scheme, keepWelcome: true });
      });

      afterAll(async () => {
        await harness?.close();
      });

      it('opens by itself on install, in one tab', async () => {
        const tabs = await poll(
          () => welcomeTabIds(harness),
          (ids) => ids.length > 0,
          10_000,
          50,
        );
        expect(tabs).toHaveLength(1);
      });

      it('explains the badge, pinning, notes and balance, the shortcut and privacy; no site-access box', async () => {
        const page = await openWelcome(harness);
        await expectWelcomeContent(page, browser.name);
        await settleAccessCheck(page);
        // The browser granted the content scripts' hosts at install: nothing to ask for.
        expect(await page.evaluate((box) => document.querySelector(box) === null, BOX)).toBe(true);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');

        expect(await seriousAxeViolations(page, `${browser.name} ${scheme} welcome`)).toEqual([]);
        await page.screenshot(join(OUTPUT_DIR, `${browser.name}-${scheme}.png`), { width: WIDTH });
        const walk = await tabWalk(page);
        expect(walk.reached).toEqual(walk.expected);
        expect(walk.unoutlined).toEqual([]);
        await page.close();
      });
    });
  }

  (browser.available && browser.name === 'firefox' ? describe : describe.skip)(
    'firefox: the welcome when site access was declined',
    () => {
      let harness: BrowserHarness;

      beforeAll(async () => {
        harness = await browser.launch({ siteAccess: 'withheld', keepWelcome: true });
      });

      afterAll(async () => {
        await harness?.close();
      });

      it('offers to ask again; asking grants the hosts, and their pages are labelled', async () => {
        expect(
          await poll(
            () => welcomeTabIds(harness),
            (ids) => ids.length > 0,
            10_000,
            50,
          ),
        ).toHaveLength(1);
        const page = await openWelcome(harness);
        await expectWelcomeContent(page, browser.name);
        const heading = await poll(() => page.textContent(`${BOX} h2`), Boolean, 5_000, 50);
        expect(heading).toBe('Allow access to the social sites');
        expect(await seriousAxeViolations(page, 'firefox welcome, access declined')).toEqual([]);
        await page.screenshot(join(OUTPUT_DIR, 'firefox-access-declined.png'), { width: WIDTH });
        const walk = await tabWalk(page);
        expect(walk.reached).toEqual(walk.expected);
        expect(walk.reached[0]).toBe('Allow access to the social sites');

        // Keyboard: Enter on the focused button is a user gesture, as a click is.
        await page.focus(ASK);
        await page.press('Enter');
        const status = await poll(() => page.textContent(STATUS), Boolean, 5_000, 50);
        expect(status).toBe('Access allowed: social pages you open from now on are labeled.');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe(
          'site-access-status',
        );
        expect(await page.evaluate((ask) => document.querySelector(ask) === null, ASK)).toBe(true);
        await page.screenshot(join(OUTPUT_DIR, 'firefox-access-granted.png'), { width: WIDTH });
        await page.close();

        const linkedin = corpusPage('linkedin/mynetwork.html');
        harness.serve(linkedin.url, linkedin.html);
        const tab = await harness.open(linkedin.url);
        expect(await harness.waitForBadge(tab, BADGE.networking, 10_000)).toBe(BADGE.networking);
      });
    },
  );
}

// Chromium keeps an empty catalogue for the whole extension process when the first page to ask for it closes
// during the request (see src/background/index.ts): the popup then showed its message keys. A race: before the
// worker loaded the catalogue itself, one launch in twelve closed this way ended so (and six in twelve when the
// tab was closed on its first navigation without the harness's request routing), none in 24 after.
const chromiumEntry = availableBrowsers().find((b) => b.name === 'chromium');
(chromiumEntry?.available ? describe : describe.skip)('chromium: the welcome closed while it loads', () => {
  const LAUNCHES = 4;
  it(`leaves every message in place, in ${LAUNCHES} launches`, { timeout: 240_000 }, async () => {
    const entry = chromiumEntry as NonNullable<typeof chromiumEntry>;
    const shown: string[] = [];
    for (let launch = 1; launch <= LAUNCHES; launch++) {
      const harness = await entry.launch({ closeWelcomeWhileLoading: true });
      try {
        const fromWorker = await harness.evaluateInExtension(() => chrome.i18n.getMessage('welcome_title'));
        const page = await harness.open(`${harness.extensionOrigin}/${WELCOME_PATH}`);
        const title = await poll(() => page.textContent(TITLE), Boolean, 5_000, 50);
        shown.push(`launch ${launch}: ${fromWorker} / ${title}`);
      } finally {
        await harness.close();
      }
    }
    const expected = 'Welcome to Reach or Relate / Welcome to Reach or Relate';
    expect(shown).toEqual(Array.from({ length: LAUNCHES }, (_, i) => `launch ${i + 1}: ${expected}`));
  });
});
