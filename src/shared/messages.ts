import { type ActivityCounts, isActivityCounts } from '../core/activity';
import type { PageFeatures, Verdict } from '../core/types';
import { isSitePrefs, type SitePrefs } from '../storage/schema';

/**
 * The one message contract between content script, worker and popup. Every message that crosses a context
 * boundary is one of these; the worker validates shape and size before trusting any of it.
 */
export type ContentMessage = { type: 'page-features'; features: PageFeatures; activity?: ActivityCounts };
export type PopupMessage =
  | { type: 'get-tab-state'; tabId: number }
  | { type: 'classify-tab'; tabId: number }
  | { type: 'get-usage-today'; domain: string }
  | { type: 'set-site-prefs'; domain: string; change: Partial<SitePrefs> };
export type ExtensionMessage = ContentMessage | PopupMessage;

export interface TabState {
  tabId: number;
  url: string;
  /** Registrable domain: the key of the site's preferences. */
  domain: string | null;
  /** What the user sees: the classifier's verdict with the user's override applied. */
  verdict: Verdict;
  /** The classifier's own verdict, before any override. */
  automatic: Verdict;
  prefs: SitePrefs;
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

function isDomain(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 253;
}

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Narrow an untrusted runtime message to the contract, or null. */
export function parseMessage(value: unknown): ExtensionMessage | null {
  if (!isObject(value)) return null;
  if (value.type === 'page-features') {
    if (!isPageFeatures(value.features)) return null;
    if (JSON.stringify(value.features).length > MAX_FEATURES_BYTES) return null;
    if (value.activity !== undefined && !isActivityCounts(value.activity)) return null;
    return {
      type: 'page-features',
      features: value.features,
      ...(value.activity ? { activity: value.activity as ActivityCounts } : {}),
    };
  }
  if (value.type === 'get-tab-state' || value.type === 'classify-tab') {
    return isTabId(value.tabId) ? { type: value.type, tabId: value.tabId } : null;
  }
  if (value.type === 'get-usage-today') {
    return isDomain(value.domain) ? { type: 'get-usage-today', domain: value.domain } : null;
  }
  if (value.type === 'set-site-prefs') {
    const { domain, change } = value;
    if (!isDomain(domain) || !isObject(change)) return null;
    const merged = { labeling: true, override: 'auto', ...change };
    if (!isSitePrefs(merged) || Object.keys(change).some((k) => k !== 'labeling' && k !== 'override')) return null;
    return { type: 'set-site-prefs', domain, change: change as Partial<SitePrefs> };
  }
  return null;
}
