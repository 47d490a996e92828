import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBrowsers, type BrowserHarness, poll, ROOT } from './harness';
import { BADGE, corpusPage } from './pages/fixtures';
import { seedItems } from './pages/seed';

/**
 * The popup's fold: in a 400 x 600 viewport (the most of a toolbar popup's height that Chrome gives) the label,
 * the headline, one line of why, the site's note and today's split on the site are in view without scrolling,
 * over a page with a note and counted time; the signals, what the label means and the site's settings are
 * folded away and open on a click. Screenshots for a person to look at (test-output/popup/, git-ignored).
 */

const PAGE = corpusPage('linkedin/mynetwork.html');
const WIDTH = 400;
const HEIGHT = 600;
const OUTPUT_DIR = join(ROOT, 'test-output', 'popup');
mkdirSync(OUTPUT_DIR, { recursive: true });

const ABOVE_THE_FOLD = ['[data-testid="headline"]', '[data-testid="why-line"]', '#note-text', '.usage__words'];

interface Box {
  selector: string;
  top: number;
  bottom: number;
  visible: boolean;
}

for (const browser of availableBrowsers()) {
  for (const scheme of ['light', 'dark'] as const) {
    (browser.available ? describe : describe.skip)(`${browser.name}, ${scheme}: the popup at 400 x 600`, () => {
      let harness: BrowserHarness;

      beforeAll(async () => {
        harness = await browser.launch({ colorScheme: scheme });
        await harness.evaluateInExtension((items) => chrome.storage.local.set(items), seedItems(new Date()));
        harness.serve(PAGE.url, PAGE.html);
      });

      afterAll(async () => {
        await harness?.close();
      });

      it('shows the label, why, the note and today on the site without scrolling; the rest folds', async () => {
        const page = await harness.open(PAGE.url);
        expect(await harness.waitForBadge(page, BADGE.networking, 10_000)).toBe(BADGE.networking);
        const popup = await harness.popupPageFor(page);
        await popup.setViewport(WIDTH, HEIGHT);
        const note = await poll(
          () => popup.evaluate(() => document.querySelector<HTMLTextAreaElement>('#note-text')?.value ?? ''),
          (text) => text.length > 0,
          5_000,
          50,
        );
        expect(note).toBe('Only to reply to recruiters and to the two groups I run.');
        expect(await poll(() => popup.textContent('.usage__words'), Boolean, 5_000, 50)).toMatch(/min/);

        const boxes = await popup.evaluate((selectors: string[]) => {
          return selectors.map((selector): Box => {
            const element = document.querySelector(selector) as HTMLElement | null;
            const rect = element?.getBoundingClientRect();
            return {
              selector,
              top: rect?.top ?? -1,
              bottom: rect?.bottom ?? Number.POSITIVE_INFINITY,
              visible: element?.checkVisibility() ?? false,
            };
          });
        }, ABOVE_THE_FOLD);
        for (const box of boxes) {
          expect(box.visible, `${box.selector} is shown`).toBe(true);
          expect(box.top, `${box.selector} is in view`).toBeGreaterThanOrEqual(0);
          expect(box.bottom, `${box.selector} ends within ${HEIGHT} px`).toBeLessThanOrEqual(HEIGHT);
        }
        expect(await popup.evaluate(() => scrollY)).toBe(0);

        const folds = await popup.evaluate(() =>
          [...document.querySelectorAll<HTMLDetailsElement>('details.fold')].map((fold) => ({
            name: fold.dataset.fold,
            open: fold.open,
            bodyShown: fold.querySelector<HTMLElement>('.fold__body')?.checkVisibility() ?? false,
          })),
        );
        expect(folds).toEqual([
          { name: 'why', open: false, bodyShown: false },
          { name: 'meaning', open: false, bodyShown: false },
          { name: 'site', open: false, bodyShown: false },
        ]);

        const suffix = scheme === 'dark' ? '-dark' : '';
        await popup.screenshot(join(OUTPUT_DIR, `${browser.name}-fold${suffix}.png`), { width: WIDTH });

        await popup.click('details[data-fold="why"] > summary');
        const reasons = await poll(
          () =>
            popup.evaluate(() => {
              const list = document.querySelector<HTMLElement>('details[data-fold="why"] .reasons');
              return list?.checkVisibility() ? list.textContent : null;
            }),
          Boolean,
          5_000,
          50,
        );
        expect(reasons).toContain('connections and requests');
        await popup.screenshot(join(OUTPUT_DIR, `${browser.name}-fold-open${suffix}.png`), { width: WIDTH });
        await popup.close();
      });
    });
  }
}
