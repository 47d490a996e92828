/**
 * `npm run store-assets`: builds the Chrome extension, then writes the store listing's images to release/store/
 * from real Chromium (headless, with the built extension, every page served at its real address by request
 * routing and nothing else reaching the network):
 *   1-media-<scheme>.png, 2-networking-<scheme>.png, 3-mixed-<scheme>.png   the popup over a page of each label
 *   4-balance-<scheme>.png                                                  the options page's usage dashboard
 *   5-options-<scheme>.png                                                  the options page from the top
 *   promo-tile.png                                                          the 440 x 280 small promotional tile
 * Screenshots are 1280 x 800 (what the Chrome Web Store and addons.mozilla.org take), in light and dark. The
 * stored data (notes, site choices, two weeks of time) is the browser tests' seed, test/browser/pages/seed.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../browser/harness/chromium';
import { DIST } from '../browser/harness/paths';
import { type BrowserHarness, type HarnessPage, poll } from '../browser/harness/types';
import { BADGE, corpusPage } from '../browser/pages/fixtures';
import { seedItems } from '../browser/pages/seed';
import { extensionPage, popupOverPage, promoTile, SCREEN, type Scheme, TILE } from './layouts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = join(ROOT, 'release', 'store');
/** Where the laid-out images are served from; `.test` names no real site (RFC 2606). */
const LAYOUT_ORIGIN = 'https://store-assets.reach-or-relate.test';
const PAGE_WIDTH = 850;
const POPUP_WIDTH = 360;

const SCENES = [
  {
    name: '1-media',
    label: 'media',
    file: 'youtube/channel.html',
    title: 'MED: there for reach',
    caption: 'On feeds, short videos, videos and live streams the badge turns orange: social media.',
  },
  {
    name: '2-networking',
    label: 'networking',
    file: 'linkedin/mynetwork.html',
    title: 'NET: there for people',
    caption: 'Messages, connection requests, groups and forums turn it blue: social networking.',
  },
  {
    name: '3-mixed',
    label: 'mixed',
    file: 'facebook/notifications.html',
    title: 'MIX: both at once',
    caption:
      'Violet when a page serves both at once. The popup explains every label in plain words and keeps your note.',
  },
] as const;

const TAGLINE = 'Social media or social networking? See how you use each page. Nothing leaves your browser.';

function build(): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
}

/** A PNG's width and height from its IHDR chunk (bytes 16..24, which the format puts first). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(bytes);
  if (view.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

class Shots {
  readonly #dir = mkdtempSync(join(tmpdir(), 'reach-or-relate-store-'));
  #count = 0;

  async take(page: HarnessPage, width: number): Promise<Uint8Array> {
    const path = join(this.#dir, `${this.#count++}.png`);
    await page.screenshot(path, { width });
    return readFileSync(path);
  }

  remove(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** Renders `html` at the image's size and writes it to release/store/<name>.png, checking its pixel size. */
async function render(
  harness: BrowserHarness,
  shots: Shots,
  name: string,
  html: string,
  size: { width: number; height: number },
): Promise<void> {
  const url = `${LAYOUT_ORIGIN}/${name}.html`;
  harness.serve(url, html);
  const page = await harness.open(url);
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())).then(() => true));
  const bytes = await shots.take(page, size.width);
  await page.close();
  const actual = pngSize(bytes);
  if (actual.width !== size.width || actual.height !== size.height) {
    throw new Error(`${name}.png is ${actual.width} x ${actual.height}, not ${size.width} x ${size.height}`);
  }
  writeFileSync(join(OUT_DIR, `${name}.png`), bytes);
  console.log(`release/store/${name}.png  ${size.width} x ${size.height}`);
}

/** Waits until the view has settled: its own text is there and its animations have finished. */
async function settled(page: HarnessPage, selector: string, done: (text: string | null) => boolean): Promise<void> {
  const text = await poll(() => page.textContent(selector), done, 10_000, 50);
  if (!done(text)) throw new Error(`${page.url()}: ${selector} did not settle (${JSON.stringify(text)})`);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)).then(() => true));
}

async function popupScenes(harness: BrowserHarness, shots: Shots, scheme: Scheme): Promise<void> {
  for (const scene of SCENES) {
    const corpus = corpusPage(scene.file);
    harness.serve(corpus.url, corpus.html);
    const tab = await harness.open(corpus.url);
    const badge = await harness.waitForBadge(tab, BADGE[scene.label], 10_000);
    if (badge !== BADGE[scene.label]) throw new Error(`${corpus.url} is badged "${badge}"`);
    const pageShot = await shots.take(tab, PAGE_WIDTH);
    const popup = await harness.popupPageFor(tab);
    await settled(popup, '[data-testid="headline"]', Boolean);
    await popup.bringToFront();
    const popupShot = await shots.take(popup, POPUP_WIDTH);
    await popup.close();
    await tab.close();
    const { title, caption, label } = scene;
    const html = popupOverPage({ scheme, label, url: corpus.url, pageShot, popupShot, title, caption });
    await render(harness, shots, `${scene.name}-${scheme}`, html, SCREEN);
  }
}

async function optionsScenes(harness: BrowserHarness, shots: Shots, scheme: Scheme): Promise<void> {
  const options = await harness.open(`${harness.extensionOrigin}/src/options/index.html`);
  await settled(options, '#usage', (text) => text?.includes('linkedin.com') ?? false);
  await settled(options, '#notes', (text) => text?.includes('recruiters') ?? false);
  const shot = await shots.take(options, SCREEN.width);
  const usageTop = await options.evaluate(
    () => (document.querySelector('#usage')?.getBoundingClientRect().top ?? 0) + window.scrollY - 16,
  );
  await options.close();
  await render(harness, shots, `4-balance-${scheme}`, extensionPage({ scheme, shot, top: usageTop }), SCREEN);
  await render(harness, shots, `5-options-${scheme}`, extensionPage({ scheme, shot, top: 0 }), SCREEN);
}

async function main(): Promise<void> {
  build();
  mkdirSync(OUT_DIR, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const shots = new Shots();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const harness = await launchChromium({ extensionDir: DIST.chromium, executablePath, colorScheme: scheme });
      try {
        await harness.evaluateInExtension((items) => chrome.storage.local.set(items), seedItems(new Date()));
        await popupScenes(harness, shots, scheme);
        await optionsScenes(harness, shots, scheme);
        if (scheme === 'light') {
          const icon = readFileSync(join(ROOT, 'public/icons/icon-128.png'));
          await render(harness, shots, 'promo-tile', promoTile(icon, TAGLINE), TILE);
        }
      } finally {
        await harness.close();
      }
    }
  } finally {
    shots.remove();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
