/**
 * Shared vocabulary of the classifier. Everything here is plain data so that features and verdicts can cross
 * the content-script / worker boundary and be stored as JSON.
 */

export type Label = 'media' | 'networking' | 'mixed' | 'none';
export type Side = 'media' | 'networking';
/** A platform's usual use; `both` for sites that are genuinely both (Facebook, Reddit). */
export type Lean = Side | 'both';

export const PAGE_TYPES = [
  'feed',
  'short-video',
  'video',
  'live',
  'stories',
  'explore',
  'search',
  'post',
  'creator-profile',
  'person-profile',
  'messages',
  'connections',
  'group',
  'thread',
  'forum',
  'event',
  'jobs',
  'company',
  'notifications',
  'marketplace',
  'settings',
  'info',
  'unknown',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** A rule that names the page type from the URL. The first matching rule of a site wins. */
export interface UrlRule {
  pageType: PageType;
  /** Tested against `url.pathname` (case-insensitive patterns are the rule's own business). */
  path?: RegExp;
  /** Restricts the rule to these host names (exact match, e.g. `web.whatsapp.com`). */
  hosts?: string[];
  /** Tested against `url.search`, e.g. /[?&]v=/ for a watch page. */
  search?: RegExp;
  /** Tested against `url.hash`, for sites with hash routing (web.telegram.org/k/#@name). */
  hash?: RegExp;
  /** The address alone cannot tell (facebook.com/<name> is a person or a Page): a page signal that names a
   * page type wins over this rule. */
  weak?: boolean;
}

/**
 * Evidence read from the page. Prefer stable signals: ARIA roles, data-testid, custom elements, meta tags,
 * ids. Each selector costs one `querySelector`, so keep a site's list short.
 */
export interface PageSignal {
  /** Stable id, unique across the project: `<site>.<what>`, e.g. `linkedin.invitation-card`. */
  id: string;
  selector: string;
  side: Side;
  /** How much this signal counts, 0..1. A page-type-defining signal is about 0.5; a hint about 0.2. */
  weight: number;
  /** Plain words for the popup: "a list of connection requests". */
  text: string;
  /** When set, the signal also names the page type where the URL did not (single-page apps, hash routing). */
  pageType?: PageType;
}

/** A known platform, recognised by its registrable domain. One file per platform under `platforms/`. */
export interface PlatformDefinition {
  id: string;
  name: string;
  lean: Lean;
  /** Registrable domains (eTLD+1 as `tldts` computes them), e.g. `twitter.com`, `x.com`, `youtu.be`. */
  domains: string[];
  /**
   * When only some hosts of a registrable domain are social (web.whatsapp.com, not whatsapp.com). A domain none
   * of these hosts belongs to keeps all its hosts (discourse.org is limited to meta.discourse.org,
   * discourse.group is not).
   */
  hosts?: string[];
  urlRules: UrlRule[];
  signals?: PageSignal[];
  /** Page type when no URL rule matches; defaults to `unknown`. */
  fallbackPageType?: PageType;
}

/** Cheap ways to recognise community software on any domain, checked without scanning the page body. */
export interface Fingerprint {
  /**
   * One CSS selector that pages of the software match: a meta tag (`meta[name="generator" i][content^="…"]`), an
   * id, an attribute of `<html>` or `<body>`, an element. Plain CSS rather than patterns, so that detection on a
   * page of no community software is one query over all of them, with no regular expression to compile.
   */
  selector: string;
  /** Text the software itself hard-codes, never translated (Pleroma's `<noscript>` notice): the first element
   * matching the selector must start with one of these, leading white space aside, within 300 characters. */
  text?: string[];
  /** Certainty that this alone identifies the software, 0..1. The site counts as detected at >= 0.5 in sum. */
  weight: number;
}

/** Community software (fediverse servers, forums) recognised from the page itself on any domain. */
export interface CommunityDefinition extends PlatformDefinition {
  kind: 'fediverse' | 'forum';
  fingerprints: Fingerprint[];
}

export type SiteDefinition = PlatformDefinition | CommunityDefinition;

/** What the content script sends: small and serialisable. Built by `extractFeatures`. */
export interface PageFeatures {
  /** The page address, as the document reports it. */
  url: string;
  /** Definition id: a platform recognised by domain, or community software recognised by fingerprint. */
  siteId: string | null;
  detectedBy: 'domain' | 'fingerprint' | null;
  /** Page type named by a page signal, when the URL rules could not name it. */
  signalPageType: PageType | null;
  /** Ids of page signals present in the document (site signals and generic ones). */
  signals: string[];
  /** Number of embedded social widgets (embedded posts, videos, share buttons, comment plugins). */
  embeds: number;
  /** False when classifying from the URL alone. */
  hasDocument: boolean;
}

export interface Reason {
  signal: string;
  leans: Side | 'neutral';
  weight: number;
  text: string;
}

export interface Verdict {
  label: Label;
  confidence: number;
  platform: { id: string; name: string; lean: Lean } | null;
  pageType: PageType;
  reasons: Reason[];
}
