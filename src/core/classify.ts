import { type ActivityCounts, activityReasons } from './activity';
import { GENERIC_SIGNALS } from './genericSignals';
import { isActivityPage, isNeutralPage, PAGE_TYPE_INFO, UNFAMILIAR_SIGNAL } from './pageTypes';
import { isCommunity, siteById, sites } from './sites';
import { CONTENT_SIGNAL, type CommunityEvidence, communityEvidence, OPEN_WEB, STANDARD_SIGNALS } from './standards';
import type { Label, Lean, PageFeatures, PageSignal, PageType, Reason, Side, SiteDefinition, Verdict } from './types';
import { parseUrl } from './url';
import { matchUrlRule } from './urlRules';

/** What the kind of page counts for: the strongest single piece of evidence, as the guide's table says. */
const PAGE_TYPE_WEIGHT = 0.6;
/** The platform's usual use tips the balance only where the page itself says little. */
const LEAN_WEIGHT = 0.15;
/** Both sides at least this strong, and the weaker within this ratio of the stronger: mixed. */
const MIXED_MIN_SCORE = 0.45;
const MIXED_MIN_RATIO = 0.75;
/**
 * Layout signals that go against a page type the address names count half: a group or a profile shows a list
 * of posts too, and the page type already explains it. Signals that name a page type of their own (an open
 * chat drawer on a feed) are another activity on top and count in full.
 */
const EXPLAINED_LAYOUT_FACTOR = 0.5;
/** The most a verdict can claim when the page looks like nothing the extension knows of its site. */
const UNFAMILIAR_CONFIDENCE = 0.35;

const signalsById = new Map<string, PageSignal>();
for (const signal of [...GENERIC_SIGNALS, ...sites.flatMap((site) => site.signals ?? [])]) {
  signalsById.set(signal.id, signal);
}
for (const signal of STANDARD_SIGNALS) signalsById.set(signal.id, { ...signal, selector: '' });

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function notSocial(features: PageFeatures): Verdict {
  const reasons: Reason[] = [];
  if (features.signals.includes(CONTENT_SIGNAL.id)) {
    reasons.push({ signal: CONTENT_SIGNAL.id, leans: 'neutral', weight: 0, text: CONTENT_SIGNAL.text });
  }
  if (features.embeds > 0) {
    reasons.push({
      signal: 'embeds',
      leans: 'neutral',
      weight: 0,
      text: 'it embeds posts, videos or share buttons from social sites, but is not one itself',
    });
  }
  reasons.push({ signal: 'domain', leans: 'neutral', weight: 0, text: 'not a social site the extension knows' });
  return {
    label: 'none',
    confidence: features.hasDocument ? 0.9 : 0.7,
    platform: null,
    pageType: 'unknown',
    reasons,
  };
}

function sitePageType(site: SiteDefinition, features: PageFeatures): PageType {
  const url = parseUrl(features.url);
  const rule = url ? matchUrlRule(site, url) : null;
  const fromUrl = rule?.pageType ?? site.fallbackPageType ?? null;
  // The address names the page unless it names no social activity (a landing page that the logged-in app
  // replaces in place, an SPA route the rules do not know) or cannot tell, and the page itself shows one.
  if (fromUrl && isActivityPage(fromUrl) && !(rule?.weak && features.signalPageType)) return fromUrl;
  return features.signalPageType ?? fromUrl ?? 'unknown';
}

/**
 * A page of a site known by its domain that shows none of the site's own page signals, at an address that
 * names no page type or cannot tell: the site may have changed its markup, and the label rests on the address
 * alone. Sites without page signals say nothing either way.
 */
function unfamiliarPage(site: SiteDefinition, features: PageFeatures): boolean {
  if (features.detectedBy !== 'domain' || !features.hasDocument || !site.signals?.length) return false;
  const prefix = `${site.id}.`;
  if (features.signals.some((id) => id.startsWith(prefix))) return false;
  const url = parseUrl(features.url);
  const rule = url ? matchUrlRule(site, url) : null;
  return !rule || rule.weak === true;
}

/** A site the extension does not know, whose page declares itself a community in open standards. */
function openWebSite(features: PageFeatures, evidence: CommunityEvidence): SiteDefinition {
  const host = parseUrl(features.url)?.hostname.replace(/^www\./, '') ?? '';
  return {
    id: OPEN_WEB.id,
    name: host,
    lean: 'both',
    domains: [],
    urlRules: [],
    fallbackPageType: evidence.pageType ?? 'unknown',
  };
}

function siteReason(site: SiteDefinition, features: PageFeatures): Reason {
  if (site.id === OPEN_WEB.id) return { signal: OPEN_WEB.id, leans: 'neutral', weight: 0, text: OPEN_WEB.text };
  if (isCommunity(site) && features.detectedBy === 'fingerprint') {
    const kind = site.kind === 'forum' ? 'forum software' : 'a fediverse server';
    return { signal: 'software', leans: 'neutral', weight: 0, text: `runs ${site.name}, ${kind}` };
  }
  const usual =
    site.lean === 'both'
      ? 'used both for content and for relationships'
      : site.lean === 'media'
        ? 'mostly used for content and reach'
        : 'mostly used for relationships';
  return {
    signal: 'platform',
    leans: site.lean === 'both' ? 'neutral' : site.lean,
    weight: site.lean === 'both' ? 0 : LEAN_WEIGHT,
    text: `${site.name} is ${usual}`,
  };
}

