import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeForSync } from '../../src/storage/notes';
import { availableBrowsers, type BrowserHarness, poll, ROOT } from './harness';
import { page as fixturePage } from './pages/fixtures';

/**
 * Stored data that is not what this version writes, in the built extension: data of a newer version (a higher
 * schemaVersion, fields this version does not know), damaged usage totals, a long note whose sync parts have not
 * all arrived, and a malformed per-tab state. Nothing is dropped: the options page says what was kept aside and
 * why, lists the incomplete note, and the popup over a tab with a damaged state still shows a verdict.
 */

const FEED_URL = 'https://www.linkedin.com/feed/';
const OUTPUT_DIR = join(ROOT, 'test-output', 'storage');
const NEWER = {
  schemaVersion: 99,
  settings: { sync: true, retentionDays: 90, theme: 'dark' },
  sites: { 'reddit.com': { labeling: true, override: 'media', reminder: false, colour: 'red' } },
  customSites: [],
};
const DAMAGED_USAGE = { '2024-01-01': { 'youtube.com': { media: 'lots' } } };
const LONG_NOTE = {
  domain: 'reddit.com',
  path: '/r/cooking/',
  text: '\u0001'.repeat(1999),
  reminder: false,
  updatedAt: 5,
};

mkdirSync(OUTPUT_DIR, { recursive: true });

for (const browser of availableBrowsers()) {
  (browser.available ? describe : describe.skip)(`${browser.name}: stored data that is not this version's`, () => {
    let harness: BrowserHarness;

    beforeAll(async () => {
      harness = await browser.launch();
      const { 'note:reddit.com|/r/cooking/#1': _late, ...arrived } = encodeForSync(LONG_NOTE, 'abc');
      await harness.evaluateInExtension(
        async (items) => {
          await chrome.storage.local.set({ ...items.local });
          await chrome.storage.sync.set(items.sync);
        },
        { local: { ...NEWER, usageTotals: DAMAGED_USAGE }, sync: arrived },
      );
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('keeps newer-version data, says so and why in the options page, and lists the incomplete note', async () => {
      const options = await harness.open(`${harness.extensionOrigin}/src/options/index.html`);
      const data = await poll(
        () => options.textContent('#data'),
        (text) => text?.includes('data version 99') ?? false,
        10_000,
        100,
      );
      expect(data).toContain('Some data was written by a newer version of Reach or Relate (data version 99).');
      expect(data).toContain('kept here so that nothing of it is lost');
      const notes = await poll(
        () => options.textContent('#notes'),
        (text) => text?.includes('cannot be shown yet') ?? false,
        10_000,
        100,
      );
      expect(notes).toContain('reddit.com/r/cooking/: Part 2 of 2 has not arrived from sync yet.');
      expect(notes).not.toContain('No notes yet');
      await options.screenshot(join(OUTPUT_DIR, `${browser.name}-options.png`), { width: 900 });

      // The newer version's data is still there as it wrote it, and its fields survive in the backups.
      const stored = await harness.evaluateInExtension(() => chrome.storage.local.get(null));
      expect(stored.schemaVersion).toBe(99);
      expect(stored.settings).toEqual(NEWER.settings);
      const backups = Object.entries(stored).filter(([key]) => key.startsWith('backup:'));
      expect(backups.map(([, value]) => (value as { value: unknown }).value)).toEqual(
        expect.arrayContaining([NEWER.settings, NEWER.sites]),
      );
      await options.close();
    });

    it('a malformed per-tab state does not leave the popup busy: it checks the tab and shows a verdict', async () => {
      harness.serve(FEED_URL, fixturePage('linkedin-feed.html'));
      const feed = await harness.open(FEED_URL);
      expect(await harness.waitForBadge(feed, 'MED', 10_000)).toBe('MED');
      const tabId = await harness.tabIdOf(feed);
      await harness.evaluateInExtension(
        (key) => chrome.storage.session.set({ [key]: { tabId: Number(key.slice(4)), url: 5, verdict: 'broken' } }),
        `tab:${tabId}`,
      );
      const popup = await harness.popupPageFor(feed);
      const headline = await poll(() => popup.textContent('[data-testid="headline"]'), Boolean, 10_000, 100);
      expect(headline).toBeTruthy();
      expect(await popup.evaluate(() => document.querySelector('main')?.getAttribute('aria-busy'))).toBe('false');
      await popup.close();
      await feed.close();
    });
  });
}
