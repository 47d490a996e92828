/**
 * Pages no extension may read, whatever it is granted: the browsers keep their stores and account pages to
 * themselves. Chromium: chrome_extensions_client.cc and extension_urls.cc (the Web Store, old and new);
 * Firefox: the default of `extensions.webextensions.restrictedDomains` (toolkit/components/extensions).
 */
const RESTRICTED_HOSTS = new Set([
  'chromewebstore.google.com',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

/**
 * Whether "Check this page" can work on the tab's address: a web page (not the browser's own pages, files or
 * another extension's) on a host the browser lets extensions read. An unknown address (no `tabs` permission
 * and no grant yet) may be either, so the check is offered and the browser answers.
 */
export function canCheck(url: string | undefined): boolean {
  if (url === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (RESTRICTED_HOSTS.has(parsed.hostname)) return false;
  return !(parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'));
}
