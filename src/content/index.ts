import { extractFeatures } from '../core/features';
import type { ContentMessage } from '../shared/messages';

// Firefox's `browser` and Chrome's `chrome` both return promises in MV3; the polyfill would cost more bytes
// than the one call it would wrap.
const runtime = ((globalThis as { browser?: typeof chrome }).browser ?? chrome).runtime;

function report(): void {
  const features = extractFeatures(document, location.href);
  const message: ContentMessage = { type: 'page-features', features };
  // The worker may be asleep or reloading; a lost report is replaced by the next one.
  runtime.sendMessage(message).catch(() => {});
}

report();
