import type { PageType, SiteDefinition } from './types';

/**
 * The part of the site knowledge that feature extraction needs, as plain JSON: domains, selectors and
 * fingerprints, without URL rules, names or reason texts. The content script gets this compact form, built
 * from the same definitions at build time (see vite.config.ts), so it stays small on every social page.
 */
export interface SerializedPattern {
  source: string;
  flags: string;
}

export interface KnowledgeFingerprint {
  meta?: { key: string; content: SerializedPattern };
  id?: string;
  root?: { element: 'html' | 'body'; attribute: string; value: SerializedPattern };
  selector?: string;
  text?: { selector: string; pattern: SerializedPattern };
  weight: number;
}

export interface KnowledgeSite {
  id: string;
  hosts?: string[];
  /** [signal id, selector, page type it names or null] */
  signals: Array<[string, string, PageType | null]>;
}

export interface ExtractionKnowledge {
  /** Registrable domain -> ids of the sites that own it (a domain may be split by hosts). */
  domains: Record<string, string[]>;
  sites: Record<string, KnowledgeSite>;
  communities: Array<{ id: string; fingerprints: KnowledgeFingerprint[] }>;
  generic: Array<[string, string, PageType | null]>;
}

const pattern = (re: RegExp): SerializedPattern => ({ source: re.source, flags: re.flags });

export function buildKnowledge(
  sites: readonly SiteDefinition[],
  generic: readonly { id: string; selector: string; pageType?: PageType }[],
): ExtractionKnowledge {
  const knowledge: ExtractionKnowledge = { domains: {}, sites: {}, communities: [], generic: [] };
  for (const site of sites) {
    for (const domain of site.domains) {
      knowledge.domains[domain] = [...(knowledge.domains[domain] ?? []), site.id];
    }
    knowledge.sites[site.id] = {
      id: site.id,
      ...(site.hosts ? { hosts: site.hosts } : {}),
      signals: (site.signals ?? []).map((s) => [s.id, s.selector, s.pageType ?? null]),
    };
    if ('fingerprints' in site) {
      knowledge.communities.push({
        id: site.id,
        fingerprints: site.fingerprints.map((fp) => ({
          ...(fp.meta ? { meta: { key: fp.meta.key, content: pattern(fp.meta.content) } } : {}),
          ...(fp.id ? { id: fp.id } : {}),
          ...(fp.root ? { root: { ...fp.root, value: pattern(fp.root.value) } } : {}),
          ...(fp.selector ? { selector: fp.selector } : {}),
          ...(fp.text ? { text: { selector: fp.text.selector, pattern: pattern(fp.text.pattern) } } : {}),
          weight: fp.weight,
        })),
      });
    }
  }
  knowledge.generic = generic.map((s) => [s.id, s.selector, s.pageType ?? null]);
  return knowledge;
}

/**
 * The site id for a URL, matched by registrable domain, never by substring: `notfacebook.com` and
 * `facebook.com.evil.example` are not Facebook. Every known domain is a registrable domain (a unit test holds
 * each equal to what `tldts` computes), so the host's registrable domain is known exactly when one of the
 * host's dot-separated suffixes is a known domain. Walking the suffixes keeps the public suffix list, about
 * 100 KB, out of the content script.
 */
export function lookupSiteId(
  domains: Record<string, string[]>,
  sites: Record<string, { hosts?: string[] }>,
  url: URL,
): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  for (let at = 0; at !== -1; at = hostname.indexOf('.', at) + 1 || -1) {
    const candidates = Object.hasOwn(domains, hostname.slice(at)) ? domains[hostname.slice(at)] : undefined;
    if (!candidates) continue;
    return candidates.find((id) => sites[id] && (!sites[id].hosts || sites[id].hosts.includes(hostname))) ?? null;
  }
  return null;
}
