import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { inlineStyles } from './scripts/build/inlineStyles';
import { noInnerHtml } from './scripts/build/noInnerHtml';
import { siteScripts } from './scripts/build/siteScripts';
import { standaloneScript } from './scripts/build/standaloneScript';
import { ANY_SITE_SCRIPT_FILE, NUDGE_SCRIPT_FILE } from './src/background/contentScriptFile';
import { siteKnowledge } from './src/core/knowledge';
import { knowledge, siteMatches, sites } from './src/core/sites';
import { BALANCE_PAGE, PANEL_PAGE } from './src/shared/pages';

type Browser = 'chrome' | 'firefox';

const GECKO_ID = 'reach-or-relate@reach-or-relate.org';
const FIREFOX_MIN_VERSION = '142.0';
/**
 * Firefox for Android: 142 is the first with `data_collection_permissions` (MDN browser-compat-data,
 * webextensions.manifest.browser_specific_settings.gecko.data_collection_permissions); everything else the
 * extension uses came earlier there or is missing and handled (test/unit/android-compat.test.ts).
 */
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * manifest.json holds what both browsers share, and each browser gets only the keys it understands (Chrome
 * warns about `browser_specific_settings`, Firefox MV3 has no service workers). The content scripts are not
 * in it: siteScripts() declares one per site, from the platform knowledge, so that the two cannot drift apart.
 */
export function manifestFor(browser: Browser): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown> & typeof baseManifest;
  manifest.version = pkg.version;
  if (browser === 'firefox') {
    const { service_worker, type } = baseManifest.background;
    const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
    return {
      ...rest,
      background: { scripts: [service_worker], type },
      // The Balance panel in Firefox's sidebar (Chrome's side panel below). Firefox for Android has no sidebar
      // and ignores the key (MDN browser-compat-data, webextensions.manifest.sidebar_action): the popup and the
      // Balance page, an ordinary tab, are the way there.
      sidebar_action: {
        default_panel: PANEL_PAGE,
        default_title: '__MSG_panelTitle__',
        default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
        open_at_install: false,
      },
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
      },
    } as unknown as ManifestV3Export;
  }
  // Administrators' policies: Chrome reads their schema from the package; Firefox takes policies.json.
  // The Balance panel in Chrome's side panel, which needs the sidePanel permission (no API is called: the
  // person opens it from Chrome's side panel menu).
  return {
    ...manifest,
    permissions: [...manifest.permissions, 'sidePanel'],
    side_panel: { default_path: PANEL_PAGE },
    storage: { managed_schema: 'managed_schema.json' },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  // Each site's script gets that site's knowledge; the one for other sites gets all of it.
  const anySiteDefine = { __EXTRACTION_KNOWLEDGE__: JSON.stringify(knowledge) };
  const perSite = () =>
    sites
      .filter((site) => site.domains.length > 0)
      .map((site) => ({ id: site.id, matches: siteMatches(site), knowledge: siteKnowledge(knowledge, site.id) }));
  return {
    plugins: [
      crx({
        manifest: manifestFor(browser),
        browser,
      }),
      // One self-contained file per site: crxjs's loader would expose the script's chunks as web-accessible
      // resources, which lets any page detect the extension.
      siteScripts('src/content/index.ts', perSite),
      inlineStyles(['src/popup/index.html']),
      noInnerHtml(),
      // The script for on-demand checks and opted-in sites: the known-sites one plus the open-standards reader.
      standaloneScript('src/content/anySite.ts', ANY_SITE_SCRIPT_FILE, anySiteDefine),
      // The intentions' prompt and nudges, injected by the worker when one is due (background/balance.ts).
      standaloneScript('src/nudge/index.ts', NUDGE_SCRIPT_FILE, {}),
    ],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      // Pages no manifest key names: the welcome, opened by the worker on first install; the Balance page,
      // opened from the popup and the options page; its panel, which Firefox's sidebar names but crxjs reads
      // only Chrome's side_panel key.
      rollupOptions: { input: { welcome: 'src/welcome/index.html', balance: BALANCE_PAGE, panel: PANEL_PAGE } },
    },
    server: { port: 5173, strictPort: true },
  };
});
