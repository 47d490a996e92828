/** The long simulated session (session.ts): run in its own Node process, summarized, with its budgets. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { SessionResult } from './session';
import { max, median, round } from './stats';

export const SESSION_BUDGETS = {
  /** Worker JS time in any simulated minute: a report costs a few ms, a minute holds a few dozen events. */
  cpuMsPerMinute: 50,
  /** Heap after a forced GC at the end, above the heap at the start of the session. */
  heapGrowthBytes: 1024 * 1024,
  /** Writes to persistent storage (local and sync) in any minute: batched, a few a minute at most. */
  persistentWritesPerMinute: 4,
};

export function runSession(root: string, minutes: number): SessionResult {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(root, 'scripts/bench/session.ts'), String(minutes)],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as SessionResult;
}

export interface SessionSummary {
  minutes: number;
  tabs: number;
  events: SessionResult['events'];
  cpuMsPerMinute: { median: number; max: number };
  heap: { startBytes: number; endBytes: number; growthBytes: number };
  persistentWritesPerMinute: { median: number; max: number };
  sessionWritesPerMinute: { median: number; max: number };
  storedBytes: Record<string, number>;
}

export function summarizeSession(result: SessionResult): SessionSummary {
  const persistent = (result.writesPerMinute.local ?? []).map((n, i) => n + (result.writesPerMinute.sync?.[i] ?? 0));
  const session = result.writesPerMinute.session ?? [];
  const startBytes = result.heapBytes[0] ?? Number.NaN;
  const endBytes = result.heapBytes[result.heapBytes.length - 1] ?? Number.NaN;
  return {
    minutes: result.minutes,
    tabs: result.tabs,
    events: result.events,
    cpuMsPerMinute: { median: median(result.cpuMsPerMinute), max: max(result.cpuMsPerMinute) },
    heap: { startBytes, endBytes, growthBytes: endBytes - startBytes },
    persistentWritesPerMinute: { median: median(persistent), max: max(persistent) },
    sessionWritesPerMinute: { median: median(session), max: max(session) },
    storedBytes: result.storedBytes,
  };
}

interface Budget {
  name: string;
  limit: string;
  measured: string;
  pass: boolean;
}

const kib = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;

export function sessionBudgets(s: SessionSummary | null): Budget[] {
  const b = SESSION_BUDGETS;
  const missing = { measured: 'session not run', pass: false };
  const what = s ? `${s.minutes}-min simulated session, ${s.tabs} tabs` : 'simulated session';
  return [
    {
      name: `Worker JS time per simulated minute, worst minute (${what})`,
      limit: `≤ ${b.cpuMsPerMinute} ms`,
      ...(s
        ? {
            measured: `${round(s.cpuMsPerMinute.max, 1)} ms (median minute ${round(s.cpuMsPerMinute.median, 1)} ms)`,
            pass: s.cpuMsPerMinute.max <= b.cpuMsPerMinute,
          }
        : missing),
    },
    {
      name: `Worker heap growth over the session, after forced GCs (${what})`,
      limit: `≤ ${kib(b.heapGrowthBytes)}`,
      ...(s
        ? {
            measured: `${kib(s.heap.growthBytes)} (${kib(s.heap.startBytes)} → ${kib(s.heap.endBytes)}, Node process)`,
            pass: s.heap.growthBytes <= b.heapGrowthBytes,
          }
        : missing),
    },
    {
      name: `Persistent storage writes (local + sync) per minute, worst minute (${what})`,
      limit: `≤ ${b.persistentWritesPerMinute}`,
      ...(s
        ? {
            measured: `${s.persistentWritesPerMinute.max} (median ${s.persistentWritesPerMinute.median}); storage.session: median ${s.sessionWritesPerMinute.median}, worst ${s.sessionWritesPerMinute.max} a minute`,
            pass: s.persistentWritesPerMinute.max <= b.persistentWritesPerMinute,
          }
        : missing),
    },
  ];
}

export function renderSession(s: SessionSummary | null): string {
  if (!s) return '';
  const rows: Array<[string, string]> = [
    [
      'events',
      `${s.events.reports} reports, ${s.events.switches} tab switches, ${s.events.spaNavigations} in-page navigations, ${s.events.loads} page loads, ${s.events.ticks} alarm ticks`,
    ],
    [
      'worker JS time per minute, median / worst',
      `${round(s.cpuMsPerMinute.median, 1)} / ${round(s.cpuMsPerMinute.max, 1)} ms`,
    ],
    ['heap at start / end (forced GC)', `${kib(s.heap.startBytes)} / ${kib(s.heap.endBytes)}`],
    [
      'writes per minute, local + sync: median / worst',
      `${s.persistentWritesPerMinute.median} / ${s.persistentWritesPerMinute.max}`,
    ],
    [
      'writes per minute, storage.session: median / worst',
      `${s.sessionWritesPerMinute.median} / ${s.sessionWritesPerMinute.max}`,
    ],
    [
      'stored at the end (JSON bytes): local / sync / session',
      `${s.storedBytes.local} / ${s.storedBytes.sync} / ${s.storedBytes.session}`,
    ],
  ];
  const lines = ['| figure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  return `## Long session (worker modules in Node, simulated clock)\n\n${lines.join('\n')}\n`;
}
