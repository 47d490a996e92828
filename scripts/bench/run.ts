/**
 * `npm run bench`: the extension's cost, measured in Chromium with and without it, side by side in one run.
 * See docs/performance.md. Flags: --quick (fewer repeats, shorter feed), --strict (exit 1
 * when a budget fails), --build (always build), --no-build, --corpus=N|all, --repeats=N (real captures),
 * --corpus-repeats=N, --feed-seconds=N[,N…], --feed-repeats=N, --popup-opens=N, --session-minutes=N,
 * --skip=node,session,pages,urls,popup,feed,floor.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../lib/corpus';
import { BenchBrowser, Fixtures } from './browser';
import { ensureBuild } from './build';
import { readManifest, writeFloorExtension } from './floor';
import { renderMarkdown } from './markdown';
import { type FeedSample, measureFeed } from './measureFeed';
import { type LoadSample, measureLoad, WARMUP_HTML, warmupUrl } from './measureLoad';
import { measurePopup, measureTrivialPaint, type PopupSample } from './measurePopup';
import { measureUrlChanges, type UrlChangeSample } from './measureUrlChanges';
import { nodeThroughput } from './node';
import { type BenchPage, corpusPages, declaredMatch, feedHtml, realPages } from './pages';
import { SAMPLING_US } from './profiling';
import type { Report } from './report';
import { runSession } from './sessionSummary';
import { bundleSizes } from './sizes';
import { summarize } from './summarize';

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const quick = flag('quick');
const strict = flag('strict');
const repeats = Number(option('repeats') ?? (quick ? 2 : 5));
const corpusRepeats = Number(option('corpus-repeats') ?? option('repeats') ?? (quick ? 2 : 3));
const corpusOption = option('corpus') ?? '30';
const corpusSize: number | 'all' = corpusOption === 'all' ? 'all' : Number(corpusOption);
/** Feed run lengths: the cost per minute must not grow with the feed. */
const feedSeconds = (option('feed-seconds') ?? '30,120').split(',').map(Number);
const feedRepeats = Number(option('feed-repeats') ?? (quick ? 1 : 2));
const popupOpens = Number(option('popup-opens') ?? (quick ? 10 : 15));
const urlChangeTabs = quick ? 1 : 2;
const sessionMinutes = Number(option('session-minutes') ?? 30);
/** Parts to leave out, for quicker experiments: node, session, pages, urls, popup, feed, floor. */
const skip = new Set((option('skip') ?? '').split(',').filter(Boolean));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(ROOT, 'bench-output');
const DIST = resolve(ROOT, process.env.DIST_DIR ?? 'dist');

