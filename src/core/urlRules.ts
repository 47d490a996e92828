import type { SiteDefinition, UrlRule } from './types';

/** Every condition a rule names must hold. */
export function ruleMatches(rule: UrlRule, url: URL): boolean {
  if (rule.hosts && !rule.hosts.includes(url.hostname.toLowerCase())) return false;
  if (rule.path && !rule.path.test(url.pathname)) return false;
  if (rule.search && !rule.search.test(url.search)) return false;
  if (rule.hash && !rule.hash.test(url.hash)) return false;
  return true;
}

/** The first of the site's URL rules that matches, if any. */
export function matchUrlRule(site: SiteDefinition, url: URL): UrlRule | null {
  return site.urlRules.find((rule) => ruleMatches(rule, url)) ?? null;
}
