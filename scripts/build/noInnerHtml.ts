import type { Plugin } from 'vite';

/**
 * Preact writes `dangerouslySetInnerHTML.__html` into `element.innerHTML` in one place of its diff. This
 * extension never renders HTML from data (user text is rendered as text; Biome's recommended
 * `security/noDangerouslySetInnerHtml` rule keeps the prop out of the sources), so the write is replaced by an
 * error: the shipped code then has no path that parses a string as HTML, and `web-ext lint` has no
 * `UNSAFE_VAR_ASSIGNMENT` to report. When a Preact upgrade changes that line, the build fails here rather than
 * quietly shipping the write again.
 */
const PREACT_MODULE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
/** The minified write in preact/src/diff/index.js: `dom.innerHTML = newHtml.__html`. */
const INNER_HTML_WRITE = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;
const REFUSAL = '(()=>{throw new TypeError("dangerouslySetInnerHTML is not supported in this extension")})()';

export function removeInnerHtmlWrite(code: string): { code: string; replaced: number } {
  let replaced = 0;
  const next = code.replace(INNER_HTML_WRITE, () => {
    replaced += 1;
    return REFUSAL;
  });
  return { code: next, replaced };
}

export function noInnerHtml(): Plugin {
  return {
    name: 'reach-or-relate:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_MODULE.test(id.split('?')[0] ?? id)) return null;
      const { code: next, replaced } = removeInnerHtmlWrite(code);
      if (replaced !== 1) {
        this.error(`noInnerHtml: expected one innerHTML write in ${id}, found ${replaced}; check the Preact upgrade`);
      }
      return { code: next, map: null };
    },
  };
}
