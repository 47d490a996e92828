import { communities } from './communities';
import { platforms } from './platforms';
import type { CommunityDefinition, SiteDefinition } from './types';

/** Every site the classifier knows: platforms by domain, community software by domain or fingerprint. */
export const sites: readonly SiteDefinition[] = [...platforms, ...communities];

const byDomain = new Map<string, SiteDefinition[]>();
for (const site of sites) {
  for (const domain of site.domains) {
    const list = byDomain.get(domain) ?? [];
    list.push(site);
    byDomain.set(domain, list);
  }
}
const byId = new Map(sites.map((site) => [site.id, site]));

export function siteById(id: string): SiteDefinition | undefined {
  return byId.get(id);
}

export function isCommunity(site: SiteDefinition): site is CommunityDefinition {
  return 'fingerprints' in site;
}

/**
 * The known site a URL belongs to, matched by registrable domain, never by substring: `notfacebook.com` and
 * `facebook.com.evil.example` are not Facebook. Every known domain is a registrable domain (a unit test holds
 * each equal to what `tldts` computes), so the host's registrable domain is known exactly when one of the
 * host's dot-separated suffixes is a known domain. Walking the suffixes keeps the public suffix list, about
 * 100 KB, out of the content script.
 */
export function siteForUrl(url: URL): SiteDefinition | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  for (let at = 0; at !== -1; at = hostname.indexOf('.', at) + 1 || -1) {
    const candidates = byDomain.get(hostname.slice(at));
    if (!candidates) continue;
    return candidates.find((site) => !site.hosts || site.hosts.includes(hostname)) ?? null;
  }
  return null;
}

/** Match patterns for the content script, derived from the same knowledge the classifier uses. */
export function contentScriptMatches(): string[] {
  const patterns = new Set<string>();
  for (const site of sites) {
    if (site.hosts) {
      for (const host of site.hosts) patterns.add(`https://${host}/*`);
      continue;
    }
    for (const domain of site.domains) {
      patterns.add(`https://${domain}/*`);
      patterns.add(`https://*.${domain}/*`);
    }
  }
  return [...patterns].sort();
}
