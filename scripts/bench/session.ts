/**
 * A long browsing session against the real service-worker code, in Node: `src/background/index.ts` runs on an
 * in-memory browser (fakeBrowser.ts) and a simulated clock, while 20 tabs of known sites report as their
 * content scripts would (features extracted from corpus pages by src/core), the user switches tabs, single-page
 * apps change their address, pages load, a feed keeps reporting while the user scrolls, the usage alarm ticks
 * each minute and the machine goes idle once. Reports the worker's JS time (process CPU time, which includes
 * the in-memory storage's copying) and heap per simulated minute, and every storage write.
 *
 * Run by `npm run bench` as `node --expose-gc --import tsx scripts/bench/session.ts [minutes]`; prints JSON.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { ActivityCounts } from '../../src/core/activity';
import { extractFeatures } from '../../src/core/features';
import { siteForUrl } from '../../src/core/sites';
import type { PageFeatures } from '../../src/core/types';
import { corpusCases } from '../lib/corpus';
import { type FakeTab, fakeBrowser } from './fakeBrowser';

export interface SessionResult {
  minutes: number;
  tabs: number;
  events: { reports: number; switches: number; spaNavigations: number; loads: number; ticks: number };
  /** Process CPU ms per simulated minute (user + system). */
  cpuMsPerMinute: number[];
  /** Heap used after a forced GC at the start of each simulated minute and at the end, bytes. */
  heapBytes: number[];
  /** Storage writes (set or remove calls) per simulated minute, by area. */
  writesPerMinute: Record<string, number[]>;
  storedBytes: Record<string, number>;
}

const TABS = 20;
const STEP_MS = 1_000;

const minutes = Number(process.argv[2] ?? 30);
const realNow = Date.now.bind(Date);
const startedAt = realNow();
let simulated = 0;
Date.now = () => startedAt + simulated;

const fake = fakeBrowser(() => Date.now());
Object.assign(globalThis, { browser: fake.api, chrome: fake.api });

/** Pages of known sites from the corpus, features read once with the shipped extraction code. */
function pagesOfKnownSites(): Array<{ url: string; features: PageFeatures }> {
  const out: Array<{ url: string; features: PageFeatures }> = [];
  for (const entry of corpusCases()) {
    if (!siteForUrl(new URL(entry.url))) continue;
    const { document } = parseHTML(readFileSync(entry.path, 'utf8'));
    out.push({ url: entry.url, features: extractFeatures(document, entry.url) });
  }
  return out;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function fired(results: unknown[]): Promise<void> {
  await Promise.all(results.map((r) => Promise.resolve(r).catch(() => {})));
  for (let i = 0; i < 5; i++) await settle();
}

async function main(): Promise<SessionResult> {
  const pages = pagesOfKnownSites();
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  await import('../../src/background/index');
  await fired(fake.api.runtime.onInstalled.fire({ reason: 'install' }));

  const events = { reports: 0, switches: 0, spaNavigations: 0, loads: 0, ticks: 0 };
  const activity = new Map<number, ActivityCounts>();
  let pageIndex = 0;
  const nextPage = () => pages[pageIndex++ % pages.length] as { url: string; features: PageFeatures };
  const current = new Map<number, PageFeatures>();

  const report = async (tab: FakeTab) => {
    const features = { ...(current.get(tab.id) as PageFeatures), url: tab.url };
    const sender = { id: fake.api.runtime.id, tab: { id: tab.id }, frameId: 0, url: tab.url };
    const message = { type: 'page-features', features, activity: activity.get(tab.id) };
    await fired(fake.api.runtime.onMessage.fire(message, sender));
    events.reports++;
  };
  const load = async (tab: FakeTab) => {
    const page = nextPage();
    tab.url = page.url;
    current.set(tab.id, page.features);
    activity.set(tab.id, { typing: 0, sends: 0, scrolls: 0, watchSeconds: 0 });
    await fired(fake.api.tabs.onUpdated.fire(tab.id, { status: 'loading', url: tab.url }, tab));
    await report(tab);
    events.loads++;
  };
  const activate = async (tab: FakeTab) => {
    for (const t of fake.tabs.values()) t.active = t === tab;
    await fired(fake.api.tabs.onActivated.fire({ tabId: tab.id, windowId: 1 }));
    events.switches++;
  };

  for (let id = 1; id <= TABS; id++) {
    const tab: FakeTab = { id, windowId: 1, url: 'about:blank', active: false };
    fake.tabs.set(id, tab);
    await load(tab);
  }
  // Tab 1 is a feed: while it is in front the user scrolls, and its content script reports every 5 s.
  const feed = fake.tabs.get(1) as FakeTab;
  feed.url = 'https://www.linkedin.com/feed/';
  await activate(feed);

  const cpuMsPerMinute: number[] = [];
  const heapBytes: number[] = [];
  let cpu = process.cpuUsage();
  let active = feed;
  for (let second = 0; second < minutes * 60; second++) {
    if (second % 60 === 0) {
      if (second > 0) {
        const used = process.cpuUsage(cpu);
        cpuMsPerMinute.push((used.user + used.system) / 1000);
      }
      gc();
      heapBytes.push(process.memoryUsage().heapUsed);
      cpu = process.cpuUsage();
      await fired(fake.api.alarms.onAlarm.fire({ name: 'usage-tick' }));
      events.ticks++;
    }
    simulated += STEP_MS;
    const minute = Math.floor(second / 60);
    // The feed in front for the first five minutes of every ten, other tabs in turn otherwise.
    const feedTime = minute % 10 < 5;
    if (feedTime && active !== feed) {
      active = feed;
      await activate(feed);
    }
    if (!feedTime && second % 15 === 0) {
      active = fake.tabs.get(2 + ((second / 15) % (TABS - 1))) as FakeTab;
      await activate(active);
      await report(active);
    }
    if (active === feed && second % 5 === 0) {
      const counts = activity.get(feed.id) as ActivityCounts;
      counts.scrolls = Math.min(counts.scrolls + 1, 1000);
      await report(feed);
    }
    if (!feedTime && second % 45 === 20) {
      // A single-page app's route change: a new address, the content script's new reading.
      const page = nextPage();
      if (new URL(page.url).origin === new URL(active.url).origin) current.set(active.id, page.features);
      active.url = `${new URL(active.url).origin}/route/${second}`;
      await fired(fake.api.tabs.onUpdated.fire(active.id, { url: active.url }, active));
      await report(active);
      events.spaNavigations++;
    }
    if (!feedTime && second % 120 === 60) await load(active);
    if (second === 20 * 60) await fired(fake.api.idle.onStateChanged.fire('idle'));
    if (second === 22 * 60) await fired(fake.api.idle.onStateChanged.fire('active'));
  }
  const used = process.cpuUsage(cpu);
  cpuMsPerMinute.push((used.user + used.system) / 1000);
  gc();
  heapBytes.push(process.memoryUsage().heapUsed);

  const writesPerMinute: Record<string, number[]> = {};
  for (const area of ['local', 'sync', 'session']) writesPerMinute[area] = fake.writes.counts(area, minutes);
  const { local, sync, session } = fake.api.storage;
  return {
    minutes,
    tabs: TABS,
    events,
    cpuMsPerMinute,
    heapBytes,
    writesPerMinute,
    storedBytes: { local: local.bytes(), sync: sync.bytes(), session: session.bytes() },
  };
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
