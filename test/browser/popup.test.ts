import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll, ROOT } from './harness';
import { seriousAxeViolations } from './harness/axe';
import { BADGE, corpusPage, type Label, NEWS_HTML, NEWS_URL } from './pages/fixtures';

/**
 * The popup over tabs of each label, in both colour schemes: what its headline says, what axe-core finds, and a
 * screenshot at the popup's width for a person to look at (test-output/popup/, git-ignored).
 *
 * The popup describes the active tab of its own window. Opened in a tab of its own it would describe itself,
 * so `popupPageFor` opens it in a background tab of the social tab's window (the social tab stays active),
 * the way it sees that tab when it drops down from the toolbar. The real toolbar popup is checked too, in the
 * light run: through CDP's Extensions.triggerAction in Chromium, action.openPopup() in Firefox.
 */

interface Scene {
  /** The scene's name in test titles and screenshots: the label, or `neutral` for a social site's settings. */
  name: string;
  label: Label;
  url: string;
  html: string;
  headline: string;
}

function corpusScene(file: string, label: Label, headline: string, name: string = label): Scene {
  const page = corpusPage(file);
  if (!page.expect.includes(label)) throw new Error(`${file}: the corpus does not accept ${label}`);
  return { name, label, url: page.url, html: page.html, headline };
}

const SCENES: Scene[] = [
  corpusScene('instagram/reels-ja.html', 'media', 'Instagram, as social media'),
  corpusScene('linkedin/mynetwork.html', 'networking', "You're using LinkedIn for social networking"),
  // Facebook leans both ways, and its notifications cannot tell: the platform's usual use decides.
  corpusScene('facebook/notifications.html', 'mixed', "You're using Facebook both ways: media and networking"),
  // A social site's settings are no social activity: never mixed, no badge, the neutral state.
  corpusScene('facebook/settings-privacy.html', 'none', 'Facebook: not a social activity page', 'neutral'),
  { name: 'none', label: 'none', url: NEWS_URL, html: NEWS_HTML, headline: 'Not a social page' },
];

const HEADLINE = '[data-testid="headline"]';
/** The popup's width (body { width: 360px } in popup.css). */
const POPUP_WIDTH = 360;
const OUTPUT_DIR = join(ROOT, 'test-output', 'popup');
mkdirSync(OUTPUT_DIR, { recursive: true });

for (const browser of availableBrowsers()) {
  for (const scheme of ['light', 'dark'] as const) {
    (browser.available ? describe : describe.skip)(`${browser.name}, ${scheme}: the popup`, () => {
      let harness: BrowserHarness;
      const tabs = new Map<string, HarnessPage>();

      beforeAll(async () => {
        harness = await browser.launch({ colorScheme: scheme });
        for (const scene of SCENES) harness.serve(scene.url, scene.html);
        for (const scene of SCENES) {
          const page = await harness.open(scene.url);
          if (scene.label !== 'none') {
            const badge = await harness.waitForBadge(page, BADGE[scene.label], 10_000);
            if (badge !== BADGE[scene.label]) throw new Error(`${scene.url} is badged "${badge}"`);
          }
          tabs.set(scene.name, page);
        }
      });

      afterAll(async () => {
        await harness?.close();
      });

      it.each(SCENES)('over a $name tab: headline, accessibility and a screenshot', async (scene) => {
        const tab = tabs.get(scene.name) as HarnessPage;
        const popup = await harness.popupPageFor(tab);
        const headline = await poll(
          () => popup.textContent(HEADLINE),
          (text) => text === scene.headline,
          5_000,
          50,
        );
        expect(headline).toBe(scene.headline);

        await popup.bringToFront();
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        if (scene.name === 'none') {
          // A site that is not on the list: the popup tries to check it by itself, which a popup that was not
          // opened from the toolbar may not do. Wait for that to settle before looking.
          await poll(() => popup.textContent('[role="alert"]'), Boolean, 5_000, 50);
        }

        const serious = await seriousAxeViolations(popup, `${browser.name} ${scheme} ${scene.name}`);
        expect(serious, 'serious or critical axe-core violations').toEqual([]);

        const suffix = scheme === 'dark' ? '-dark' : '';
        await popup.screenshot(join(OUTPUT_DIR, `${browser.name}-${scene.name}${suffix}.png`), {
          width: POPUP_WIDTH,
        });
        await popup.close();
      });

      it.skipIf(scheme === 'dark').each(SCENES)('says the same from the toolbar over a $name tab', async (scene) => {
        const tab = tabs.get(scene.name) as HarnessPage;
        const action = await harness.openActionPopup(tab);
        const headline = await poll(
          () => action.textContent(HEADLINE),
          (text) => text === scene.headline,
          5_000,
          50,
        );
        expect(headline).toBe(scene.headline);
        await action.close();
      });
    });
  }
}
