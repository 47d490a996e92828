/** The figures against the floor extension and the feed's growth with its length: summaries, budgets, tables. */
import type { FeedSample } from './measureFeed';
import { median, round } from './stats';

export const FLOOR_BUDGETS = {
  /** Content-script main-thread time per page load, at most this many times the floor's (median over pages). */
  mainThreadTimesFloor: 1.5,
  /** Page heap added, at most this many times the floor's (median over pages). */
  heapTimesFloor: 1.5,
  /** Extension main-thread time during the infinite feed, share of the page's own busy time (profiler). */
  feedShareOfBusy: 0.001,
};

/** What summarize() keeps of a page for the comparison with the floor. */
export interface FloorPage {
  set: string;
  injected: boolean;
  contentScriptMs: number;
  floorMs: number;
  heapDeltaBytes: number;
  floorHeapDeltaBytes: number;
}

export interface AgainstFloor {
  /** `all`, `real` or `corpus`. */
  set: string;
  pages: number;
  /** Medians over the pages of each page's median over its repeats. */
  oursMs: number;
  floorMs: number;
  ratio: number;
  /** Median over the pages of the per-page ratios (a second view of the same, noisier at 0.1-ms sampling). */
  pageRatioMedian: number;
  oursHeapBytes: number;
  floorHeapBytes: number;
  heapRatio: number;
}

/** Ours against the floor on the pages both content scripts run on, all of them and by set. */
export function againstFloor(pages: readonly FloorPage[]): AgainstFloor[] {
  const injected = pages.filter((p) => p.injected && Number.isFinite(p.floorMs));
  const of = (set: string, some: FloorPage[]): AgainstFloor => {
    const oursMs = median(some.map((p) => p.contentScriptMs));
    const floorMs = median(some.map((p) => p.floorMs));
    const oursHeapBytes = median(some.map((p) => p.heapDeltaBytes));
    const floorHeapBytes = median(some.map((p) => p.floorHeapDeltaBytes));
    return {
      set,
      pages: some.length,
      oursMs,
      floorMs,
      ratio: oursMs / floorMs,
      pageRatioMedian: median(some.map((p) => p.contentScriptMs / Math.max(p.floorMs, 0.001))),
      oursHeapBytes,
      floorHeapBytes,
      heapRatio: oursHeapBytes / floorHeapBytes,
    };
  };
  const sets = [...new Set(injected.map((p) => p.set))];
  return [
    of('all', injected),
    ...sets.map((set) =>
      of(
        set,
        injected.filter((p) => p.set === set),
      ),
    ),
  ];
}

export interface FeedLength {
  seconds: number;
  runs: number;
  /** Medians over the runs with the extension. */
  extensionMs: number;
  /** The page's own busy time in the profiler (the extension's samples are not in it), with the extension. */
  pageBusyMs: number;
  shareOfBusy: number;
  /** The appending phase alone: extension ms per minute of it, so that runs of different lengths compare. */
  appendingMsPerMinute: number;
  reports: number | null;
  workerMs: number | null;
  elementsAtEnd: number;
}

export function feedLengths(feed: readonly FeedSample[]): FeedLength[] {
  const ours = feed.filter((f) => f.kind === 'extension');
  const lengths = [...new Set(ours.map((f) => f.seconds))].sort((a, b) => a - b);
  return lengths.map((seconds) => {
    const runs = ours.filter((f) => f.seconds === seconds);
    const appending = runs.map((f) => f.phases.find((p) => p.name === 'appending'));
    return {
      seconds,
      runs: runs.length,
      extensionMs: median(runs.map((f) => f.extensionMs)),
      pageBusyMs: median(runs.map((f) => f.pageBusyMs)),
      shareOfBusy: median(runs.map((f) => f.extensionMs / Math.max(0.001, f.pageBusyMs))),
      appendingMsPerMinute: median(
        appending.map((p) => (p ? (p.extensionMs / Math.max(1, p.spanMs)) * 60_000 : Number.NaN)),
      ),
      reports: median(runs.map((f) => f.reports ?? Number.NaN)),
      workerMs: median(runs.map((f) => f.workerMs ?? Number.NaN)),
      elementsAtEnd: median(runs.map((f) => f.elementsAtEnd)),
    };
  });
}

interface Budget {
  name: string;
  limit: string;
  measured: string;
  pass: boolean;
}

