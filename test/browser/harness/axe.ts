import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HarnessPage } from './types';

/** axe-core's bundle, run in a page through the automation protocol (extension pages' CSP forbids inline scripts). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core over the whole document. Serialized into the page: self-contained. */
async function runAxe(): Promise<Violation[]> {
  const axe = (
    globalThis as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{
          violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
        }>;
      };
    }
  ).axe;
  const { violations } = await axe.run(document, { resultTypes: ['violations'] });
  return violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }));
}

/** axe-core's findings on the page as it is now, once its animations have finished. */
export async function axeViolations(page: HarnessPage): Promise<Violation[]> {
  // Colours measured mid-animation are not the ones people read.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished)).then(() => true),
  );
  await page.runScript(AXE_SOURCE);
  return page.evaluate(runAxe);
}

/** The serious and critical findings only: what a test fails on. Minor ones are logged. */
export async function seriousAxeViolations(page: HarnessPage, what: string): Promise<Violation[]> {
  const violations = await axeViolations(page);
  const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length > 0) console.info(`${what}: minor axe-core findings`, minor);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
