import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reason } from '../../src/core/types';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll, type StoredTabState } from './harness';
import {
  type AttackResult,
  attackFeedHtml,
  FACEBOOK_GROUPS_URL,
  FACEBOOK_HTML,
  FEED_URL,
  LONG_FEED_URL,
  LONG_NETWORK_URL,
  networkMain,
} from './pages/hostile';

/**
 * The page as an adversary (issue 14): a site's own script faking the activity that would move its label,
 * and addresses longer than a report may carry.
 */

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Longer than the scheduler's 1.5 s between activity reports, with room for the worker's answer. */
const REPORT_WAIT_MS = 2_500;
const HEADLINE = '[data-testid="headline"]';

function activityReasons(state: StoredTabState | undefined): string[] {
  const reasons = (state?.verdict.reasons ?? []) as Reason[];
  return reasons.filter((reason) => reason.signal.startsWith('activity.')).map((r) => `${r.signal} ${r.weight}`);
}

for (const browser of availableBrowsers()) {
  (browser.available ? describe : describe.skip)(`${browser.name}: a hostile page`, () => {
    let harness: BrowserHarness;

    beforeAll(async () => {
      harness = await browser.launch();
    });

    afterAll(async () => {
      await harness?.close();
    });

    async function stateOf(page: HarnessPage): Promise<{ badge: string; state: StoredTabState | undefined }> {
      const tabId = await harness.tabIdOf(page);
      const [badge, states] = await Promise.all([harness.badgeText(tabId), harness.tabStates()]);
      return { badge, state: states.get(tabId) };
    }

    it('counts no activity the page fakes: synthetic keys, sends, scrolling and video', async () => {
      harness.serve(FEED_URL, attackFeedHtml());
      const page = await harness.open(FEED_URL);
      expect(await harness.waitForBadge(page, 'MED', 10_000)).toBe('MED');

      // Typing and sending, 12 s of it: enough to turn the feed mixed if it counted.
      const talk = await page.evaluate(
        (seconds) =>
          (window as unknown as { attack(k: string, s: number): Promise<AttackResult> }).attack('talk', seconds),
        12,
      );
      expect(talk.keys, 'the page dispatched its keys').toBe(120);
      expect(talk.enters).toBe(10);
      expect(talk.submits, 'requestSubmit fired the form submit each time').toBe(10);
      await delay(REPORT_WAIT_MS);
      const talked = await stateOf(page);
      expect(talked.badge).toBe('MED');
      expect(activityReasons(talked.state), 'activity counted from the page script').toEqual([]);

      // Scrolling and watching: synthetic events, and trusted ones the page caused itself.
      const consume = await page.evaluate(
        (seconds) =>
          (window as unknown as { attack(k: string, s: number): Promise<AttackResult> }).attack('consume', seconds),
        8,
      );
      expect(consume.scrolledTo, 'the page scrolled itself').toBeGreaterThan(1_500);
      expect(consume.playing, 'the muted video played').toBe(true);
      expect(consume.plays).toBeGreaterThan(1);
      await delay(REPORT_WAIT_MS);
      const consumed = await stateOf(page);
      expect(consumed.badge).toBe('MED');
      expect(activityReasons(consumed.state), 'activity counted from the page script').toEqual([]);
      await page.close();
    }, 90_000);

    it('still counts what the user does on that page: typing, a send by click, wheel scrolling, a video', async () => {
      harness.serve(FEED_URL, attackFeedHtml());
      const page = await harness.open(FEED_URL);
      expect(await harness.waitForBadge(page, 'MED', 10_000)).toBe('MED');
      await page.click('#comment-box');
      await page.type('Congratulations, Ada!', { delay: 40 });
      await page.click('#comment-form button[type="submit"]');
      // The page's own script plays the video, after the user has used the page: the user is watching.
      await page.evaluate(() => document.querySelector<HTMLVideoElement>('#clip')?.remove());
      await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        const paint = canvas.getContext('2d');
        let tick = 0;
        setInterval(() => paint?.fillRect(0, 0, ++tick % 16, 16), 100);
        const video = document.createElement('video');
        video.muted = true;
        video.srcObject = canvas.captureStream(10);
        document.querySelector('main')?.prepend(video);
        void video.play();
      });
      // Five seconds of the wheel, a tick every 100 ms.
      await page.clickAt(300, 300);
      for (let tick = 0; tick < 50; tick++) {
        await page.wheel(0, 40);
        await delay(100);
      }
      await delay(REPORT_WAIT_MS);
      const { state } = await stateOf(page);
      expect(
        activityReasons(state)
          .map((reason) => reason.split(' ')[0])
          .sort(),
      ).toEqual(['activity.scrolling', 'activity.sends', 'activity.typing', 'activity.watching']);
      await page.close();
    }, 60_000);

    it('labels a page whose address is 5,000 characters long, and follows a pushState to another one', async () => {
      expect(LONG_FEED_URL).toHaveLength(5_000);
      expect(LONG_NETWORK_URL).toHaveLength(5_000);
      harness.serve(LONG_FEED_URL, attackFeedHtml());
      const page = await harness.open(LONG_FEED_URL);
      expect(page.url()).toBe(LONG_FEED_URL);
      expect(await harness.waitForBadge(page, 'MED', 10_000)).toBe('MED');
      const feed = await stateOf(page);
      expect(feed.state?.verdict).toMatchObject({ label: 'media', pageType: 'feed' });
      // What the report carried: the origin and path, without the tracking payload.
      expect(feed.state?.url).toBe(FEED_URL);

      // The popup over the tab shows the verdict instead of waiting on "Checking this page…".
      const popup = await harness.popupPageFor(page);
      const headline = await poll(
        () => popup.textContent(HEADLINE),
        (text) => text === 'LinkedIn, as social media',
        5_000,
        50,
      );
      expect(headline).toBe('LinkedIn, as social media');
      await popup.close();

      // The app routes to the network page with tracking parameters of its own.
      const tabId = await harness.tabIdOf(page);
      await page.evaluate(
        ({ url, main }) => {
          history.pushState({}, '', url);
          const element = document.querySelector('main');
          if (element) element.innerHTML = main;
        },
        { url: LONG_NETWORK_URL, main: networkMain() },
      );
      const badge = await poll(
        () => harness.badgeText(tabId),
        (text) => text === 'NET',
        5_000,
        50,
      );
      expect(badge).toBe('NET');
      const network = await stateOf(page);
      expect(network.state?.verdict).toMatchObject({ label: 'networking', pageType: 'connections' });
      expect(network.state?.url).toBe('https://www.linkedin.com/mynetwork/');
      await page.close();
    });

    it('keeps the parameter that names the page when tracking parameters before it make the address long', async () => {
      expect(FACEBOOK_GROUPS_URL).toHaveLength(5_000);
      harness.serve(FACEBOOK_GROUPS_URL, FACEBOOK_HTML);
      const page = await harness.open(FACEBOOK_GROUPS_URL);
      expect(await harness.waitForBadge(page, 'NET', 10_000)).toBe('NET');
      const { state } = await stateOf(page);
      expect(state?.verdict).toMatchObject({ label: 'networking', pageType: 'group' });
      expect(state?.url).toBe('https://www.facebook.com/?filter=groups');
      await page.close();
    });
  });
}
