/**
 * The extension's own pages, as paths from its root: the build keeps each page where its source is
 * (vite.config.ts names the ones no manifest key names). The worker, the popup, the options and welcome pages
 * link to them by these.
 */
export const BALANCE_PAGE = 'src/balancePage/index.html';
/** The Balance page's narrow companion: Chrome's side panel, Firefox's sidebar. */
export const PANEL_PAGE = 'src/balancePage/panel.html';

/** The fragment of the Balance page's view of one site: `#site=linkedin.com`, which a reload keeps. */
export function siteHash(domain: string): string {
  return `#site=${encodeURIComponent(domain)}`;
}

/** The site a fragment names, or null for the overview (anything else). */
export function siteOfHash(hash: string): string | null {
  const match = /^#site=(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
