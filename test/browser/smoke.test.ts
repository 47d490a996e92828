import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  availableBrowsers,
  type BrowserHarness,
  type HarnessPage,
  isNetworkUrl,
  poll,
  type StoredTabState,
} from './harness';

const FEED_URL = 'https://www.linkedin.com/feed/';
const FEED_HTML = readFileSync(new URL('./pages/linkedin-feed.html', import.meta.url), 'utf8');
/** Browsers ask a site for its icon on their own; Firefox's request shows up as the page's. */
const FAVICON_URL = 'https://www.linkedin.com/favicon.ico';

for (const browser of availableBrowsers()) {
  (browser.available ? describe : describe.skip)(`${browser.name}: the built extension`, () => {
    let harness: BrowserHarness;
    let feed: HarnessPage;

    beforeAll(async () => {
      harness = await browser.launch();
      harness.serve(FEED_URL, FEED_HTML);
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('installs and starts its background', async () => {
      expect(harness.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\/[\w-]+$/);
      const background = await harness.background();
      expect(background).toMatchObject({ running: true });
      expect(background.url?.startsWith(`${harness.extensionOrigin}/`)).toBe(true);
    });

    it('runs its content script on the LinkedIn feed, stores the tab state and badges it MED', async () => {
      feed = await harness.open(FEED_URL);
      expect(feed.url()).toBe(FEED_URL);
      expect(await harness.waitForBadge(feed, 'MED', 10_000)).toBe('MED');

      const tabId = await harness.tabIdOf(feed);
      const states = await poll(
        () => harness.tabStates(),
        (found) => found.has(tabId),
        5_000,
      );
      const state = states.get(tabId) as StoredTabState;
      expect(state).toMatchObject({ tabId, url: FEED_URL, verdict: { label: 'media' } });
      expect(Math.abs(Date.now() - state.updatedAt)).toBeLessThan(60_000);
    });

    it('renders its popup page', async () => {
      const popup = await harness.popupPage();
      expect(popup.url()).toBe(`${harness.extensionOrigin}/src/popup/index.html`);
      expect(await popup.evaluate(() => document.title)).toBe('Reach or Relate');
      // The popup renders once it has asked the worker about the active tab, which here is the popup's own tab:
      // its headline then says what it found (not a social page, or that it could not look).
      const headline = await poll(
        () => popup.textContent('h1'),
        (text) => Boolean(text?.trim()),
        5_000,
      );
      expect(headline?.trim()).toBeTruthy();
      await popup.close();
    });

    it("answers its popup's question about the feed tab", async () => {
      const tabId = await harness.tabIdOf(feed);
      const popup = await harness.popupPage();
      // The question the popup asks when it opens over a tab: the background must answer it for extension pages.
      const answer = await popup.evaluate(
        (id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }),
        tabId,
      );
      expect(answer).toMatchObject({ ok: true, value: { tabId, url: FEED_URL, verdict: { label: 'media' } } });
      await popup.close();
    });

    it('makes no network request', async () => {
      // Give a late request (a report, a retry) the chance to show up.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const requests = harness.requests;
      const network = requests.filter((request) => isNetworkUrl(request.url));

      const byExtension = network.filter((request) => request.fromExtension === true);
      expect(byExtension, 'requests from the worker, background page or extension pages').toEqual([]);

      // The blocking proxy cannot say who made these; none is expected at all.
      const escaped = network.filter((request) => request.outcome === 'escaped');
      expect(escaped, 'requests that got past interception').toEqual([]);

      // The fixture loads nothing, so anything else its tab asked for came from the content script.
      const fromFeed = network.filter((request) => request.initiator === FEED_URL).map((request) => request.url);
      expect(
        fromFeed.filter((url) => url !== FAVICON_URL),
        'requests from the feed tab',
      ).toEqual([]);

      // The log did see the fixture being served, so it is not empty for a wrong reason.
      expect(network.some((request) => request.url === FEED_URL && request.outcome === 'served')).toBe(true);
    });
  });
}
