import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll, ROOT, type StoredTabState } from './harness';
import { activityReasons, tabLabelOf } from './harness/tabLabel';
import {
  type AttackResult,
  attackFeedHtml,
  FACEBOOK_GROUPS_URL,
  FACEBOOK_HTML,
  FEED_URL,
  LONG_FEED_URL,
  LONG_NETWORK_URL,
  networkMain,
  type Observed,
  observedFeedHtml,
} from './pages/hostile';

/**
 * The page as an adversary (issue 14): a site's own script faking the activity that would move its label,
 * addresses longer than a report may carry, a script looking for the extension and for the words of the
 * user's note while its reminder shows, and (Chromium) the content script's own world reaching for storage.
 */

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Longer than the scheduler's 1.5 s between activity reports, with room for the worker's answer. */
const REPORT_WAIT_MS = 2_500;
const HEADLINE = '[data-testid="headline"]';
const OUTPUT_DIR = join(ROOT, 'test-output', 'hostile');
mkdirSync(OUTPUT_DIR, { recursive: true });

const NOTE_KEY = 'note:linkedin.com';
/** Words a site could guess: the user's intention about the site, with a name in it. */
const NOTE_TEXT = 'Only answer Margarethe about the Hamburg job, then close the tab.';
const GUESSES = ['Margarethe', 'Hamburg job', 'close the tab'];
const REMINDER_TAG = 'reach-or-relate-reminder';

/** What the page's own script sees of the extension's reminder. Serialized into the page: self-contained. */
function pageProbe({ text, guesses, tag }: { text: string; guesses: string[]; tag: string }) {
  const find = (words: string) => {
    getSelection()?.removeAllRanges();
    return (window as unknown as { find(s: string): boolean }).find(words);
  };
  const host = document.querySelector(tag);
  let attachShadow = 'allowed';
  try {
    host?.attachShadow({ mode: 'open' });
  } catch (error) {
    attachShadow = (error as Error).name;
  }
  const selection = getSelection();
  selection?.selectAllChildren(document.documentElement);
  const selected = selection?.toString() ?? '';
  selection?.removeAllRanges();
  // The rendered text is the point: what a page reads of what shows.
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is what is rendered, shadow trees aside
  const rendered = `${document.documentElement.innerText}\n${document.documentElement.textContent}\n${selected}`;
  return {
    findNote: find(text),
    findGuesses: guesses.map(find),
    findDismiss: find('Got it'),
    findPageText: find('Ada Lovelace'),
    inPageText: guesses.some((words) => rendered.includes(words)),
    host: host
      ? {
          attributes: host.getAttributeNames(),
          children: host.childNodes.length,
          shadowRoot: host.shadowRoot === null,
          attachShadow,
          size: [host.getBoundingClientRect().width, host.getBoundingClientRect().height],
        }
      : null,
  };
}

