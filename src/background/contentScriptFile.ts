/**
 * Where crxjs writes the self-contained content script (its name mirrors the source path). Not imported
 * with `?script`: that import would list the file as web-accessible to every site, which lets pages detect
 * the extension. A browser test injects it on demand, so a change of name fails loudly.
 */
export const CONTENT_SCRIPT_FILE = 'src/content/index.js';
