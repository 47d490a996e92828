import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll, ROOT } from './harness';
import { seriousAxeViolations } from './harness/axe';
import { BADGE, corpusPage } from './pages/fixtures';
import { seedItems } from './pages/seed';

/**
 * The Balance page and its side panel in the built extension, over the browser tests' two weeks of seeded
 * usage: the week's total, daily average and change against the week before (summed here from the seed,
 * independently of the page's own arithmetic), a site's row opening that site's view at an address that a
 * reload and Back keep, keyboard use, axe; the panel page showing the label of the tab beside it and
 * following the browser to another tab. Screenshots at 1280 and 400 px wide, light and dark, and in Arabic
 * (Chromium) go to test-output/balance/ (git-ignored) for a person to look at.
 */

const OUTPUT_DIR = join(ROOT, 'test-output', 'balance');
mkdirSync(OUTPUT_DIR, { recursive: true });
const BALANCE = 'src/balancePage/index.html';
const PANEL = 'src/balancePage/panel.html';
const SEED = seedItems(new Date());

type Totals = Record<string, Record<string, { media: number; networking: number; mixed: number }>>;

/** Time over `days` days ending `back` days before today, from the seed's own numbers. */
function seededTime(days: number, back: number): number {
  const totals = SEED.usageTotals as Totals;
  const keys = Object.keys(totals).sort().reverse();
  let sum = 0;
  for (const day of keys.slice(back, back + days)) {
    for (const site of Object.values(totals[day] ?? {})) sum += site.media + site.networking + site.mixed;
  }
  return sum;
}

interface Figure {
  name: string;
  value: string;
  text: string;
}

async function figures(page: HarnessPage): Promise<Record<string, Figure>> {
  const list = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.balance__figure')].map((figure) => ({
      name: figure.dataset.figure ?? '',
      value: figure.querySelector('dd')?.dataset.value ?? '',
      text: figure.querySelector('dd')?.textContent ?? '',
    })),
  );
  return Object.fromEntries(list.map((figure) => [figure.name, figure]));
}

async function openBalance(harness: BrowserHarness, hash = ''): Promise<HarnessPage> {
  const page = await harness.open(`${harness.extensionOrigin}/${BALANCE}${hash}`);
  const shown = await poll(() => page.textContent('.site-rows, .balance__site'), Boolean, 10_000, 50);
  expect(shown, `${BALANCE}${hash} shows the seeded sites`).toBeTruthy();
  return page;
}

