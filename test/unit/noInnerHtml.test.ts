import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { removeInnerHtmlWrite } from '../../scripts/build/noInnerHtml';

const preactModule = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');

describe('the build step that takes innerHTML out of Preact', () => {
  it('finds the one innerHTML write in the installed Preact and leaves none', () => {
    expect(preactModule).toMatch(/\.innerHTML=/);
    const { code, replaced } = removeInnerHtmlWrite(preactModule);
    expect(replaced).toBe(1);
    expect(code).not.toMatch(/\.innerHTML\s*=/);
    // Reading innerHTML (to compare) stays; only the write goes.
    expect(code).toContain('.innerHTML');
  });

  it('turns the write into an error naming the prop', () => {
    const { code } = removeInnerHtmlWrite('x&&(t.innerHTML=h.__html)');
    const t = { innerHTML: '' };
    expect(() => runInNewContext(code, { x: true, t, h: { __html: '<b>bold</b>' } })).toThrow(
      /dangerouslySetInnerHTML/,
    );
    expect(t.innerHTML).toBe('');
  });
});
