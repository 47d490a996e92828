import type { PageFeatures, Verdict } from '../core/types';

/**
 * The one message contract between content script, worker and popup. Every message that crosses a context
 * boundary is one of these; the worker validates shape and size before trusting any of it.
 */
export type ContentMessage = { type: 'page-features'; features: PageFeatures };
export type PopupMessage = { type: 'get-tab-state'; tabId: number };
export type ExtensionMessage = ContentMessage | PopupMessage;

export interface TabState {
  tabId: number;
  url: string;
  verdict: Verdict;
  updatedAt: number;
}

/** Feature reports larger than this are refused: a real report is well under 4 KB. */
export const MAX_FEATURES_BYTES = 16 * 1024;
const MAX_SIGNALS = 64;
const MAX_URL_LENGTH = 4096;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPageFeatures(value: unknown): value is PageFeatures {
  if (!isObject(value)) return false;
  const { url, siteId, detectedBy, signalPageType, signals, embeds, hasDocument } = value;
  return (
    typeof url === 'string' &&
    url.length <= MAX_URL_LENGTH &&
    (siteId === null || (typeof siteId === 'string' && siteId.length <= 64)) &&
    (detectedBy === null || detectedBy === 'domain' || detectedBy === 'fingerprint') &&
    (signalPageType === null || (typeof signalPageType === 'string' && signalPageType.length <= 32)) &&
    Array.isArray(signals) &&
    signals.length <= MAX_SIGNALS &&
    signals.every((s) => typeof s === 'string' && s.length <= 64) &&
    typeof embeds === 'number' &&
    Number.isFinite(embeds) &&
    typeof hasDocument === 'boolean'
  );
}

/** Narrow an untrusted runtime message to the contract, or null. */
export function parseMessage(value: unknown): ExtensionMessage | null {
  if (!isObject(value)) return null;
  if (value.type === 'page-features') {
    if (!isPageFeatures(value.features)) return null;
    if (JSON.stringify(value.features).length > MAX_FEATURES_BYTES) return null;
    return { type: 'page-features', features: value.features };
  }
  if (value.type === 'get-tab-state') {
    return Number.isInteger(value.tabId) ? { type: 'get-tab-state', tabId: value.tabId as number } : null;
  }
  return null;
}
