/** Waiting, in the service worker, for the right badge on a tab: the bench's clock for "the page is labelled". */
import type { Page } from 'playwright-core';
import { BADGE_TEXT } from '../../src/background/badge';
import type { BenchBrowser } from './browser';

const BADGE_TIMEOUT_MS = 5_000;

export interface BadgePollArgs {
  tabId: number;
  /** Wall-clock ms: only a tab state stored at or after this counts. */
  since: number;
  /** The page URL the state must be for, or null for any. */
  url: string | null;
  texts: Record<string, string>;
  timeoutMs: number;
}

export interface BadgePollResult {
  /** Wall-clock ms at the end of the first poll that saw the right badge; null on timeout. */
  at: number | null;
  /** Wall-clock ms at the start of the poll before it: the badge changed after this. */
  notBefore: number | null;
  label: string | null;
  polls: number;
  maxGapMs: number;
}

/**
 * Worker-side (serialized): every 5 ms, reads the tab's stored state and its badge text; done once a state for
 * this page stored after `since` is there and the badge shows that state's label. The badge is set right after
 * the state is stored (labelTab), so the badge text is what decides the time.
 */
function startBadgePoll(args: BadgePollArgs): boolean {
  const scope = globalThis as { __rorBadgePoll?: Promise<unknown> };
  scope.__rorBadgePoll = (async () => {
    const key = `tab:${args.tabId}`;
    const start = Date.now();
    let polls = 0;
    let maxGapMs = 0;
    let previous = start;
    for (;;) {
      const pollStart = Date.now();
      maxGapMs = Math.max(maxGapMs, pollStart - previous);
      const [stored, text] = await Promise.all([
        chrome.storage.session.get(key),
        chrome.action.getBadgeText({ tabId: args.tabId }),
      ]);
      polls++;
      const state = stored[key] as { url: string; updatedAt: number; verdict: { label: string } } | undefined;
      if (state && state.updatedAt >= args.since && (args.url === null || state.url === args.url)) {
        if (text === args.texts[state.verdict.label]) {
          return { at: Date.now(), notBefore: previous, label: state.verdict.label, polls, maxGapMs };
        }
      }
      if (Date.now() - start > args.timeoutMs) return { at: null, notBefore: null, label: null, polls, maxGapMs };
      previous = pollStart;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return true;
}

function awaitBadgePoll(): Promise<unknown> {
  return (globalThis as { __rorBadgePoll?: Promise<unknown> }).__rorBadgePoll ?? Promise.resolve(null);
}

export async function badgePoll(
  browser: BenchBrowser,
  args: Omit<BadgePollArgs, 'texts' | 'timeoutMs'> & { timeoutMs?: number },
): Promise<() => Promise<BadgePollResult>> {
  await browser.evaluateInWorker(startBadgePoll, {
    ...args,
    texts: BADGE_TEXT,
    timeoutMs: args.timeoutMs ?? BADGE_TIMEOUT_MS,
  });
  return async () => (await browser.evaluateInWorker(awaitBadgePoll, undefined)) as BadgePollResult;
}

export async function tabIdOf(browser: BenchBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.evaluateInWorker(async () => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.length === 1 ? (tabs[0]?.id ?? null) : null;
  }, undefined);
  if (id === null) throw new Error('no single active tab');
  return id;
}
