import type { PageType, SiteDefinition } from './types';

/**
 * The part of the site knowledge that feature extraction needs, as plain JSON: domains, selectors and
 * fingerprints, without URL rules, names or reason texts. The content script gets this compact form, built
 * from the same definitions at build time (see vite.config.ts), and it runs on every social page, so each
 * byte counts: patterns are `[source, flags]`, empty lists are left out, and domains are listed once per site.
 */
export type SerializedPattern = [source: string, flags: string];

export interface KnowledgeFingerprint {
  meta?: [key: string, content: SerializedPattern];
  id?: string;
  root?: [element: 'html' | 'body', attribute: string, value: SerializedPattern];
  selector?: string;
  text?: [selector: string, pattern: SerializedPattern];
  weight: number;
}

/** [signal id (without its `<site>.` prefix, which every site signal has), selector, page type it names (0 for none)] */
export type KnowledgeSignal = [id: string, selector: string, pageType: PageType | 0];

export interface KnowledgeSite {
  domains: string[];
  hosts?: string[];
  signals?: KnowledgeSignal[];
  fingerprints?: KnowledgeFingerprint[];
}

export interface ExtractionKnowledge {
  sites: Record<string, KnowledgeSite>;
  generic: KnowledgeSignal[];
}

const pattern = (re: RegExp): SerializedPattern => [re.source, re.flags];

export function buildKnowledge(
  sites: readonly SiteDefinition[],
  generic: readonly { id: string; selector: string; pageType?: PageType }[],
): ExtractionKnowledge {
  const signal = (s: { id: string; selector: string; pageType?: PageType }): KnowledgeSignal => [
    s.id,
    s.selector,
    s.pageType ?? 0,
  ];
  const knowledge: ExtractionKnowledge = { sites: {}, generic: generic.map(signal) };
  for (const site of sites) {
    const entry: KnowledgeSite = { domains: site.domains };
    if (site.hosts) entry.hosts = site.hosts;
    if (site.signals?.length) {
      const prefix = `${site.id}.`;
      entry.signals = site.signals.map((s) => {
        // extract.ts puts the prefix back; an id without it would come back wrong, so refuse it here.
        if (!s.id.startsWith(prefix)) throw new Error(`signal ${s.id} of ${site.id} lacks the "${prefix}" prefix`);
        return signal({ ...s, id: s.id.slice(prefix.length) });
      });
    }
    if ('fingerprints' in site) {
      entry.fingerprints = site.fingerprints.map((fp) => ({
        ...(fp.meta ? { meta: [fp.meta.key, pattern(fp.meta.content)] } : {}),
        ...(fp.id ? { id: fp.id } : {}),
        ...(fp.root ? { root: [fp.root.element, fp.root.attribute, pattern(fp.root.value)] } : {}),
        ...(fp.selector ? { selector: fp.selector } : {}),
        ...(fp.text ? { text: [fp.text.selector, pattern(fp.text.pattern)] } : {}),
        weight: fp.weight,
      }));
    }
    knowledge.sites[site.id] = entry;
  }
  return knowledge;
}

const domainIndexes = new WeakMap<ExtractionKnowledge, Map<string, string[]>>();

/** Registrable domain -> ids of the sites that own it (a domain may be split between sites by hosts). */
function domainIndex(knowledge: ExtractionKnowledge): Map<string, string[]> {
  let index = domainIndexes.get(knowledge);
  if (!index) {
    index = new Map();
    for (const [id, site] of Object.entries(knowledge.sites)) {
      for (const domain of site.domains) index.set(domain, [...(index.get(domain) ?? []), id]);
    }
    domainIndexes.set(knowledge, index);
  }
  return index;
}

/**
 * The site id for a URL, matched by registrable domain, never by substring: `notfacebook.com` and
 * `facebook.com.evil.example` are not Facebook. Every known domain is a registrable domain (a unit test holds
 * each equal to what `tldts` computes), so the host's registrable domain is known exactly when one of the
 * host's dot-separated suffixes is a known domain. Walking the suffixes keeps the public suffix list, about
 * 100 KB, out of the content script.
 */
export function lookupSiteId(knowledge: ExtractionKnowledge, url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  const index = domainIndex(knowledge);
  for (let at = 0; at !== -1; at = hostname.indexOf('.', at) + 1 || -1) {
    const candidates = index.get(hostname.slice(at));
    if (!candidates) continue;
    return candidates.find((id) => knowledge.sites[id]?.hosts?.includes(hostname) ?? true) ?? null;
  }
  return null;
}
