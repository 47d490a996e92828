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

interface ContentState {
  reportNow(): void;
}

const GLOBAL_KEY = '__reachOrRelate';
const URL_POLL_MS = 250;
const scope = globalThis as typeof globalThis & { [GLOBAL_KEY]?: ContentState };

function start(): ContentState {
  let lastUrl = location.href;
  let lastSent = '';
  const meter = new ActivityMeter({ now: () => performance.now() });

  // Read in the first report, after the listeners below are set up: once, not twice.
  let features: PageFeatures | undefined;
  let featuresKey = '';

  /** Sends the page's features (read again when asked) and activity; answers whether the reading changed. */
  function report(request: ReportRequest, force = false): boolean {
    let changed = false;
    if (request.extract || force) {
      if (location.href !== lastUrl) meter.reset();
      lastUrl = location.href;
      features = extractWith(knowledge, document, location, standards.read);
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
        if (reply.reminder) showReminder(reply.reminder.text, reply.reminder.dismiss);
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

  // Single-page apps route with the History API. The Navigation API reports that where it exists; elsewhere a
  // string comparison a few times a second while the tab is visible does, which costs far less than checking
  // on every DOM change of a busy feed.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', checkUrl);
  addEventListener('popstate', checkUrl);
  addEventListener('hashchange', checkUrl);
  let poll: ReturnType<typeof setInterval> | undefined;
  const pollUrl = (on: boolean) => {
    clearInterval(poll);
    if (on && !navigation) poll = setInterval(checkUrl, URL_POLL_MS);
  };

  const observer = new MutationObserver((records) => scheduler.noteMutations(records.length));
  const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });

  watchActivity(meter, () => scheduler.noteActivity());
  runtime.onMessage.addListener((message: ToContentMessage) => {
    if (message?.type === 'hide-reminder') hideReminder();
  });

  document.addEventListener('visibilitychange', () => {
    const hidden = document.visibilityState === 'hidden';
    meter.setHidden(hidden);
    pollUrl(!hidden);
    if (hidden) {
      observer.disconnect();
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