function activityReasonTexts(state: StoredTabState | undefined): string[] {
  return activityReasons(state).map((r) => `${r.signal} ${r.weight}`);
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

    const stateOf = (page: HarnessPage) => tabLabelOf(harness, page);

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
      expect(activityReasonTexts(talked.state), 'activity counted from the page script').toEqual([]);

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
      expect(activityReasonTexts(consumed.state), 'activity counted from the page script').toEqual([]);
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
        activityReasonTexts(state)
          .map((reason) => reason.split(' ')[0])
          .sort(),
      ).toEqual(['activity.scrolling', 'activity.sends', 'activity.typing', 'activity.watching']);
      await page.close();
    }, 60_000);

    it('leaves nothing in the page where it shows no reminder: no node, attribute or global', async () => {
      harness.serve(FEED_URL, observedFeedHtml());
      const page = await harness.open(FEED_URL);
      expect(await harness.waitForBadge(page, 'MED', 10_000)).toBe('MED');
      // A route change and the user's typing: the content script reads the page again and reports.
      const tabId = await harness.tabIdOf(page);
      const before = (await harness.tabStates()).get(tabId)?.updatedAt ?? 0;
      await page.evaluate(() => history.pushState({}, '', '/feed/?sortBy=RECENT'));
      await poll(
        async () => (await harness.tabStates()).get(tabId)?.updatedAt ?? 0,
        (at) => at > before,
        5_000,
        50,
      );
      await page.clickAt(200, 200);
      await page.type('hello', { delay: 30 });
      await delay(REPORT_WAIT_MS);
      const observed = await page.evaluate(() => (window as unknown as { observed(): Observed }).observed());
      expect(observed).toEqual({ records: [], newGlobals: [] });
      await page.close();
    });

    it.skipIf(browser.name !== 'chromium')(
      "keeps notes and settings out of the content script's reach (storage.local, sync and session)",
      async () => {
        await harness.evaluateInExtension((item) => chrome.storage.local.set({ [item.key]: item.note }), {
          key: NOTE_KEY,
          note: { domain: 'linkedin.com', path: null, text: NOTE_TEXT, reminder: false, updatedAt: Date.now() },
        });
        harness.serve(FEED_URL, observedFeedHtml());
        const page = await harness.open(FEED_URL);
        expect(await harness.waitForBadge(page, 'MED', 10_000)).toBe('MED');
        const evaluate = page.evaluateInContentScript?.bind(page);
        if (!evaluate) throw new Error('the Chromium harness evaluates in the content script');
        // What any code in the content script's world (a bug, a compromised dependency) could do with storage.
        const seen = (await evaluate(`(async () => {
          const read = async (name) => {
            const area = chrome.storage?.[name];
            if (!area) return 'absent';
            try { return JSON.stringify(await area.get(null)); } catch (error) { return 'refused'; }
          };
          let write = 'written';
          try { await chrome.storage.local.set({ 'note:example.com': { text: 'forged' } }); } catch { write = 'refused'; }
          return {
            world: typeof chrome.runtime.sendMessage,
            local: await read('local'),
            sync: await read('sync'),
            session: await read('session'),
            write,
          };
        })()`)) as Record<string, string>;
        console.info(`${browser.name}: storage from the content script's world`, seen);
        expect(seen.world, 'the content script world, with its extension APIs').toBe('function');
        for (const area of ['local', 'sync', 'session'] as const) {
          expect(seen[area] === 'absent' || seen[area] === 'refused' || seen[area] === '{}', area).toBe(true);
        }
        expect(seen.write).toBe('refused');
        const stored = await harness.evaluateInExtension(() => chrome.storage.local.get(null));
        expect(stored['note:example.com']).toBeUndefined();
        expect(stored[NOTE_KEY]).toMatchObject({ text: NOTE_TEXT });
        await page.close();
      },
    );

    it("keeps the note's words from the page while its reminder shows, and shows the page one bare element", async () => {
      await harness.evaluateInExtension((item) => chrome.storage.local.set({ [item.key]: item.note }), {
        key: NOTE_KEY,
        note: { domain: 'linkedin.com', path: null, text: NOTE_TEXT, reminder: true, updatedAt: Date.now() },
      });
      harness.serve(FEED_URL, observedFeedHtml());
      const page = await harness.open(FEED_URL);
      const shown = await poll(
        () => page.evaluate((tag) => document.querySelector(tag) !== null, REMINDER_TAG),
        Boolean,
        10_000,
        50,
      );
      expect(shown, 'the reminder shows').toBe(true);
      await page.screenshot(join(OUTPUT_DIR, `${browser.name}-reminder.png`), { width: 800 });

      const probe = await page.evaluate(pageProbe, { text: NOTE_TEXT, guesses: GUESSES, tag: REMINDER_TAG });
      expect(probe).toEqual({
        findNote: false,
        findGuesses: [false, false, false],
        findDismiss: false,
        // The page's own text is found: the search itself works.
        findPageText: true,
        inPageText: false,
        // A closed root, an element of no size with nothing in it: all that remains for the page to see.
        host: { attributes: [], children: 0, shadowRoot: true, attachShadow: 'NotSupportedError', size: [0, 0] },
      });
      const observed = await page.evaluate(() => (window as unknown as { observed(): Observed }).observed());
      expect(observed).toEqual({
        records: [
          {
            type: 'childList',
            target: 'HTML',
            attribute: null,
            added: [REMINDER_TAG.toUpperCase()],
            removed: [],
          },
        ],
        newGlobals: [],
      });
      if (browser.name === 'chromium') {
        // A screen reader still reads the note and the button.
        const texts = (await page.accessibleTexts?.()) ?? [];
        expect(texts).toContain(NOTE_TEXT);
        expect(texts).toContain('Got it');
      }
      await page.close();
    });

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