function decide(media: number, networking: number, lean: SiteDefinition['lean']): { label: Label; confidence: number } {
  const total = media + networking;
  if (total === 0) return { label: lean === 'both' ? 'mixed' : lean, confidence: 0.3 };
  const strong = Math.max(media, networking);
  const weak = Math.min(media, networking);
  const strength = 1 - Math.exp(-1.5 * total);
  if (weak >= MIXED_MIN_SCORE && weak / strong >= MIXED_MIN_RATIO) {
    return { label: 'mixed', confidence: round2(0.4 + 0.5 * strength * (weak / strong)) };
  }
  const margin = (strong - weak) / total;
  return {
    label: media >= networking ? 'media' : 'networking',
    confidence: round2(Math.min(0.98, 0.3 + 0.65 * strength * margin)),
  };
}

/**
 * Weighs the evidence for each side and names the label, following the labeling guide: the kind of page
 * first, then what the page shows and what the user does in it, then the platform's usual use. Pure: the same features give the same verdict.
 */
export interface ClassifyContext {
  /** What the user has been doing in the tab (counts, never content): moves the label as the guide's last section says. */
  activity?: ActivityCounts;
  /** A site the user (or an administrator) added with its lean, for a domain the knowledge lacks. */
  customSite?: { domain: string; name: string; lean: Lean };
}

function customVerdict(custom: NonNullable<ClassifyContext['customSite']>): Verdict {
  return {
    label: custom.lean === 'both' ? 'mixed' : custom.lean,
    confidence: 0.6,
    platform: { id: `custom:${custom.domain}`, name: custom.name, lean: custom.lean },
    pageType: 'unknown',
    reasons: [
      {
        signal: 'custom-site',
        leans: custom.lean === 'both' ? 'neutral' : custom.lean,
        weight: 0.5,
        text: 'you added this site with its usual use',
      },
    ],
  };
}

export function classify(features: PageFeatures, context: ClassifyContext = {}): Verdict {
  let site = features.siteId ? siteById(features.siteId) : undefined;
  if (!site) {
    // What the page declares says more than a custom site's usual use (a site labelled automatically is one).
    const evidence = features.hasDocument ? communityEvidence(features.signals) : null;
    if (evidence) site = openWebSite(features, evidence);
    else return context.customSite ? customVerdict(context.customSite) : notSocial(features);
  }

  const pageType = sitePageType(site, features);
  const platform = { id: site.id, name: site.name, lean: site.lean };
  const info = PAGE_TYPE_INFO[pageType];
  if (isNeutralPage(pageType)) {
    return {
      label: 'none',
      confidence: 0.6,
      platform,
      pageType,
      reasons: [{ signal: 'page-type', leans: 'neutral', weight: 0, text: `${info.text}, not a social activity` }],
    };
  }

  const reasons: Reason[] = [];
  const score: Record<Side, number> = { media: 0, networking: 0 };
  const add = (reason: Reason) => {
    reasons.push(reason);
    if (reason.leans !== 'neutral') score[reason.leans] += reason.weight;
  };

  add(
    info.side
      ? { signal: 'page-type', leans: info.side, weight: PAGE_TYPE_WEIGHT, text: info.text }
      : { signal: 'page-type', leans: 'neutral', weight: 0, text: `${info.text}, not a social activity in itself` },
  );
  const seen = new Set<string>();
  const present = features.signals.map((id) => signalsById.get(id)).filter((s) => s !== undefined);
  for (const signal of present.sort((a, b) => b.weight - a.weight)) {
    // Two selectors that find the same thing are one piece of evidence.
    if (seen.has(signal.text)) continue;
    seen.add(signal.text);
    const explained = info.side !== null && signal.side !== info.side && !signal.pageType;
    const weight = explained ? round2(signal.weight * EXPLAINED_LAYOUT_FACTOR) : signal.weight;
    add({ signal: signal.id, leans: signal.side, weight, text: signal.text });
  }
  if (context.activity) for (const reason of activityReasons(context.activity)) add(reason);
  add(siteReason(site, features));

  let { label, confidence } = decide(score.media, score.networking, site.lean);
  reasons.sort((a, b) => b.weight - a.weight);
  if (unfamiliarPage(site, features)) {
    confidence = Math.min(confidence, UNFAMILIAR_CONFIDENCE);
    reasons.push({
      signal: UNFAMILIAR_SIGNAL,
      leans: 'neutral',
      weight: 0,
      text: `the page did not look like what the extension knows of ${site.name}; labelled from the address alone`,
    });
  }
  return { label, confidence, platform, pageType, reasons };
}
