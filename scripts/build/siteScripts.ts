import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';

/** One declared content script: the site it is for, its match patterns and the knowledge it carries. */
export interface SiteScript {
  id: string;
  matches: string[];
  /** The value inlined for `__EXTRACTION_KNOWLEDGE__`: plain JSON. */
  knowledge: unknown;
}

/** What the shared bundle reads the knowledge from until each site's copy replaces it (never shipped as is). */
const PLACEHOLDER = 'globalThis.__REACH_OR_RELATE_SITE_KNOWLEDGE__';

export function siteScriptFile(id: string): string {
  return `src/content/sites/${id}.js`;
}

/**
 * One content script per site, registered in the manifest for that site's hosts only, each carrying that one
 * site's knowledge (a few hundred bytes) instead of every site's: a page load evaluates and looks up less, and
 * the scripts stay small however many sites the platform files add. The entry is bundled once as a
 * self-contained IIFE (nothing web-accessible, as crxjs's loader would make it) with a placeholder for the
 * knowledge, then written out once per site with that site's knowledge in its place; the manifest's
 * `content_scripts` are set from the same list once crxjs has written the manifest.
 */
export function siteScripts(entry: string, scripts: () => SiteScript[], runAt = 'document_end'): Plugin {
  let minify: boolean | 'oxc' | 'terser' | 'esbuild' = true;
  let target: string | string[] | false = 'es2022';
  let root = process.cwd();
  let mode = 'production';
  let outDir = 'dist';
  let declared: SiteScript[] = [];
  return {
    name: 'reach-or-relate:site-scripts',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      minify = config.build.minify;
      target = config.build.target;
      root = config.root;
      mode = config.mode;
      outDir = join(config.root, config.build.outDir);
    },
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        root,
        mode,
        define: { __EXTRACTION_KNOWLEDGE__: PLACEHOLDER },
        plugins: [],
        build: {
          write: false,
          emptyOutDir: false,
          minify,
          target,
          sourcemap: false,
          lib: { entry, formats: ['iife'], name: 'reachOrRelateSite', fileName: () => 'site.js' },
          rolldownOptions: { output: { entryFileNames: 'site.js', inlineDynamicImports: true } },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
      const chunk = outputs.find((output) => output.type === 'chunk' && output.isEntry);
      if (chunk?.type !== 'chunk') this.error(`siteScripts: no bundle for ${entry}`);
      const parts = chunk.code.split(PLACEHOLDER);
      if (parts.length !== 2)
        this.error(`siteScripts: the bundle names the knowledge ${parts.length - 1} times, not once`);
      declared = scripts();
      for (const script of declared) {
        const source = parts.join(`(${JSON.stringify(script.knowledge)})`);
        this.emitFile({ type: 'asset', fileName: siteScriptFile(script.id), source });
      }
    },
    // crxjs's manifest is not in the bundle yet when this plugin's generateBundle runs (Vite 8's Rolldown adds
    // emitted files later), so the declarations go into the written file.
    writeBundle(options) {
      const path = join(options.dir ?? outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = declared.map((s) => ({
        matches: s.matches,
        js: [siteScriptFile(s.id)],
        run_at: runAt,
      }));
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
