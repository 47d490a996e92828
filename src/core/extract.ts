import { EMBED_COUNT_CAP, EMBED_SELECTOR } from './genericSignals';
import {
  type ExtractionKnowledge,
  type KnowledgeFingerprint,
  type KnowledgeSignal,
  lookupSiteId,
  type PageAddress,
} from './knowledge';
import type { PageFeatures } from './types';
import { parseUrl } from './url';

/** Text read of an element for a `text` fingerprint. */
const TEXT_SPAN = 300;
const DETECTION_THRESHOLD = 0.5;

/** The minimal DOM surface extraction needs, so that Node DOM implementations can be passed in too. */
export type DocumentLike = Pick<Document, 'querySelector' | 'querySelectorAll'> & {
  head?: Pick<Element, 'querySelector' | 'querySelectorAll'> | null;
  getElementsByTagName?: (name: 'script') => ArrayLike<Element>;
};

/**
 * Where to look for a selector's element. A meta tag lives in the head: looking only there spares a scan of the
 * whole page when it is absent (0.85 ms on the bench's 77,000-element feed, on every re-read).
 */
export function queryScope(doc: DocumentLike, selector: string): Pick<Element, 'querySelector'> | DocumentLike {
  return doc.head && selector.startsWith('meta[') && !selector.includes(',') ? doc.head : doc;
}

function safeQuery(doc: DocumentLike, selector: string): Element | null {
  try {
    return queryScope(doc, selector).querySelector(selector);
  } catch {
    return null;
  }
}

function fingerprintMatches(doc: DocumentLike, [selector, , texts]: KnowledgeFingerprint): boolean {
  const el = safeQuery(doc, selector);
  if (!el || !texts) return el !== null;
  const text = (el.textContent ?? '').slice(0, TEXT_SPAN).trimStart();
  return texts.some((t) => text.startsWith(t));
}

/** The selectors of every site's element fingerprints (text ones aside) as one selector list, once per knowledge. */
const elementLists = new WeakMap<ExtractionKnowledge, string>();
function elementFingerprints(knowledge: ExtractionKnowledge): string {
  let list = elementLists.get(knowledge);
  if (list === undefined) {
    const selectors: string[] = [];
    for (const id in knowledge.sites) {
      const fingerprints = knowledge.sites[id]?.fingerprints ?? [];
      for (let i = 0; i < fingerprints.length; i++) {
        const fp = fingerprints[i] as KnowledgeFingerprint;
        if (!fp[2]) selectors.push(fp[0]);
      }
    }
    list = selectors.join(',');
    elementLists.set(knowledge, list);
  }
  return list;
}

/**
 * The community software whose fingerprints the page carries most strongly, if any reaches the threshold.
 * Most pages this runs on belong to no community software, so one query over all the element fingerprints
 * comes first and, with the few text fingerprints, usually ends it; selector by selector scoring runs only
 * when something matched. (A text fingerprint's selector, such as `noscript`, matches on many pages, so it is
 * checked on its own.) One query per site measured slower: parsing the selectors is most of the cost.
 */
