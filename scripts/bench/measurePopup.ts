/** The popup's paint over a labelled tab, and the paint floor of a trivial page it is compared with. */
import { tabIdOf } from './badgePoll';
import type { BenchBrowser } from './browser';

/** First paint of a trivial data: page in the same browser: the floor that headless painting sets here. */
export async function measureTrivialPaint(browser: BenchBrowser): Promise<number | null> {
  const page = await browser.context.newPage();
  try {
    await page.goto('data:text/html,<!doctype html><title>paint</title><p>Reach or Relate</p>', { waitUntil: 'load' });
    await page
      .waitForFunction(() => performance.getEntriesByType('paint').length > 0, undefined, {
        timeout: 3_000,
        polling: 20,
      })
      .catch(() => {});
    return await page.evaluate(() => performance.getEntriesByName('first-paint', 'paint')[0]?.startTime ?? null);
  } finally {
    await page.close().catch(() => {});
  }
}

export interface PopupSample {
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  /** When the popup's main element stopped being aria-busy (the verdict is in the DOM), ms after navigation. */
  verdictInDomMs: number | null;
  headline: string | null;
}

/**
 * Opens the popup page in a tab of its own whose stored state holds a real verdict (a copy of `state` under
 * this tab's id and URL), so that it renders the verdict view as over a labelled tab.
 */
export async function measurePopup(browser: BenchBrowser, state: Record<string, unknown>): Promise<PopupSample> {
  const url = `${browser.extensionOrigin}/src/popup/index.html`;
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const scope = globalThis as { __rorVerdictAt?: number };
        if (scope.__rorVerdictAt === undefined && document.querySelector('main[aria-busy="false"]')) {
          scope.__rorVerdictAt = performance.now();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const tabId = await tabIdOf(browser, page);
    await browser.evaluateInWorker(
      async (args) => {
        await chrome.storage.session.set({
          [`tab:${args.tabId}`]: { ...args.state, tabId: args.tabId, url: args.url },
        });
      },
      { tabId, state, url },
    );
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(
        () =>
          performance.getEntriesByType('paint').length >= 2 &&
          (globalThis as { __rorVerdictAt?: number }).__rorVerdictAt !== undefined,
        undefined,
        { timeout: 5_000, polling: 20 },
      )
      .catch(() => {});
    return await page.evaluate(() => {
      const [fp, fcp] = ['first-paint', 'first-contentful-paint'].map(
        (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null,
      );
      return {
        firstPaintMs: fp ?? null,
        firstContentfulPaintMs: fcp ?? null,
        verdictInDomMs: (globalThis as { __rorVerdictAt?: number }).__rorVerdictAt ?? null,
        headline: document.querySelector('h1')?.textContent?.trim() ?? null,
      };
    });
  } finally {
    await page.close().catch(() => {});
  }
}
