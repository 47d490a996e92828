import { EMBED_COUNT_CAP, EMBED_SELECTOR, GENERIC_SIGNALS } from './genericSignals';
import { communities } from './communities';
import { siteForUrl } from './sites';
import type { CommunityDefinition, Fingerprint, PageFeatures, PageSignal, PageType } from './types';

/** Head elements read for meta fingerprints; real heads have a few dozen, hostile ones may have millions. */
const MAX_HEAD_ELEMENTS = 400;
const DETECTION_THRESHOLD = 0.5;

/** The minimal DOM surface extraction needs, so that Node DOM implementations can be passed in too. */
export type DocumentLike = Pick<Document, 'querySelector' | 'querySelectorAll' | 'getElementById'> & {
  head?: Element | null;
  body?: Element | null;
  documentElement?: Element | null;
};

function safeQuery(doc: DocumentLike, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

/** Meta tags of the head by `name` or `property`, lower-cased keys; bounded by MAX_HEAD_ELEMENTS. */
function readHeadMeta(doc: DocumentLike): Map<string, string> {
  const meta = new Map<string, string>();
  const head = doc.head;
  if (!head) return meta;
  const children = head.children;
  const limit = Math.min(children.length, MAX_HEAD_ELEMENTS);
  for (let i = 0; i < limit; i++) {
    const el = children[i];
    if (!el || el.tagName !== 'META') continue;
    const key = el.getAttribute('name') ?? el.getAttribute('property');
    const content = el.getAttribute('content');
    if (key && content !== null && !meta.has(key.toLowerCase())) meta.set(key.toLowerCase(), content.slice(0, 200));
  }
  return meta;
}

function fingerprintMatches(doc: DocumentLike, meta: Map<string, string>, fp: Fingerprint): boolean {
  if (fp.meta) {
    const content = meta.get(fp.meta.key.toLowerCase());
    if (content === undefined || !fp.meta.content.test(content)) return false;
  }
  if (fp.id && !doc.getElementById(fp.id)) return false;
  if (fp.root) {
    const el = fp.root.element === 'html' ? doc.documentElement : doc.body;
    const value = el?.getAttribute(fp.root.attribute);
    if (value == null || !fp.root.value.test(value)) return false;
  }
  if (fp.selector && !safeQuery(doc, fp.selector)) return false;
  return true;
}

/** The community software whose fingerprints the page carries most strongly, if any reaches the threshold. */
export function detectCommunity(doc: DocumentLike): CommunityDefinition | null {
  const meta = readHeadMeta(doc);
  let best: CommunityDefinition | null = null;
  let bestScore = 0;
  for (const community of communities) {
    let score = 0;
    for (const fp of community.fingerprints) {
      if (fingerprintMatches(doc, meta, fp)) score += fp.weight;
    }
    if (score >= DETECTION_THRESHOLD && score > bestScore) {
      best = community;
      bestScore = score;
    }
  }
  return best;
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function emptyFeatures(url: string, hasDocument: boolean): PageFeatures {
  return { url, siteId: null, detectedBy: null, signalPageType: null, signals: [], embeds: 0, hasDocument };
}

function countEmbeds(doc: DocumentLike): number {
  try {
    return Math.min(doc.querySelectorAll(EMBED_SELECTOR).length, EMBED_COUNT_CAP);
  } catch {
    return 0;
  }
}

/**
 * Reads what the classifier needs from a page: which site it is and which known signals it shows. The work
 * is a fixed number of selector queries plus a bounded walk of the head, whatever the page's size, and
 * nothing depends on the page's language. Never throws: a hostile or broken page yields fewer features.
 */
export function extractFeatures(doc: DocumentLike | null | undefined, rawUrl: string): PageFeatures {
  const url = parseUrl(String(rawUrl));
  const features = emptyFeatures(url ? url.href : String(rawUrl).slice(0, 2048), Boolean(doc));
  if (!url) return features;
  try {
    let site = siteForUrl(url);
    if (site) features.detectedBy = 'domain';
    if (!doc) {
      features.siteId = site?.id ?? null;
      return features;
    }
    if (!site) {
      site = detectCommunity(doc);
      if (site) features.detectedBy = 'fingerprint';
    }
    if (!site) {
      features.embeds = countEmbeds(doc);
      return features;
    }
    features.siteId = site.id;
    const signals: readonly PageSignal[] = [...(site.signals ?? []), ...GENERIC_SIGNALS];
    let signalPageType: PageType | null = null;
    for (const signal of signals) {
      if (!safeQuery(doc, signal.selector)) continue;
      features.signals.push(signal.id);
      if (signal.pageType && !signalPageType) signalPageType = signal.pageType;
    }
    features.signalPageType = signalPageType;
  } catch {
    // A page can break DOM methods (overridden prototypes, detached documents); keep what was read.
  }
  return features;
}
