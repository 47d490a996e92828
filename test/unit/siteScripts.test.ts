import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { corpusCases } from '../../scripts/lib/corpus';
import { extractWith } from '../../src/core/extract';
import { extractFeatures } from '../../src/core/features';
import { siteKnowledge } from '../../src/core/knowledge';
import { contentScriptMatches, knowledge, siteForUrl, siteMatches, sites } from '../../src/core/sites';

/** The build declares one content script per site with a domain (scripts/build/siteScripts.ts). */
const withDomains = sites.filter((site) => site.domains.length > 0);

function matches(pattern: string, url: URL): boolean {
  const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host || url.protocol !== 'https:') return false;
  return host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
}

describe('one content script per site', () => {
  it('declares every site with a domain, on patterns no other site shares, together the known-sites matches', () => {
    const owner = new Map<string, string>();
    for (const site of withDomains) {
      const patterns = siteMatches(site);
      expect(patterns.length, site.id).toBeGreaterThan(0);
      for (const pattern of patterns) {
        expect(owner.get(pattern), pattern).toBeUndefined();
        owner.set(pattern, site.id);
      }
    }
    expect([...owner.keys()].sort()).toEqual(contentScriptMatches());
  });

  it('carries its own site and the generic signals only', () => {
    for (const site of withDomains) {
      const own = siteKnowledge(knowledge, site.id);
      expect(Object.keys(own.sites), site.id).toEqual([site.id]);
      expect(own.sites[site.id]?.fingerprints, site.id).toBeUndefined();
      expect(own.generic).toEqual(knowledge.generic);
    }
    expect(() => siteKnowledge(knowledge, 'no-such-site')).toThrow();
  });

  it('runs on every corpus page of a known site and reads it as the full knowledge does', () => {
    let pages = 0;
    for (const entry of corpusCases()) {
      const url = new URL(entry.url);
      const site = siteForUrl(url);
      if (!site) continue;
      const declared = withDomains.filter((s) => siteMatches(s).some((p) => matches(p, url)));
      expect(
        declared.map((s) => s.id),
        entry.file,
      ).toEqual([site.id]);
      const { document } = parseHTML(readFileSync(entry.path, 'utf8'));
      expect(extractWith(siteKnowledge(knowledge, site.id), document, entry.url), entry.file).toEqual(
        extractFeatures(document, entry.url),
      );
      pages++;
    }
    expect(pages).toBeGreaterThan(100);
  });
});
