/**
 * Where crxjs writes the self-contained content script (its name mirrors the source path). Not imported
 * with `?script`: that import would list the file as web-accessible to every site, which lets pages detect
 * the extension. A browser test injects it on demand, so a change of name fails loudly.
 */
export const CONTENT_SCRIPT_FILE = 'src/content/index.js';

/**
 * The content script for sites that are not on the list (on-demand checks, every site when opted in, the sites
 * the user added): the one above plus the open-standards reader. Built by scripts/build/standaloneScript.ts.
 */
export const ANY_SITE_SCRIPT_FILE = 'src/content/anySite.js';
