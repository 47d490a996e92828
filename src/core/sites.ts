import { communities } from './communities';
import { GENERIC_SIGNALS } from './genericSignals';
import { buildKnowledge, lookupSiteId } from './knowledge';
import { platforms } from './platforms';
import type { CommunityDefinition, SiteDefinition } from './types';

/** Every site the classifier knows: platforms by domain, community software by domain or fingerprint. */
export const sites: readonly SiteDefinition[] = [...platforms, ...communities];

const byId = new Map(sites.map((site) => [site.id, site]));

/** The compact knowledge feature extraction uses; the content script gets the same, built at build time. */
export const knowledge = buildKnowledge(sites, GENERIC_SIGNALS);

export function siteById(id: string): SiteDefinition | undefined {
  return byId.get(id);
}

export function isCommunity(site: SiteDefinition): site is CommunityDefinition {
  return 'fingerprints' in site;
}

/** The known site a URL belongs to, by registrable domain (see `lookupSiteId`). */
export function siteForUrl(url: URL): SiteDefinition | null {
  const id = lookupSiteId(knowledge, url);
  return id ? (byId.get(id) ?? null) : null;
}

/**
 * Match patterns for one site's content script: its hosts where it names them for a domain (they limit only
 * their own domain), every host of its other domains. Empty for community software known by fingerprint only.
 */
export function siteMatches(site: SiteDefinition): string[] {
  const patterns = new Set<string>();
  for (const domain of site.domains) {
    const hosts = (site.hosts ?? []).filter((host) => host === domain || host.endsWith(`.${domain}`));
    for (const host of hosts) patterns.add(`https://${host}/*`);
    if (hosts.length > 0) continue;
    patterns.add(`https://${domain}/*`);
    patterns.add(`https://*.${domain}/*`);
  }
  return [...patterns].sort();
}

/** Match patterns of every site's content script together, derived from the same knowledge the classifier uses. */
export function contentScriptMatches(): string[] {
  return [...new Set(sites.flatMap(siteMatches))].sort();
}
