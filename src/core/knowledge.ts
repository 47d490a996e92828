import type { PageType, SiteDefinition } from './types';

/**
 * The part of the site knowledge that feature extraction needs, as plain JSON: domains, selectors and
 * fingerprints, without URL rules, names or reason texts. The content script gets this compact form, built
 * from the same definitions at build time (see vite.config.ts), and it runs on every social page, so each
 * byte counts: fingerprints are tuples, empty lists are left out, and domains are listed once per site.
 */
/** [selector, weight, texts]: see `Fingerprint`. */
export type KnowledgeFingerprint = [selector: string, weight: number, text?: string[]];

/** [signal id (without its `<site>.` prefix, which every site signal has), selector, page type it names (0 for none)] */
export type KnowledgeSignal = [id: string, selector: string, pageType: PageType | 0];

interface KnowledgeSite {
  domains: string[];
  hosts?: string[];
  signals?: KnowledgeSignal[];
  fingerprints?: KnowledgeFingerprint[];
}

export interface ExtractionKnowledge {
  sites: Record<string, KnowledgeSite>;
  generic: KnowledgeSignal[];
}

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
      entry.fingerprints = site.fingerprints.map(
        (fp): KnowledgeFingerprint => (fp.text ? [fp.selector, fp.weight, fp.text] : [fp.selector, fp.weight]),
      );
    }
    knowledge.sites[site.id] = entry;
  }
  return knowledge;
}

/**
 * The knowledge the content script for the known sites carries. It runs only on pages of the sites' own domains
 * (the manifest's matches come from the same domains), where the domain names the site: software fingerprints,
 * and the sites that have no domain of their own, would never be read there. The script for on-demand checks and
 * opted-in sites carries the full knowledge.
 */
export function knownSitesKnowledge(full: ExtractionKnowledge): ExtractionKnowledge {
  const sites: Record<string, KnowledgeSite> = {};
  for (const id in full.sites) {
    const site = full.sites[id];
    if (!site || site.domains.length === 0) continue;
    const { fingerprints: _unread, ...rest } = site;
    sites[id] = rest;
  }
  return { sites, generic: full.generic };
}

/**
 * The knowledge one site's content script carries (the build makes one script per site with a domain, declared
 * for that site's hosts only): that site as the known-sites knowledge has it, and the generic signals. On its
 * hosts the domain lookup finds it; nothing else could be found there.
 */
export function siteKnowledge(full: ExtractionKnowledge, id: string): ExtractionKnowledge {
  const site = knownSitesKnowledge(full).sites[id];
  if (!site) throw new Error(`no site ${id} with a domain of its own`);
  return { sites: { [id]: site }, generic: full.generic };
}

/**
 * What extraction reads of a page's address: a `URL`, or the content script's own `location`, which its world
 * has already set up (a first `new URL` there costs about 0.15 ms).
 */
export type PageAddress = Pick<URL, 'href' | 'protocol' | 'hostname'>;

/**
 * The site id for a URL, matched by registrable domain, never by substring: `notfacebook.com` and
 * `facebook.com.evil.example` are not Facebook. Every known domain is a registrable domain (a unit test holds
 * each equal to what `tldts` computes), so the host's registrable domain is known exactly when one of the
 * host's dot-separated suffixes is a known domain. Walking the suffixes keeps the public suffix list, about
 * 100 KB, out of the content script.
 */
export function lookupSiteId(knowledge: ExtractionKnowledge, url: PageAddress): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // No regular expression and no index here: this runs once per page in a fresh content-script world, where the
  // first regular expression costs about 0.2 ms to set up and building a map costs more than the few hundred
  // string comparisons of a plain scan.
  const lower = url.hostname.toLowerCase();
  const hostname = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  for (let at = 0; at !== -1; at = hostname.indexOf('.', at) + 1 || -1) {
    const suffix = hostname.slice(at);
    let owned = false;
    for (const id in knowledge.sites) {
      const site = knowledge.sites[id];
      if (!site?.domains.includes(suffix)) continue;
      const hosts = site.hosts;
      if (!hosts || hosts.includes(hostname)) return id;
      // The hosts limit only the domain they belong to.
      if (!hosts.some((host) => host.endsWith(`.${suffix}`) || host === suffix)) return id;
      owned = true;
    }
    if (owned) return null;
  }
  return null;
}