const ms = (v: number) => `${round(v, 2)} ms`;
const kib = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;
const pct = (v: number) => `${round(v * 100, 3)}%`;

export function floorBudgets(floor: readonly AgainstFloor[], lengths: readonly FeedLength[]): Budget[] {
  const all = floor[0];
  const budgets: Budget[] = [];
  const k = FLOOR_BUDGETS;
  budgets.push({
    name: 'Content-script main-thread time per page load, against the floor extension (median over pages)',
    limit: `≤ ${k.mainThreadTimesFloor} × floor`,
    measured: all?.pages
      ? `${ms(all.oursMs)} vs floor ${ms(all.floorMs)}: ${round(all.ratio, 2)} × (${all.pages} pages)`
      : 'floor not measured',
    pass: Boolean(all?.pages) && (all as AgainstFloor).oursMs <= k.mainThreadTimesFloor * (all as AgainstFloor).floorMs,
  });
  budgets.push({
    name: 'Page heap added (with − without), against the floor extension (median over pages)',
    limit: `≤ ${k.heapTimesFloor} × floor`,
    measured: all?.pages
      ? `${kib(all.oursHeapBytes)} vs floor ${kib(all.floorHeapBytes)}: ${round(all.heapRatio, 2)} ×`
      : 'floor not measured',
    pass:
      Boolean(all?.pages) &&
      (all as AgainstFloor).oursHeapBytes <= k.heapTimesFloor * Math.max(0, (all as AgainstFloor).floorHeapBytes),
  });
  budgets.push({
    name: 'Extension main-thread time during the infinite feed, share of the page’s own busy time (profiler), each run length',
    limit: `≤ ${pct(k.feedShareOfBusy)}`,
    measured: lengths.length
      ? lengths
          .map((l) => `${l.seconds} s: ${pct(l.shareOfBusy)} (${ms(l.extensionMs)} of ${ms(l.pageBusyMs)})`)
          .join('; ')
      : 'feed not measured',
    pass: lengths.length > 0 && lengths.every((l) => l.shareOfBusy <= k.feedShareOfBusy),
  });
  const first = lengths[0];
  const last = lengths[lengths.length - 1];
  budgets.push({
    name: 'Extension time per minute of appending, longest feed run against the shortest',
    limit: '≤ shortest',
    measured:
      first && last && first !== last
        ? `${last.seconds} s: ${ms(last.appendingMsPerMinute)}/min; ${first.seconds} s: ${ms(first.appendingMsPerMinute)}/min`
        : 'needs two feed lengths',
    pass:
      Boolean(first && last && first !== last) &&
      (last as FeedLength).appendingMsPerMinute <= (first as FeedLength).appendingMsPerMinute,
  });
  return budgets;
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

const f = (v: number | null, digits = 2) => (v === null || !Number.isFinite(v) ? '-' : String(round(v, digits)));

export function renderFloor(floor: readonly AgainstFloor[], lengths: readonly FeedLength[]): string {
  const out: string[] = [];
  out.push('## Against the floor\n');
  out.push(
    'The floor extension has our content-script matches and `run_at`, reads one selector, sends one message, and its ' +
      'worker answers. Per page load, medians over pages (each the median of its repeats); heap = page heap with − without.\n\n',
  );
  out.push(
    table(
      ['pages', 'n', 'ours ms', 'floor ms', 'ratio', 'per-page ratio, median', 'ours heap', 'floor heap', 'heap ratio'],
      floor.map((a) => [
        a.set,
        a.pages,
        f(a.oursMs),
        f(a.floorMs),
        f(a.ratio),
        f(a.pageRatioMedian),
        kib(a.oursHeapBytes),
        kib(a.floorHeapBytes),
        f(a.heapRatio),
      ]),
    ),
  );
  out.push('## Feed by run length\n');
  out.push(
    table(
      [
        'run',
        'runs',
        'extension ms',
        'page busy ms',
        'share',
        'appending: ext ms/min',
        'reports',
        'worker ms',
        'elements at end',
      ],
      lengths.map((l) => [
        `${l.seconds} s`,
        l.runs,
        f(l.extensionMs),
        f(l.pageBusyMs, 0),
        pct(l.shareOfBusy),
        f(l.appendingMsPerMinute),
        f(l.reports, 0),
        f(l.workerMs),
        f(l.elementsAtEnd, 0),
      ]),
    ),
  );
  return out.join('\n');
}
