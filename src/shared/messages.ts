import { type ActivityCounts, isActivityCounts } from '../core/activity';
import type { PageFeatures, Verdict } from '../core/types';
import {
  type CustomSite,
  isCustomSite,
  isDomainShape,
  isNotePath,
  isRecord,
  isRetentionDays,
  NOTE_MAX_LENGTH,
  OVERRIDES,
  type SitePrefs,
} from '../storage/schema';

/**
 * The one message contract between content script, worker and extension pages. Every message that crosses a
 * context boundary is one of these; the worker validates shape and size before trusting any of it, and
 * accepts writes (notes, settings) only from the extension's own pages. Pages read storage directly.
 */
export type ContentMessage = { type: 'page-features'; features: PageFeatures; activity?: ActivityCounts };

export type PageMessage =
  | { type: 'get-tab-state'; tabId: number }
  | { type: 'classify-tab'; tabId: number }
  | { type: 'get-usage-today'; domain: string }
  | { type: 'set-site-prefs'; domain: string; change: Partial<SitePrefs> }
  | { type: 'save-note'; domain: string; path: string | null; text: string; reminder: boolean }
  | { type: 'delete-note'; domain: string; path: string | null }
  | { type: 'set-settings'; change: { sync?: boolean; retentionDays?: number } }
  | { type: 'save-custom-site'; site: CustomSite }
  | { type: 'remove-custom-site'; domain: string }
  | { type: 'apply-import'; text: string }
  | { type: 'delete-usage' }
  | { type: 'delete-backup'; key: string };

export type ExtensionMessage = ContentMessage | PageMessage;

/** What the worker answers a feature report with: a reminder to show, once per visit. */
export interface FeaturesReply {
  ok: true;
  reminder?: { text: string; dismiss: string };
}

/** Worker -> content script. */
export type ToContentMessage = { type: 'hide-reminder' };

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
/** An import file is re-read by the worker; a megabyte is far beyond any real export. */
export const MAX_IMPORT_MESSAGE_CHARS = 10 * 1024 * 1024;
const MAX_SIGNALS = 64;
const MAX_URL_LENGTH = 4096;

export function isPageFeatures(value: unknown): value is PageFeatures {
  if (!isRecord(value)) return false;
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

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isPrefsChange(value: unknown): value is Partial<SitePrefs> {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, v]) =>
    key === 'labeling' || key === 'reminder'
      ? typeof v === 'boolean'
      : key === 'override' && OVERRIDES.includes(v as SitePrefs['override']),
  );
}

function isSettingsChange(value: unknown): value is { sync?: boolean; retentionDays?: number } {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, v]) =>
    key === 'sync' ? typeof v === 'boolean' : key === 'retentionDays' && isRetentionDays(v),
  );
}

function parseFeatures(value: Record<string, unknown>): ContentMessage | null {
  if (!isPageFeatures(value.features)) return null;
  if (JSON.stringify(value.features).length > MAX_FEATURES_BYTES) return null;
  if (value.activity !== undefined && !isActivityCounts(value.activity)) return null;
  return {
    type: 'page-features',
    features: value.features,
    ...(value.activity ? { activity: value.activity as ActivityCounts } : {}),
  };
}

/** Narrow an untrusted runtime message to the contract, or null. */
export function parseMessage(value: unknown): ExtensionMessage | null {
  if (!isRecord(value)) return null;
  const v = value;
  switch (v.type) {
    case 'page-features':
      return parseFeatures(v);
    case 'get-tab-state':
    case 'classify-tab':
      return isTabId(v.tabId) ? { type: v.type, tabId: v.tabId } : null;
    case 'get-usage-today':
    case 'remove-custom-site':
      return isDomainShape(v.domain) ? { type: v.type, domain: v.domain } : null;
    case 'set-site-prefs':
      return isDomainShape(v.domain) && isPrefsChange(v.change)
        ? { type: 'set-site-prefs', domain: v.domain, change: v.change }
        : null;
    case 'save-note':
      return isDomainShape(v.domain) &&
        isNotePath(v.path) &&
        typeof v.text === 'string' &&
        v.text.length <= NOTE_MAX_LENGTH &&
        typeof v.reminder === 'boolean'
        ? { type: 'save-note', domain: v.domain, path: v.path, text: v.text, reminder: v.reminder }
        : null;
    case 'delete-note':
      return isDomainShape(v.domain) && isNotePath(v.path)
        ? { type: 'delete-note', domain: v.domain, path: v.path }
        : null;
    case 'set-settings':
      return isSettingsChange(v.change) ? { type: 'set-settings', change: v.change } : null;
    case 'save-custom-site':
      return isCustomSite(v.site) && !v.site.managed ? { type: 'save-custom-site', site: v.site } : null;
    case 'apply-import':
      return typeof v.text === 'string' && v.text.length <= MAX_IMPORT_MESSAGE_CHARS
        ? { type: 'apply-import', text: v.text }
        : null;
    case 'delete-usage':
      return { type: 'delete-usage' };
    case 'delete-backup':
      return typeof v.key === 'string' && v.key.startsWith('backup:') && v.key.length <= 512
        ? { type: 'delete-backup', key: v.key }
        : null;
    default:
      return null;
  }
}
