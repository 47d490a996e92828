/** The raw report a bench run writes (bench-output/report.json, beside its summary): every sample, before summarizing. */
import type { FeedSample } from './measureFeed';
import type { LoadSample } from './measureLoad';
import type { PopupSample } from './measurePopup';
import type { UrlChangeSample } from './measureUrlChanges';
import type { NodeThroughput } from './node';
import type { SessionResult } from './session';
import type { FileSize } from './sizes';

export interface Report {
  meta: {
    date: string;
    nproc: number;
    cpuModel: string;
    chromium: string;
    node: string;
    quick: boolean;
    repeats: number;
    corpusRepeats: number;
    feedRepeats: number;
    loadAverage: { start: number[]; end: number[] };
    samplingIntervalUs: number;
    corpus: { sampled: number; total: number };
    realPages: { count: number } | { skipped: string };
    durationS: number;
    blockedRequests: { extension: number; floor: number; baseline: number };
  };
  /** `seconds`: the feed's run lengths, shortest first. */
  feedSetup: { initialElements: number; postsPerSecond: number; seconds: number[] };
  /** The long simulated session of the worker (session.ts), null when left out. */
  session: SessionResult | null;
  sizes: FileSize[];
  node: NodeThroughput;
  loads: Array<{ set: string; file: string; url: string; bytes: number; injected: boolean; samples: LoadSample[] }>;
  urlChanges: UrlChangeSample[];
  popup: PopupSample[];
  /** First paint of a trivial served page in the extension's browser: what headless painting costs at least. */
  trivialPaint: number[];
  feed: FeedSample[];
  workerHeap: Record<string, { usedBytes: number; totalBytes: number }>;
}
