import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { corpusCases } from '../../scripts/lib/corpus';
import { registrableDomain } from '../../src/core/domain';
import { extractWith } from '../../src/core/extract';
import { extractFeatures } from '../../src/core/features';
import { knownSitesKnowledge } from '../../src/core/knowledge';
import { contentScriptMatches, knowledge, siteForUrl, sites } from '../../src/core/sites';

const site = (url: string) => siteForUrl(new URL(url))?.id ?? null;

describe('site lookup by registrable domain', () => {
  it('knows every host of a platform', () => {
    expect(site('https://www.linkedin.com/feed/')).toBe('linkedin');
    expect(site('https://uk.linkedin.com/company/x')).toBe('linkedin');
    expect(site('https://LINKEDIN.com./in/someone')).toBe('linkedin');
  });

  it('never matches by substring', () => {
    expect(site('https://notlinkedin.com/feed/')).toBeNull();
    expect(site('https://linkedin.com.evil.example/feed/')).toBeNull();
    expect(site('https://www.linkedin-jobs.example/in/someone')).toBeNull();
    expect(site('https://evil.example/?u=https://www.linkedin.com/')).toBeNull();
  });

  it('ignores non-web schemes', () => {
    expect(site('file:///home/linkedin.com/index.html')).toBeNull();
    expect(site('chrome://settings')).toBeNull();
  });

  it('agrees with tldts on the registrable domain of every known domain and its subdomains', () => {
    for (const definition of sites) {
      for (const domain of definition.domains) {
        expect(getDomain(domain), domain).toBe(domain);
        for (const host of [domain, `www.${domain}`, `a.b.${domain}`]) {
          if (definition.hosts) continue;
          expect(registrableDomain(host)).toBe(domain);
          expect(siteForUrl(new URL(`https://${host}/`))?.id, host).toBe(definition.id);
        }
      }
    }
  });

  it('limits a site to its hosts only on the domain those hosts belong to', () => {
    expect(site('https://meta.discourse.org/t/x/1')).toBe('discourse');
    expect(site('https://www.discourse.org/pricing')).toBeNull();
    expect(site('https://knitters.discourse.group/t/x/1')).toBe('discourse');
    expect(contentScriptMatches()).toContain('https://*.discourse.group/*');
    expect(contentScriptMatches()).not.toContain('https://*.discourse.org/*');
  });

  it('restricts sites that name hosts to those hosts', () => {
    for (const definition of sites) {
      if (!definition.hosts) continue;
      for (const host of definition.hosts) {
        expect(siteForUrl(new URL(`https://${host}/`))?.id, host).toBe(definition.id);
      }
      const [domain] = definition.domains;
      if (domain && !definition.hosts.includes(domain)) {
        expect(siteForUrl(new URL(`https://${domain}/`))?.id ?? null, domain).not.toBe(definition.id);
      }
    }
  });
});

describe('content script matches', () => {
  it('cover exactly the known sites over https', () => {
    const matches = contentScriptMatches();
    expect(matches.every((m) => /^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
    expect(new Set(matches).size).toBe(matches.length);
    for (const definition of sites) {
      const expected =
        definition.hosts?.map((h) => `https://${h}/*`) ?? definition.domains.map((d) => `https://*.${d}/*`);
      for (const pattern of expected) expect(matches).toContain(pattern);
    }
  });
});

describe('extraction', () => {
  const url = 'https://www.linkedin.com/company/example/';
  const html = (head: string, body = '') =>
    parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;

  it('reads the location it is given, as the content script passes its own', () => {
    const doc = html('<meta name="pageKey" content="d_org_guest_company">');
    const fromString = extractWith(knowledge, doc, url);
    expect(extractWith(knowledge, doc, new URL(url))).toEqual(fromString);
    expect(fromString.siteId).toBe('linkedin');
    expect(fromString.signals).toContain('linkedin.guest-company');
  });

  it('looks for meta signals in the head only, never through the whole page', () => {
    const doc = html('<meta name="pageKey" content="d_org_guest_company">', '<div>'.repeat(50));
    const asked: string[] = [];
    const spy = {
      head: doc.head,
      querySelector: (selector: string) => {
        asked.push(selector);
        return doc.querySelector(selector);
      },
      querySelectorAll: (selector: string) => doc.querySelectorAll(selector),
    };
    expect(extractWith(knowledge, spy, url).signals).toContain('linkedin.guest-company');
    expect(asked.some((selector) => selector.startsWith('meta['))).toBe(false);
    expect(asked.length).toBeGreaterThan(0);
  });
});

describe('the known-sites content script', () => {
  const compact = knownSitesKnowledge(knowledge);

  it('carries no fingerprints and no site without a domain of its own', () => {
    for (const [id, site] of Object.entries(compact.sites)) {
      expect(site.fingerprints, id).toBeUndefined();
      expect(site.domains.length, id).toBeGreaterThan(0);
    }
  });

  it('reads every corpus page of a known site as the full knowledge and the open-standards reader do', () => {
    let known = 0;
    for (const entry of corpusCases()) {
      const url = new URL(entry.url);
      if (!siteForUrl(url)) continue;
      known++;
      const { document } = parseHTML(readFileSync(entry.path, 'utf8'));
      expect(extractWith(compact, document, entry.url), entry.file).toEqual(extractFeatures(document, entry.url));
    }
    expect(known).toBeGreaterThan(100);
  });
});