async function shoot(page: HarnessPage, name: string, width: number): Promise<void> {
  await page.setViewport(width, 800);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: nothing sticks out sideways at ${width} px`).toBeLessThanOrEqual(0);
  await page.screenshot(join(OUTPUT_DIR, `${name}.png`), { width });
}

for (const browser of availableBrowsers()) {
  (browser.available ? describe : describe.skip)(`${browser.name}: the Balance page`, () => {
    let harness: BrowserHarness;

    beforeAll(async () => {
      harness = await browser.launch();
      await harness.evaluateInExtension((items) => chrome.storage.local.set(items), SEED);
    });

    afterAll(async () => {
      await harness?.close();
    });

    it("gives the week's time, its daily average and the change from the week before", async () => {
      const page = await openBalance(harness);
      const week = seededTime(7, 0);
      const before = seededTime(7, 7);
      const shown = await figures(page);
      expect(Number(shown.total?.value)).toBe(week);
      expect(Number(shown.average?.value)).toBeCloseTo(week / 7, 6);
      const change = week / before - 1;
      expect(Number(shown.change?.value)).toBeCloseTo(change, 9);
      expect(shown.change?.text).toBe(`${Math.round(Math.abs(change) * 100)}% ${change > 0 ? 'more' : 'less'}`);
      expect(shown.ratio?.text).toMatch(/^about \d+ to \d+$|^about even$/);
      // Today alone: the first day of the seed against the one before.
      await page.click('input[name="balance-period"]');
      await poll(() => figures(page).then((f) => f.average === undefined), Boolean, 5_000, 50);
      expect(Number((await figures(page)).total?.value)).toBe(seededTime(1, 0));
      expect(await page.evaluate(() => document.querySelector('svg.usage-chart'))).toBeNull();
      expect(await seriousAxeViolations(page, 'balance, today')).toEqual([]);
      await page.close();
    });

    it("a site's row opens its view, which a reload and Back keep; the keyboard gets there too", async () => {
      const page = await openBalance(harness);
      expect(await seriousAxeViolations(page, 'balance overview')).toEqual([]);
      await shoot(page, `${browser.name}-overview-1280`, 1280);
      await shoot(page, `${browser.name}-overview-400`, 400);

      // A click on the row's note, not on its link: the whole row opens the site's view.
      const note = await page.evaluate(() => {
        const element = document.querySelector('.site-row[data-domain="linkedin.com"] .site-row__note');
        element?.scrollIntoView({ block: 'center' });
        const box = element?.getBoundingClientRect();
        return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
      });
      expect(note).not.toBeNull();
      await page.clickAt(note?.x ?? 0, note?.y ?? 0);
      await poll(() => page.textContent('[data-testid="site-heading"]'), Boolean, 5_000, 50);
      expect(await page.evaluate(() => location.hash)).toBe('#site=linkedin.com');
      expect(await page.textContent('[data-testid="site-heading"]')).toBe('linkedin.com');
      expect(await page.textContent('.balance__note')).toBe('Only to reply to recruiters and to the two groups I run.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('balance-site-heading');
      expect(await seriousAxeViolations(page, 'balance, linkedin.com')).toEqual([]);
      await shoot(page, `${browser.name}-site-1280`, 1280);
      await shoot(page, `${browser.name}-site-400`, 400);

      // Reloaded by the page itself (the automation's reload waits forever on Firefox for a fragment URL); the
      // mark set before tells the new document from the old.
      await page.evaluate(() => {
        (window as { beforeReload?: boolean }).beforeReload = true;
        setTimeout(() => location.reload(), 0);
        return true;
      });
      const reloaded = await poll(
        () =>
          page
            .evaluate(() =>
              (window as { beforeReload?: boolean }).beforeReload
                ? null
                : (document.querySelector('[data-testid="site-heading"]')?.textContent ?? null),
            )
            .catch(() => null),
        Boolean,
        10_000,
        100,
      );
      expect(reloaded).toBe('linkedin.com');
      await page.evaluate(() => history.back());
      await poll(() => page.textContent('.site-rows'), Boolean, 5_000, 50);
      expect(await page.evaluate(() => location.hash)).toBe('');

      // Keyboard only: to a row's link, Enter; the back link, Enter; the focus returns to the row.
      await page.focus('.site-row[data-domain="reddit.com"] .site-row__link');
      await page.press('Enter');
      expect(await poll(() => page.textContent('[data-testid="site-heading"]'), Boolean, 5_000, 50)).toBe('reddit.com');
      await page.focus('.balance__back a');
      await page.press('Enter');
      const focused = await poll(
        () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? null),
        (href) => href === '#site=reddit.com',
        5_000,
        50,
      );
      expect(focused).toBe('#site=reddit.com');
      await page.close();
    });

    it('the panel shows the label of the tab beside it and follows the browser to another tab', async () => {
      const networking = corpusPage('linkedin/mynetwork.html');
      const media = corpusPage('youtube/channel.html');
      harness.serve(networking.url, networking.html);
      harness.serve(media.url, media.html);
      const first = await harness.open(networking.url);
      expect(await harness.waitForBadge(first, BADGE.networking, 10_000)).toBe(BADGE.networking);
      const second = await harness.open(media.url);
      expect(await harness.waitForBadge(second, BADGE.media, 10_000)).toBe(BADGE.media);

      const panel = await harness.extensionPageFor(first, PANEL);
      const label = () => panel.textContent('[data-testid="panel-label"]');
      expect(await poll(label, (text) => text?.startsWith('Social networking') ?? false, 10_000, 50)).toMatch(
        /^Social networking: .* on LinkedIn$/,
      );
      expect(await panel.textContent('#usage-heading')).toBe('Today on linkedin.com');
      expect(await panel.textContent('[data-testid="panel-all"]')).toMatch(/ in all: /);
      expect(await seriousAxeViolations(panel, 'panel')).toEqual([]);
      await shoot(panel, `${browser.name}-panel-360`, 360);

      // Another tab to the front: the panel follows without being asked.
      await second.bringToFront();
      expect(await poll(label, (text) => text?.startsWith('Social media') ?? false, 10_000, 50)).toMatch(
        /^Social media: .* on YouTube$/,
      );
      expect(await panel.textContent('#usage-heading')).toBe('Today on youtube.com');
      await panel.close();
      await first.close();
      await second.close();
    });
  });
}

const chromium = availableBrowsers().find((entry) => entry.name === 'chromium');

for (const look of [
  { name: 'dark', options: { colorScheme: 'dark' as const } },
  { name: 'ar', options: { uiLanguage: 'ar' } },
]) {
  (chromium?.available ? describe : describe.skip)(`chromium, ${look.name}: the Balance page`, () => {
    let harness: BrowserHarness;

    beforeAll(async () => {
      harness = await (chromium as NonNullable<typeof chromium>).launch(look.options);
      await harness.evaluateInExtension((items) => chrome.storage.local.set(items), SEED);
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('is axe-clean and laid out for the look, overview and site', async () => {
      const page = await openBalance(harness);
      if (look.name === 'ar') {
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
          'ar',
          'rtl',
        ]);
        // Right to left, the bars grow from the right: the first part of a bar starts at its right edge.
        const edges = await page.evaluate(() => {
          const bar = document.querySelector('.site-row .usage__bar')?.getBoundingClientRect();
          const part = document.querySelector('.site-row .usage__part')?.getBoundingClientRect();
          return { bar: bar?.right, part: part?.right };
        });
        expect(edges.part).toBeCloseTo(edges.bar ?? 0, 0);
      }
      expect(await seriousAxeViolations(page, `balance ${look.name}`)).toEqual([]);
      await shoot(page, `chromium-overview-${look.name}-1280`, 1280);
      await shoot(page, `chromium-overview-${look.name}-400`, 400);
      await page.goto(`${harness.extensionOrigin}/${BALANCE}#site=youtube.com`);
      await poll(() => page.textContent('[data-testid="site-heading"]'), Boolean, 5_000, 50);
      expect(await seriousAxeViolations(page, `balance site ${look.name}`)).toEqual([]);
      await shoot(page, `chromium-site-${look.name}-400`, 400);
      const panel = await harness.open(`${harness.extensionOrigin}/${PANEL}`);
      await poll(() => panel.textContent('[data-testid="panel-label"]'), Boolean, 5_000, 50);
      expect(await seriousAxeViolations(panel, `panel ${look.name}`)).toEqual([]);
      await shoot(panel, `chromium-panel-${look.name}-360`, 360);
      await panel.close();
      await page.close();
    });
  });
}
