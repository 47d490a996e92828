import { ActivityMeter } from '../core/activity';
import { boundedUrl } from '../core/boundedUrl';
import { extractWith } from '../core/extract';
import type { ExtractionKnowledge } from '../core/knowledge';
import type { PageFeatures } from '../core/types';
import type { ToContentMessage } from '../shared/messages';
import { createSend } from '../shared/send';
import { watchActivity } from './activity';
import { hideReminder, showReminder } from './reminder';
import { ExtractionScheduler, type ReportRequest } from './scheduler';
import { standards } from './standardsSlot';

// Firefox's `browser` and Chrome's `chrome` both return promises in MV3; the polyfill would cost more bytes
// than the one call it would wrap.
/** Built from src/core/sites.ts at build time (vite.config.ts `define`). */
declare const __EXTRACTION_KNOWLEDGE__: ExtractionKnowledge;
const knowledge = __EXTRACTION_KNOWLEDGE__;

const runtime = ((globalThis as { browser?: typeof chrome }).browser ?? chrome).runtime;
const send = createSend((message) => runtime.sendMessage(message));

/**
 * The worker's only message to a page is to hide the reminder, so the listener comes with the first reminder:
 * a page load without one does not pay for it (about 0.1 ms, bench profile).
 */
let hideListener = false;
function listenForHide(): void {
  if (hideListener) return;
  hideListener = true;
  runtime.onMessage.addListener((message: ToContentMessage) => {
    if (message?.type === 'hide-reminder') hideReminder();
  });
}

interface ContentState {
  reportNow(): void;
}

const GLOBAL_KEY = '__reachOrRelate';
const URL_POLL_MS = 250;
/**
 * More added nodes than this between two readings, and the next one reads the whole page. Collecting and
 * checking added nodes one by one costs more than whole-document queries once there are thousands of them
 * (the bench's feed adds 100 posts a second): past the limit the observer only counts again.
 */
const ADDED_LIMIT = 256;
/** A reading of the whole page at least this often while the page keeps changing. */
const FULL_READ_MS = 60_000;
const scope = globalThis as typeof globalThis & { [GLOBAL_KEY]?: ContentState };

function start(): ContentState {
  let lastUrl = location.href;
  let lastSent = '';
  const meter = new ActivityMeter({ now: () => performance.now() });

  // Read in the first report, after the listeners below are set up: once, not twice.
  let features: PageFeatures | undefined;
  let featuresKey = '';
  // Nodes added since the last reading, for a re-read that looks only at them (extractWith's `since`); null
  // when they were too many or went unseen (hidden tab), and the next reading reads the whole page.
  let added: Node[] | null = null;
  let fullAt = 0;

  /** Sends the page's features (read again when asked) and activity; answers whether the reading changed. */
  function report(request: ReportRequest, force = false): boolean {
    let changed = false;
    if (request.extract || force) {
      const sameUrl = location.href === lastUrl;
      if (!sameUrl) meter.reset();
      lastUrl = location.href;
      // Whatever the additions, the whole page is read again now and then: attributes are not observed.
      const now = performance.now();
      const since =
        features && added && sameUrl && !force && !request.urlChanged && now - fullAt < FULL_READ_MS
          ? { previous: features, added }
          : undefined;
      if (!since) fullAt = now;
      features = extractWith(knowledge, document, location, standards.read, since);
      added = [];
      // The worker refuses reports with addresses of tracking-parameter length; this keeps what classifies.
      features.url = boundedUrl(features.url);
      const key = JSON.stringify(features);
      changed = key !== featuresKey;
      featuresKey = key;
    }
    if (!features) return changed;
    const activity = meter.snapshot();
    const key = `${featuresKey}${JSON.stringify(activity)}`;
    if (key === lastSent && !force) return changed;
    lastSent = key;
    // The worker may be asleep or reloading; a lost report is replaced by the next one.
    send({ type: 'page-features', features, activity })
      .then((reply) => {
        if (!reply.reminder) return;
        listenForHide();
        showReminder(reply.reminder.text, reply.reminder.dismiss);
      })
      .catch(() => {});
    return changed;
  }

  const scheduler = new ExtractionScheduler(report, {
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
  });

  const checkUrl = () => {
    if (location.href !== lastUrl) scheduler.noteUrlChange();
  };

  // Single-page apps route with the History API. The Navigation API reports that where it exists (for
  // pushState, back and forward, and fragments alike); elsewhere popstate, hashchange and a string comparison a
  // few times a second while the tab is visible do, which costs far less than checking on every DOM change of a
  // busy feed.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', checkUrl);
  } else {
    addEventListener('popstate', checkUrl);
    addEventListener('hashchange', checkUrl);
  }
  let poll: ReturnType<typeof setInterval> | undefined;
  const pollUrl = (on: boolean) => {
    clearInterval(poll);
    if (on && !navigation) poll = setInterval(checkUrl, URL_POLL_MS);
  };

  const observer = new MutationObserver((records) => {
    for (let i = 0; added && i < records.length; i++) {
      const nodes = (records[i] as MutationRecord).addedNodes;
      for (let j = 0; added && j < nodes.length; j++) {
        if (added.push(nodes[j] as Node) > ADDED_LIMIT) added = null;
      }
    }
    scheduler.noteMutations(records.length);
  });
  const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });

  watchActivity(meter, () => scheduler.noteActivity());

  document.addEventListener('visibilitychange', () => {
    const hidden = document.visibilityState === 'hidden';
    meter.setHidden(hidden);
    pollUrl(!hidden);
    if (hidden) {
      observer.disconnect();
      added = null;
    } else {
      observe();
      checkUrl();
    }
    scheduler.setHidden(hidden);
  });

  if (document.visibilityState !== 'hidden') observe();
  scheduler.setHidden(document.visibilityState === 'hidden');
  pollUrl(document.visibilityState !== 'hidden');
  report({ extract: true, urlChanged: false }, true);
  return { reportNow: () => report({ extract: true, urlChanged: false }, true) };
}

// Injected again on demand (toolbar click on an unlisted site): report once more instead of watching twice.
const existing = scope[GLOBAL_KEY];
if (existing) existing.reportNow();
else scope[GLOBAL_KEY] = start();
