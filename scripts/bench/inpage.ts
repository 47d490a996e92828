import { build } from 'esbuild';
import type { CDPSession } from 'playwright-core';
import { knowledge } from '../../src/core/sites';
import type { InPageResult } from './inpage-entry';

export type { InPageResult } from './inpage-entry';

let bundle: Promise<string> | undefined;

/** The extraction and classification code as one script, built like the content script (minified, same knowledge). */
export function inPageBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [new URL('./inpage-entry.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { __EXTRACTION_KNOWLEDGE__: JSON.stringify(knowledge) },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

/**
 * Runs extraction and classification in a fresh isolated world of the page (the content script's kind of world),
 * first once cold, then repeatedly: extract alone for `warmBudgetMs`, classify alone for half of it.
 */
export async function timeInPage(cdp: CDPSession, warmBudgetMs: number): Promise<InPageResult> {
  const source = await inPageBundle();
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'reach-or-relate-bench',
  });
  const load = await cdp.send('Runtime.evaluate', { expression: source, contextId: executionContextId });
  if (load.exceptionDetails) throw new Error(`bench bundle failed: ${load.exceptionDetails.text}`);
  const call = `globalThis.__rorBench.run(${warmBudgetMs})`;
  const result = await cdp.send('Runtime.evaluate', {
    expression: call,
    contextId: executionContextId,
    returnByValue: true,
  });
  if (result.exceptionDetails) throw new Error(`bench run failed: ${result.exceptionDetails.text}`);
  return result.result.value as InPageResult;
}

/** Per-selector cost on the page as it is now (see `selectorCosts` in inpage-entry.ts). */
export async function selectorCostsInPage(
  cdp: CDPSession,
  url: string,
  budgetMs: number,
): Promise<Array<[string, number]>> {
  const source = await inPageBundle();
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'reach-or-relate-bench-selectors',
  });
  await cdp.send('Runtime.evaluate', { expression: source, contextId: executionContextId });
  const result = await cdp.send('Runtime.evaluate', {
    expression: `globalThis.__rorBench.selectorCosts(${JSON.stringify(url)}, ${budgetMs})`,
    contextId: executionContextId,
    returnByValue: true,
  });
  return (result.result.value as Array<[string, number]>) ?? [];
}
