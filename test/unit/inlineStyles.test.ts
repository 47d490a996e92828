import { describe, expect, it } from 'vitest';
import { inlineStyles } from '../../scripts/build/inlineStyles';

const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`;
const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source }) as const;

function run(pages: string[], files: Record<string, ReturnType<typeof asset> | { type: 'chunk'; code: string }>) {
  const hook = inlineStyles(pages).generateBundle as unknown as (
    this: { error(message: string): never },
    options: unknown,
    bundle: unknown,
  ) => void;
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };
  hook.call(context, {}, files);
  return files as Record<string, { source?: string }>;
}

describe('inlineStyles', () => {
  it('puts a linked stylesheet into the page and drops the file no one else names', () => {
    const out = run(['popup.html'], {
      'popup.html': asset('popup.html', page('<link rel="stylesheet" crossorigin href="/assets/p.css">')),
      'assets/p.css': asset('assets/p.css', 'body{color:red}\n'),
    });
    expect(out['popup.html']?.source).toContain('<style>body{color:red}</style>');
    expect(out['popup.html']?.source).not.toContain('<link');
    expect(out['assets/p.css']).toBeUndefined();
  });

  it('keeps a stylesheet another page still links, and leaves other pages alone', () => {
    const link = '<link rel="stylesheet" href="/assets/shared.css">';
    const out = run(['popup.html'], {
      'popup.html': asset('popup.html', page(link)),
      'options.html': asset('options.html', page(link)),
      'assets/shared.css': asset('assets/shared.css', 'p{margin:0}'),
    });
    expect(out['popup.html']?.source).toContain('<style>p{margin:0}</style>');
    expect(out['options.html']?.source).toContain(link);
    expect(out['assets/shared.css']).toBeDefined();
  });

  it('keeps the link when the stylesheet would end the style element early', () => {
    const link = '<link rel="stylesheet" href="/assets/odd.css">';
    const out = run(['popup.html'], {
      'popup.html': asset('popup.html', page(link)),
      'assets/odd.css': asset('assets/odd.css', 'p::after{content:"</style>"}'),
    });
    expect(out['popup.html']?.source).toContain(link);
    expect(out['assets/odd.css']).toBeDefined();
  });

  it('fails the build when a named page is missing', () => {
    expect(() => run(['missing.html'], {})).toThrow(/missing\.html/);
  });
});