export function detectCommunity(knowledge: ExtractionKnowledge, doc: DocumentLike): string | null {
  let anyElement = true;
  try {
    anyElement = doc.querySelector(elementFingerprints(knowledge)) !== null;
  } catch {
    // A selector this DOM rejects: score them one by one.
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const id in knowledge.sites) {
    let score = 0;
    for (const fp of knowledge.sites[id]?.fingerprints ?? []) {
      if ((anyElement || fp[2]) && fingerprintMatches(doc, fp)) score += fp[1];
    }
    if (score >= DETECTION_THRESHOLD && score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

/** A node that a re-read may look at instead of the whole document (an element added since the last reading). */
type AddedNode = Pick<Node, 'nodeType'> & Partial<Pick<Element, 'matches' | 'querySelector'>>;

/**
 * What a re-read of the same address after DOM additions may rely on: the last reading, and the nodes added
 * since (MutationObserver records' `addedNodes`). A signal absent then can appear only in an added subtree;
 * one present then is looked for again in the whole document (where the query ends at its first match).
 */
interface Since {
  previous: PageFeatures;
  added: readonly AddedNode[];
}

const ELEMENT_NODE = 1;

/**
 * Selectors whose match can start without an element being added below or at the match: a sibling inserted
 * next to it, a descendant (`:has`), a position or emptiness. Those are looked for in the whole document.
 */
const CONTEXTUAL = /[+~]|:has|:nth|:first|:last|:only|:empty/;

function addedMatch(added: readonly AddedNode[], selector: string): boolean {
  try {
    for (const node of added) {
      if (node.nodeType !== ELEMENT_NODE || !node.matches || !node.querySelector) continue;
      if (node.matches(selector) || node.querySelector(selector)) return true;
    }
  } catch {
    // A selector this DOM rejects matches nothing, as in safeQuery.
  }
  return false;
}

/** Adds the ids of the signals whose selector matches, and the first page type one of them names. */
function matchSignals(
  doc: DocumentLike,
  signals: readonly KnowledgeSignal[] | undefined,
  prefix: string,
  features: PageFeatures,
  since?: Since,
): void {
  for (const [id, selector, pageType] of signals ?? []) {
    const wasAbsent = since && !since.previous.signals.includes(prefix + id) && !CONTEXTUAL.test(selector);
    if (!(wasAbsent ? addedMatch(since.added, selector) : safeQuery(doc, selector))) continue;
    features.signals.push(prefix + id);
    if (pageType && !features.signalPageType) features.signalPageType = pageType;
  }
}

function countEmbeds(doc: DocumentLike): number {
  try {
    return Math.min(doc.querySelectorAll(EMBED_SELECTOR).length, EMBED_COUNT_CAP);
  } catch {
    return 0;
  }
}

/** Reads a page's open-standard evidence as signal ids (readStandards.ts). */
export type StandardsReader = (doc: DocumentLike) => string[];

/**
 * Reads what the classifier needs from a page: which site it is and which known signals it shows. The work
 * is a fixed number of selector queries, whatever the page's size, and nothing depends on the page's
 * language. Never throws: a hostile or broken page yields fewer features.
 *
 * `readStandards`, when given, adds the page's open-standard evidence on every page not known by its domain.
 * The content script of the known sites is built without it (it must stay small and cheap, and there the
 * site's own signals speak); the one for on-demand checks and opted-in sites carries it.
 *
 * `since`, for a re-read of a page known by its domain at the same address, limits the signals the last reading
 * did not find to the nodes added since (see `Since`): a growing feed's re-read then costs what was added, not
 * the whole document (about 1 ms per absent selector at 100,000 elements). Any other reading reads it all.
 */
export function extractWith(
  knowledge: ExtractionKnowledge,
  doc: DocumentLike | null | undefined,
  page: string | PageAddress,
  readStandards?: StandardsReader,
  since?: Since,
): PageFeatures {
  const url = typeof page === 'string' ? parseUrl(page) : page;
  const features: PageFeatures = {
    url: url ? url.href : String(page).slice(0, 2048),
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
      if (readStandards) features.signals.push(...readStandards(doc));
    }
    const site = siteId ? knowledge.sites[siteId] : undefined;
    if (!siteId || !site) {
      features.embeds = countEmbeds(doc);
      return features;
    }
    features.siteId = siteId;
    const known =
      since?.previous.siteId === siteId && since.previous.detectedBy === 'domain' && features.detectedBy === 'domain'
        ? since
        : undefined;
    matchSignals(doc, site.signals, `${siteId}.`, features, known);
    matchSignals(doc, knowledge.generic, '', features, known);
  } catch {
    // A page can break DOM methods (overridden prototypes, detached documents); keep what was read.
  }
  return features;
}
