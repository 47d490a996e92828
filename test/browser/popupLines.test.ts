import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBrowsers, type BrowserHarness, poll, ROOT } from './harness';
import { corpusPage } from './pages/fixtures';

/**
 * Two lines of the popup that only some pages bring, in both colour schemes, with a screenshot of each for a
 * person to look at (test-output/popup/, git-ignored):
 *
 * - "Label <site> automatically", under the verdict of a toolbar check that found a community on a site that
 *   is not on the list (Chromium: its toolbar action grants the check's activeTab; the popup opened again over
 *   the same tab shows the stored verdict and the offer);
 * - "labelled from the address alone", on a known site whose page shows none of the site's page signals (a
 *   Facebook Page after a redesign: its words, none of its markup), at an address that names no page type.
 */

const FORUM = corpusPage('discourse/topic.html');
const FORUM_HOST = new URL(FORUM.url).hostname;
const REDESIGNED_URL = 'https://www.facebook.com/thelanternhollows';
const REDESIGNED_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Lantern Hollows | Facebook</title></head><body><div class="x1n2onr6 x9f619"><div class="_a9zs">The Lantern Hollows · Band · 12K followers. New single out Friday. Tour dates in the About tab.</div></div></body></html>`;

const HEADLINE = '[data-testid="headline"]';
const OFFER = '.auto-label button';
const UNSURE = '[data-testid="unsure"]';
/** The popup's width (body { width: 360px } in popup.css). */
const POPUP_WIDTH = 360;
const OUTPUT_DIR = join(ROOT, 'test-output', 'popup');
mkdirSync(OUTPUT_DIR, { recursive: true });

const chromium = availableBrowsers().find((entry) => entry.name === 'chromium');

for (const scheme of ['light', 'dark'] as const) {
  (chromium?.available ? describe : describe.skip)(`chromium, ${scheme}: lines of the popup`, () => {
    let harness: BrowserHarness;
    const suffix = scheme === 'dark' ? '-dark' : '';

    beforeAll(async () => {
      harness = await (chromium as NonNullable<typeof chromium>).launch({ colorScheme: scheme });
      harness.serve(FORUM.url, FORUM.html);
      harness.serve(REDESIGNED_URL, REDESIGNED_HTML);
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('offers to label a community found by a check automatically', async () => {
      const page = await harness.open(FORUM.url);
      const action = await harness.openActionPopup(page);
      await poll(
        () => action.textContent(HEADLINE),
        (text) => text === "You're using Discourse for social networking",
        5_000,
        50,
      );
      await action.close();

      const popup = await harness.popupPageFor(page);
      const offer = await poll(() => popup.textContent(OFFER), Boolean, 5_000, 50);
      expect(offer).toBe(`Label ${FORUM_HOST} automatically`);
      // In front only now: the popup describes the active tab of its window when it opens.
      await popup.bringToFront();
      expect(await popup.textContent(HEADLINE)).toBe("You're using Discourse for social networking");
      expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      await popup.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)).then(() => true));
      await popup.screenshot(join(OUTPUT_DIR, `chromium-auto-label${suffix}.png`), { width: POPUP_WIDTH });
      await popup.close();
      await page.close();
    });

    it('says when a known site was labelled from the address alone', async () => {
      const page = await harness.open(REDESIGNED_URL);
      // Labelled from the page's report (a person's profile, from the address), not only from the address.
      expect(await harness.waitForBadge(page, 'NET', 10_000)).toBe('NET');
      const popup = await harness.popupPageFor(page);
      const unsure = await poll(() => popup.textContent(UNSURE), Boolean, 5_000, 50);
      expect(unsure).toBe(
        'the page did not look like what the extension knows of Facebook; labelled from the address alone',
      );
      await popup.bringToFront();
      await popup.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)).then(() => true));
      await popup.screenshot(join(OUTPUT_DIR, `chromium-unfamiliar${suffix}.png`), { width: POPUP_WIDTH });
      await popup.close();
      await page.close();
    });
  });
}
