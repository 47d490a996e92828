/** In-page URL changes (history.pushState) and how soon the badge follows them. */
import { badgePoll, tabIdOf } from './badgePoll';
import type { BenchBrowser } from './browser';
import { sleep } from './sleep';

export interface UrlChangeSample {
  from: string;
  to: string;
  /** From just before history.pushState (page clock) to the poll that saw the right badge (worker clock). */
  latencyMs: number | null;
  label: string | null;
}

/**
 * In-page URL changes: pushState between two routes of a single-page app that the extension labels
 * differently, waiting for the right badge after each. No DOM change goes with the pushState, so the content
 * script has to notice the URL change by itself.
 */
export async function measureUrlChanges(
  browser: BenchBrowser,
  urls: [string, string],
  changes: number,
): Promise<{ samples: UrlChangeSample[]; initial: number | null; state: unknown }> {
  const page = await browser.context.newPage();
  try {
    const tabId = await tabIdOf(browser, page);
    const since = Date.now();
    const first = await badgePoll(browser, { tabId, since, url: urls[0] });
    await page.goto(urls[0], { waitUntil: 'load' });
    const initial = await first();
    const samples: UrlChangeSample[] = [];
    for (let i = 0; i < changes; i++) {
      const from = urls[i % 2] as string;
      const to = urls[(i + 1) % 2] as string;
      const finish = await badgePoll(browser, { tabId, since: Date.now(), url: to });
      const t0 = await page.evaluate((target) => {
        const at = Date.now();
        history.pushState(null, '', target);
        return at;
      }, to);
      const polled = await finish();
      samples.push({ from, to, latencyMs: polled.at === null ? null : polled.at - t0, label: polled.label });
      await sleep(100);
    }
    const state = await browser.evaluateInWorker(
      async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`],
      tabId,
    );
    return { samples, initial: initial.at, state };
  } finally {
    await page.close().catch(() => {});
  }
}
