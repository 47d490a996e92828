import { getDomain } from 'tldts';

/**
 * The registrable domain of a host name (`m.facebook.com` -> `facebook.com`), the key for per-site notes and
 * settings. Null for IP addresses, local names and junk. Not imported by the content script: the public
 * suffix list it carries is large.
 */
export function registrableDomain(hostname: string): string | null {
  return getDomain(hostname) ?? null;
}
