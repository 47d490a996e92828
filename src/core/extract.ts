import { EMBED_COUNT_CAP, EMBED_SELECTOR } from './genericSignals';
import { type ExtractionKnowledge, type KnowledgeFingerprint, lookupSiteId, type SerializedPattern } from './knowledge';
import type { PageFeatures, PageType } from './types';
import { parseUrl } from './url';

/** Head elements read for meta fingerprints; real heads have a few dozen, hostile ones may have millions. */
const MAX_HEAD_ELEMENTS = 400;
const DETECTION_THRESHOLD = 0.5;

/** The minimal DOM surface extraction needs, so that Node DOM implementations can be passed in too. */
export type DocumentLike = Pick<Document, 'querySelector' | 'querySelectorAll' | 'getElementById'> & {
  head?: Element | null;
  body?: Element | null;
  documentElement?: Element | null;
};

const compiled = new WeakMap<SerializedPattern, RegExp>();
function regex(pattern: SerializedPattern): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern[0], pattern[1]);
    compiled.set(pattern, re);
  }
  return re;
}

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
  const children = doc.head?.children;
  if (!children) return meta;
  const limit = Math.min(children.length, MAX_HEAD_ELEMENTS);
  for (let i = 0; i < limit; i++) {
    const el = children[i];
    if (el?.tagName.toUpperCase() !== 'META') continue;
    const key = (el.getAttribute('name') ?? el.getAttribute('property'))?.toLowerCase();
    const content = el.getAttribute('content');
    if (key && content !== null && !meta.has(key)) meta.set(key, content.slice(0, 200));
  }
  return meta;
}

function fingerprintMatches(doc: DocumentLike, meta: Map<string, string>, fp: KnowledgeFingerprint): boolean {
  if (fp.meta) {
    const content = meta.get(fp.meta[0].toLowerCase());
    if (content === undefined || !regex(fp.meta[1]).test(content)) return false;
  }
  if (fp.id && !doc.getElementById(fp.id)) return false;
  if (fp.root) {
    const el = fp.root[0] === 'html' ? doc.documentElement : doc.body;
    const value = el?.getAttribute(fp.root[1]);
    if (value == null || !regex(fp.root[2]).test(value)) return false;
  }
  if (fp.selector && !safeQuery(doc, fp.selector)) return false;
  if (fp.text) {
    const text = safeQuery(doc, fp.text[0])?.textContent?.slice(0, 300);
    if (!text || !regex(fp.text[1]).test(text)) return false;
  }
  return true;
}

/** The community software whose fingerprints the page carries most strongly, if any reaches the threshold. */
export function detectCommunity(knowledge: ExtractionKnowledge, doc: DocumentLike): string | null {
  const meta = readHeadMeta(doc);
  let best: string | null = null;
  let bestScore = 0;
  for (const [id, site] of Object.entries(knowledge.sites)) {
    if (!site.fingerprints) continue;
    let score = 0;
    for (const fp of site.fingerprints) {
      if (fingerprintMatches(doc, meta, fp)) score += fp.weight;
    }
    if (score >= DETECTION_THRESHOLD && score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
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
export function extractWith(
  knowledge: ExtractionKnowledge,
  doc: DocumentLike | null | undefined,
  rawUrl: string,
): PageFeatures {
  const url = parseUrl(String(rawUrl));
  const features: PageFeatures = {
    url: url ? url.href : String(rawUrl).slice(0, 2048),
    siteId: null,
    detectedBy: null,
    signalPageType: null,
    signals: [],
    embeds: 0,
    hasDocument: Boolean(doc),
  };
  if (!url) return features;
  try {
    let siteId = lookupSiteId(knowledge, url);
    if (siteId) features.detectedBy = 'domain';
    if (!doc) {
      features.siteId = siteId;
      return features;
    }
    if (!siteId) {
      siteId = detectCommunity(knowledge, doc);
      if (siteId) features.detectedBy = 'fingerprint';
    }
    const site = siteId ? knowledge.sites[siteId] : undefined;
    if (!siteId || !site) {
      features.embeds = countEmbeds(doc);
      return features;
    }
    features.siteId = siteId;
    let signalPageType: PageType | null = null;
    const own = (site.signals ?? []).map(
      ([id, selector, pageType]) => [`${siteId}.${id}`, selector, pageType] as const,
    );
    for (const [id, selector, pageType] of [...own, ...knowledge.generic]) {
      if (!safeQuery(doc, selector)) continue;
      features.signals.push(id);
      if (pageType && !signalPageType) signalPageType = pageType;
    }
    features.signalPageType = signalPageType;
  } catch {
    // A page can break DOM methods (overridden prototypes, detached documents); keep what was read.
  }
  return features;
}