const FEED_URL = 'https://www.linkedin.com/feed/';
const SPA_URLS: [string, string] = ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/messaging/'];
const FEED = { initialElements: 50_000, postsPerSecond: 100 };

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const startedAt = Date.now();
const loadAtStart = loadavg().map((v) => Math.round(v * 100) / 100);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)}s`;

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return availableParallelism();
  }
}

async function main(): Promise<void> {
  if (!flag('no-build')) {
    const built = ensureBuild(ROOT, flag('build'));
    log(built ? 'built dist/' : 'dist/ is up to date');
  }
  const manifest = readManifest(DIST);
  const sizes = bundleSizes(DIST);

  log('classifier throughput in Node');
  const node = skip.has('node')
    ? {
        pages: 0,
        rounds: 0,
        pagesPerSecond: Number.NaN,
        extractPagesPerSecond: Number.NaN,
        classifyPagesPerSecond: Number.NaN,
        meanMsPerPage: Number.NaN,
      }
    : nodeThroughput(quick ? 500 : 2_000);

  log(`${sessionMinutes}-minute simulated session of the worker in Node`);
  const session = skip.has('session') ? null : runSession(ROOT, sessionMinutes);

  const real = realPages();
  if (real.skipped) log(`real captures skipped: ${real.skipped}`);
  const corpus = corpusPages(corpusSize);
  const pages: BenchPage[] = skip.has('pages') ? [] : [...real.pages, ...corpus.pages];

  const fixtures = new Fixtures();
  log('launching Chromium with and without the extension');
  const withExt = await BenchBrowser.launch('extension', { executablePath, extensionDir: DIST, fixtures });
  const without = await BenchBrowser.launch('baseline', { executablePath, extensionDir: DIST, fixtures });
  const floor = skip.has('floor')
    ? null
    : await BenchBrowser.launch('floor', {
        executablePath,
        extensionDir: writeFloorExtension(join(OUT, 'floor-extension'), manifest),
        fixtures,
      });
  const report: Partial<Report> = {};
  try {
    await new Promise((r) => setTimeout(r, 1_000));
    const workerHeap: Report['workerHeap'] = { idle: await withExt.workerHeap() };

    // Pages: each repeat measures every browser back to back, the order turning from one repeat to the next.
    const loads: Array<{ page: BenchPage; injected: boolean; samples: LoadSample[] }> = [];
    for (const [index, page] of pages.entries()) {
      const injected = declaredMatch(manifest, page.url);
      const samples: LoadSample[] = [];
      fixtures.set(page.url, page.body);
      fixtures.set(warmupUrl(page.url), WARMUP_HTML);
      for (let repeat = 0; repeat < (page.set === 'real' ? repeats : corpusRepeats); repeat++) {
        const browsers = floor ? [withExt, floor, without] : [withExt, without];
        const turn = (index + repeat) % browsers.length;
        const order = [...browsers.slice(turn), ...browsers.slice(0, turn)];
        for (const browser of order) {
          try {
            samples.push(await measureLoad(browser, page.url, { repeat, injected, inPageWarmMs: quick ? 20 : 50 }));
          } catch (error) {
            log(`${page.file} (${browser.kind}, repeat ${repeat}): ${(error as Error).message}`);
          }
        }
      }
      loads.push({ page, injected, samples });
      log(`${elapsed()} ${index + 1}/${pages.length} ${page.set}:${page.file}`);
    }
    workerHeap.afterPages = await withExt.workerHeap();

    log('in-page URL changes');
    fixtures.set(SPA_URLS[0], readFileSync(join(ROOT, 'test/browser/pages/linkedin-feed.html'), 'utf8'));
    const urlChanges: UrlChangeSample[] = [];
    let labelledState: unknown = null;
    for (let tab = 0; tab < (skip.has('urls') && skip.has('popup') ? 0 : urlChangeTabs); tab++) {
      const run = await measureUrlChanges(withExt, SPA_URLS, 10);
      if (!skip.has('urls')) urlChanges.push(...run.samples);
      labelledState = run.state ?? labelledState;
    }

    log('popup first paint');
    const popup: PopupSample[] = [];
    const trivialPaint: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fp = await measureTrivialPaint(withExt);
      if (fp !== null) trivialPaint.push(fp);
    }
    if (skip.has('popup')) {
      // left out
    } else if (labelledState && typeof labelledState === 'object') {
      await measurePopup(withExt, labelledState as Record<string, unknown>); // first open: not counted
      for (let i = 0; i < popupOpens; i++)
        popup.push(await measurePopup(withExt, labelledState as Record<string, unknown>));
    } else {
      log('no labelled tab state to show in the popup: popup skipped');
    }

    const feed: FeedSample[] = [];
    for (const seconds of skip.has('feed') ? [] : feedSeconds) {
      log(`infinite feed: ${FEED.initialElements} elements, +${FEED.postsPerSecond} posts/s for ${seconds} s`);
      fixtures.set(FEED_URL, feedHtml({ ...FEED, seconds }));
      fixtures.set(`${FEED_URL}?warm=1`, feedHtml({ ...FEED, seconds }));
      for (let repeat = 0; repeat < feedRepeats; repeat++) {
        const order = repeat % 2 === 0 ? [withExt, without] : [without, withExt];
        for (const browser of order) {
          feed.push(await measureFeed(browser, FEED_URL, { repeat, seconds, inPageWarmMs: 200 }));
          log(`${elapsed()} feed ${seconds} s ${browser.kind} repeat ${repeat}`);
        }
      }
    }
    workerHeap.afterFeed = await withExt.workerHeap();

    Object.assign(report, {
      meta: {
        date: new Date().toISOString(),
        nproc: nproc(),
        cpuModel: cpuModel(),
        chromium: withExt.version,
        node: process.version,
        quick,
        repeats,
        corpusRepeats,
        feedRepeats,
        loadAverage: { start: loadAtStart, end: loadavg().map((v) => Math.round(v * 100) / 100) },
        samplingIntervalUs: SAMPLING_US,
        corpus: { sampled: corpus.pages.length, total: corpus.total },
        realPages: real.skipped ? { skipped: real.skipped } : { count: real.pages.length },
        durationS: 0,
        blockedRequests: { extension: withExt.blocked, floor: floor?.blocked ?? 0, baseline: without.blocked },
      },
      feedSetup: { ...FEED, seconds: feedSeconds },
      session,
      sizes,
      node,
      loads: loads.map(({ page, injected, samples }) => ({
        set: page.set,
        file: page.file,
        url: page.url,
        bytes: page.bytes,
        injected,
        samples,
      })),
      urlChanges,
      popup,
      trivialPaint,
      feed,
      workerHeap,
    });
  } finally {
    await withExt.close();
    await floor?.close();
    await without.close();
  }
  const full = report as Report;
  full.meta.durationS = Math.round((Date.now() - startedAt) / 1000);
  const summary = summarize(full);
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'report.json'), `${JSON.stringify({ summary, ...full }, null, 2)}\n`);
  const markdown = renderMarkdown(full, summary);
  await writeFile(join(OUT, 'report.md'), markdown);
  process.stdout.write(markdown);
  log(`done in ${elapsed()}: bench-output/report.json, bench-output/report.md`);
  if (strict && summary.budgets.some((b) => !b.pass)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
