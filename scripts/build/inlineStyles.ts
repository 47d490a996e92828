import type { Plugin } from 'vite';

const LINKED_STYLESHEET = /<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g;

/**
 * Puts the stylesheets linked from the given HTML pages into the pages themselves. A linked stylesheet holds
 * the first paint until the browser has fetched it; in the popup, opened on every toolbar click, that fetch
 * measured about 16 ms of its first paint (`npm run bench`). Extension pages' content security policy limits
 * scripts, not styles. A stylesheet no other file names is then left out of the build.
 */
export function inlineStyles(pages: string[]): Plugin {
  return {
    name: 'reach-or-relate:inline-styles',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const inlined = new Set<string>();
      for (const page of pages) {
        const html = bundle[page];
        if (html?.type !== 'asset' || typeof html.source !== 'string') {
          this.error(`inlineStyles: no HTML page ${page} in the build`);
        }
        html.source = html.source.replace(LINKED_STYLESHEET, (tag, file: string) => {
          const css = bundle[file];
          if (css?.type !== 'asset') return tag;
          const text = typeof css.source === 'string' ? css.source : new TextDecoder().decode(css.source);
          if (text.includes('</style')) return tag;
          inlined.add(file);
          return `<style>${text.trim()}</style>`;
        });
      }
      for (const file of inlined) {
        const named = Object.values(bundle).some((output) => {
          const text = output.type === 'chunk' ? output.code : output.source;
          return typeof text === 'string' && text.includes(file);
        });
        if (!named) delete bundle[file];
      }
    },
  };
}
