import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll, ROOT, WELCOME_PATH } from './harness';
import { BADGE, corpusPage } from './pages/fixtures';
import { seedItems } from './pages/seed';

/**
 * Firefox for Android shows the popup, the options page and the welcome on a phone: at 360 CSS pixels wide
 * (the narrowest common phone width) nothing may stick out sideways, and every control must be a touch
 * target of at least 44 x 44 CSS pixels (WCAG 2.2, 2.5.5 Target Size (Enhanced),
 * https://www.w3.org/TR/WCAG22/#target-size-enhanced; Android's own guidance is 48 dp). Measured in Chromium
 * with a touch screen emulated, so that `(pointer: coarse)` matches as on a phone; the stylesheets keep the
 * denser desktop layout for a mouse. A control's target is its box together with its label's, since tapping
 * the label works the control. Screenshots go to test-output/narrow/ (git-ignored).
 */

const WIDTH = 360;
const HEIGHT = 640;
const MIN_TARGET = 44;
const OUTPUT_DIR = join(ROOT, 'test-output', 'narrow');

interface Measure {
  controls: number;
  small: Array<{ what: string; width: number; height: number }>;
  overflow: number;
}

/** Serialized into the page: self-contained. */
function measureTargets(min: number): Measure {
  for (const details of document.querySelectorAll('details')) details.open = true;
  const selector = [
    'a[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[role="button"]',
    '[role="switch"]',
    '[tabindex]:not([tabindex="-1"])',
  ].join(', ');
  const small: Measure['small'] = [];
  let controls = 0;
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    const own = element.getBoundingClientRect();
    if (own.width === 0 && own.height === 0) continue;
    if (getComputedStyle(element).visibility === 'hidden') continue;
    controls++;
    let [left, top, right, bottom] = [own.left, own.top, own.right, own.bottom];
    const labels = (element as HTMLInputElement).labels ?? [];
    for (const label of labels) {
      const box = label.getBoundingClientRect();
      left = Math.min(left, box.left);
      top = Math.min(top, box.top);
      right = Math.max(right, box.right);
      bottom = Math.max(bottom, box.bottom);
    }
    const width = Math.round((right - left) * 10) / 10;
    const height = Math.round((bottom - top) * 10) / 10;
    if (width < min || height < min) {
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
      const kind = element instanceof HTMLInputElement ? `input[type=${element.type}]` : element.localName;
      small.push({ what: `${kind} "${name || labels[0]?.textContent?.trim().slice(0, 40) || ''}"`, width, height });
    }
  }
  const root = document.documentElement;
  return { controls, small, overflow: Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth };
}

async function measure(page: HarnessPage, name: string): Promise<Measure> {
  await page.emulateTouch?.();
  await page.setViewport(WIDTH, HEIGHT);
  const result = await page.evaluate(measureTargets, MIN_TARGET);
  await page.screenshot(join(OUTPUT_DIR, `${name}.png`), { width: WIDTH });
  return result;
}

mkdirSync(OUTPUT_DIR, { recursive: true });

const chromium = availableBrowsers().find((entry) => entry.name === 'chromium');

(chromium?.available ? describe : describe.skip)('chromium: 360 px wide with a touch screen', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await (chromium as NonNullable<typeof chromium>).launch();
    await harness.evaluateInExtension((items) => chrome.storage.local.set(items), seedItems(new Date()));
  });

  afterAll(async () => {
    await harness?.close();
  });

  it.each([
    ['networking', 'linkedin/mynetwork.html'],
    ['media', 'youtube/watch-es.html'],
  ] as const)('the popup over a %s page: 44 px targets, no sideways scrolling', async (label, file) => {
    const page = corpusPage(file);
    harness.serve(page.url, page.html);
    const tab = await harness.open(page.url);
    expect(await harness.waitForBadge(tab, BADGE[label], 10_000)).toBe(BADGE[label]);
    const popup = await harness.popupPageFor(tab);
    await poll(() => popup.textContent('[data-testid="headline"]'), Boolean, 5_000, 50);
    await poll(
      () => popup.textContent('textarea'),
      (text) => text !== null,
      5_000,
      50,
    );
    const result = await measure(popup, `popup-${label}`);
    expect(result.controls).toBeGreaterThan(5);
    expect(result.small).toEqual([]);
    expect(result.overflow).toBeLessThanOrEqual(0);
    await popup.close();
    await tab.close();
  });

  it('the options page with notes and sites: 44 px targets, no sideways scrolling', async () => {
    const options = await harness.open(`${harness.extensionOrigin}/src/options/index.html`);
    await poll(
      () => options.textContent('#notes'),
      (text) => text?.includes('recruiters') ?? false,
      5_000,
      50,
    );
    const result = await measure(options, 'options');
    expect(result.controls).toBeGreaterThan(20);
    expect(result.small).toEqual([]);
    expect(result.overflow).toBeLessThanOrEqual(0);
    await options.close();
  });

  it.each([
    ['balance', 'src/balancePage/index.html', '.site-rows'],
    ['balance-site', 'src/balancePage/index.html#site=linkedin.com', '.balance__note'],
    ['panel', 'src/balancePage/panel.html', '[data-testid="panel-label"]'],
  ])('the %s page: 44 px targets, no sideways scrolling', async (name, path, ready) => {
    const page = await harness.open(`${harness.extensionOrigin}/${path}`);
    expect(await poll(() => page.textContent(ready), Boolean, 5_000, 50)).toBeTruthy();
    const result = await measure(page, name);
    expect(result.controls).toBeGreaterThanOrEqual(name === 'panel' ? 1 : 5);
    expect(result.small).toEqual([]);
    expect(result.overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('the welcome: 44 px targets, no sideways scrolling', async () => {
    const welcome = await harness.open(`${harness.extensionOrigin}/${WELCOME_PATH}`);
    await poll(() => welcome.textContent('[data-testid="shortcut"]'), Boolean, 5_000, 50);
    const result = await measure(welcome, 'welcome');
    expect(result.controls).toBeGreaterThanOrEqual(2);
    expect(result.small).toEqual([]);
    expect(result.overflow).toBeLessThanOrEqual(0);
    await welcome.close();
  });
});
