/*
 * The known sites' content scripts are declared in the manifest, one per site (`src/content/sites/<id>.js`,
 * scripts/build/siteScripts.ts); the worker never injects them.
 */

/**
 * The content script for sites that are not on the list (on-demand checks, every site when opted in, the sites
 * the user added): the same code with every site's knowledge, plus the open-standards reader. Built by
 * scripts/build/standaloneScript.ts.
 */
export const ANY_SITE_SCRIPT_FILE = 'src/content/anySite.js';

/**
 * The in-page prompt and nudge for intentions and budgets (src/nudge/index.ts), injected only when one is due,
 * so that no known site's content script carries it.
 */
export const NUDGE_SCRIPT_FILE = 'src/nudge/nudge.js';
