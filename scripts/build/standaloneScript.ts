import { build, type Plugin } from 'vite';

/**
 * Builds a content script that no manifest entry names as one self-contained file (an IIFE, every import
 * inlined) and adds it to the extension's output under `fileName`. The worker injects or registers it by that
 * name (`scripting.executeScript`, `registerContentScripts`); nothing makes it web-accessible, so pages cannot
 * probe for it. crxjs builds only the scripts the manifest declares or a `?script` import names, and such an
 * import would list the file as web-accessible to every site.
 */
export function standaloneScript(entry: string, fileName: string, define: Record<string, string>): Plugin {
  let minify: boolean | 'oxc' | 'terser' | 'esbuild' = true;
  let target: string | string[] | false = 'es2022';
  let root = process.cwd();
  let mode = 'production';
  return {
    name: 'reach-or-relate:standalone-script',
    apply: 'build',
    configResolved(config) {
      minify = config.build.minify;
      target = config.build.target;
      root = config.root;
      mode = config.mode;
    },
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        root,
        mode,
        define,
        plugins: [],
        build: {
          write: false,
          emptyOutDir: false,
          minify,
          target,
          sourcemap: false,
          lib: { entry, formats: ['iife'], name: 'reachOrRelateAnySite', fileName: () => fileName },
          rolldownOptions: { output: { entryFileNames: fileName, inlineDynamicImports: true } },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
      const chunk = outputs.find((output) => output.type === 'chunk' && output.isEntry);
      if (chunk?.type !== 'chunk') this.error(`standaloneScript: no bundle for ${entry}`);
      this.emitFile({ type: 'asset', fileName, source: chunk.code });
    },
  };
}
