import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll } from './harness';
import { activityReasons, tabLabelOf } from './harness/tabLabel';
import { COMPOSER, DM_SEARCH, GIF_SEARCH, SIDEBAR_SEARCH, X_DRAWER_URL, xDrawerHtml } from './pages/activity';

/**
 * Activity evidence in a real browser: keys typed into a conversation box reach the content script as trusted
 * key events, are counted (never read), reported within the scheduler's 1.5 s, and move the feed's label towards
 * networking; keys typed into search fields count for nothing.
 *
 * The page is X's home timeline with the message drawer open (pages/activity.ts): media, with a conversation
 * beside it (feed 0.6 + timeline 0.3 + posts 0.2 + platform 0.15 for media, 0.55 for networking). Activity
 * reaches 0.5 for typing and 0.5 for sends (src/core/activity.ts); the label turns mixed once networking
 * reaches three quarters of media, which about ten seconds of writing and sending messages does.
 */

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One line of a message: about 1.2 s of typing at 20 ms a key, so that the Enter after each is its own send. */
const LINE = 'Vale, se lo digo ahora mismo a Tomás y te confirmo la hora';
/** Eight messages: ~460 keystrokes and 8 sends in ~10 s, well within the scheduler's 12 reports a minute. */
const MESSAGES = 8;
const KEY_DELAY_MS = 20;
/** Longer than the scheduler's 1.5 s between activity reports, with room for the worker's answer. */
const REPORT_WAIT_MS = 2_500;

for (const browser of availableBrowsers()) {
  (browser.available ? describe : describe.skip)(`${browser.name}: activity evidence`, () => {
    let harness: BrowserHarness;

    beforeAll(async () => {
      harness = await browser.launch();
      harness.serve(X_DRAWER_URL, xDrawerHtml());
    });

    afterAll(async () => {
      await harness?.close();
    });

    const stateOf = (page: HarnessPage) => tabLabelOf(harness, page);

    it('moves a feed towards networking as the user writes messages, and ignores typing in search fields', async () => {
      const page = await harness.open(X_DRAWER_URL);
      expect(await harness.waitForBadge(page, 'MED', 10_000)).toBe('MED');
      const start = await stateOf(page);
      expect(start.state?.verdict.label).toBe('media');
      expect(activityReasons(start.state)).toEqual([]);

      // Search fields: X's sidebar search (a combobox in a search form), a type="search" field and a
      // contenteditable searchbox. The keys arrive (the fields fill up), Enter included, and leave no typing or
      // send behind.
      const query = 'cena del viernes en Madrid';
      for (const field of [SIDEBAR_SEARCH, DM_SEARCH, GIF_SEARCH]) {
        await page.focus(field);
        await page.type(query, { delay: KEY_DELAY_MS });
        await page.press('Enter');
      }
      const values = await page.evaluate(
        (selectors) =>
          selectors.map((s) => {
            const field = document.querySelector<HTMLElement>(s);
            return field instanceof HTMLInputElement ? field.value : (field?.textContent?.trim() ?? null);
          }),
        [SIDEBAR_SEARCH, DM_SEARCH, GIF_SEARCH],
      );
      expect(values).toEqual([query, query, query]);
      expect(page.url(), 'Enter in the search form kept the page').toBe(X_DRAWER_URL);
      await delay(REPORT_WAIT_MS);
      const searched = await stateOf(page);
      expect(searched.badge).toBe('MED');
      expect(activityReasons(searched.state), 'activity evidence after typing in search fields').toEqual([]);

      // The message box: a conversation, typed into at a person's pace, each line sent with Enter.
      await page.focus(COMPOSER);
      const typingStarted = Date.now();
      for (let sent = 0; sent < MESSAGES; sent++) {
        await page.type(LINE, { delay: KEY_DELAY_MS });
        await page.press('Enter');
      }
      const typedMs = Date.now() - typingStarted;
      // Enter sent each line (the page's script emptied the box): the keys went to the composer.
      expect(await page.textContent(COMPOSER)).toBe('');

      // The last keys' report goes out within 1.5 s; by then the label has long turned.
      await delay(REPORT_WAIT_MS);
      const tabId = await harness.tabIdOf(page);
      const badge = await poll(
        () => harness.badgeText(tabId),
        (text) => text === 'MIX' || text === 'NET',
        REPORT_WAIT_MS,
        100,
      );
      const after = await stateOf(page);
      console.info(
        `${browser.name}: ${MESSAGES * LINE.length} keys and ${MESSAGES} sends in ${typedMs} ms -> ${badge}`,
        activityReasons(after.state).map((r) => `${r.signal} ${r.leans} ${r.weight}`),
      );
      expect(badge).toMatch(/^(MIX|NET)$/);
      expect(after.state?.verdict.label).toBe(badge === 'MIX' ? 'mixed' : 'networking');
      const reasons = activityReasons(after.state);
      expect(reasons.map((r) => r.signal).sort()).toEqual(['activity.sends', 'activity.typing']);
      for (const reason of reasons) {
        expect(reason.leans).toBe('networking');
        expect(reason.weight).toBeGreaterThan(0);
      }
      // The page itself is unchanged: the same feed with the same conversation, only the user's activity differs.
      expect(after.state?.url).toBe(X_DRAWER_URL);
      expect(after.state?.verdict.pageType).toBe(start.state?.verdict.pageType);
      await page.close();
    });
  });
}
