/** Attribution of a V8 sampling CPU profile (CDP `Profiler.Profile`) to the extension and to everything else. */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; scriptId: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Attribution {
  /** Wall time the profile covers, ms. */
  spanMs: number;
  /** Samples with a frame of the extension anywhere on the stack (self and children: DOM calls included), ms. */
  extensionMs: number;
  /** Everything else the thread did that was not idle: page JS, (program) (parsing, style, layout, paint), GC, ms. */
  otherBusyMs: number;
  /** Of otherBusyMs, the part in page JavaScript frames. */
  otherScriptMs: number;
  /** Garbage collection, not attributable to a world. */
  gcMs: number;
  samples: number;
  /** Time of the first and last sample attributed to the extension, ms after the profile's start; null if none. */
  extensionFirstMs: number | null;
  extensionLastMs: number | null;
  /**
   * Extension time by innermost extension function (`name file:line:col`), which takes in the native calls it
   * makes (querySelector and the like): where the time goes. Minified names unless the build is unminified.
   */
  hotspots: Record<string, number>;
}

const META = new Set(['(root)', '(idle)', '(program)', '(garbage collector)']);

/**
 * Each sample stands for the time until the next one (what DevTools does); the last one for the median interval.
 * `isOwn(url)` says whether a script URL belongs to the extension; `ignore(url)` drops frames of the harness's
 * own evaluations (they are neither the page's nor the extension's).
 */
export function attribute(
  profile: CpuProfile,
  isOwn: (url: string) => boolean,
  ignore: (url: string) => boolean = () => false,
): Attribution {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  type Kind = 'ext' | 'ignored' | 'idle' | 'gc' | 'program' | 'script';
  const kinds = new Map<number, Kind>();
  const owners = new Map<number, string>();
  const ownerOf = (id: number): string => {
    let owner = owners.get(id);
    if (owner === undefined) {
      owner = '?';
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        if (frame && isOwn(frame.url)) {
          const file = frame.url.replace(/^[a-z-]+:\/\/[^/]+\//, '');
          owner = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
          break;
        }
      }
      owners.set(id, owner);
    }
    return owner;
  };
  const hotspots: Record<string, number> = {};
  const kindOf = (id: number): Kind => {
    const cached = kinds.get(id);
    if (cached) return cached;
    // Walk to the root: the outermost owner wins (a page callback called from the extension is the extension's).
    const chain: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) chain.push(node);
    }
    let kind: Kind = 'script';
    const leaf = chain[0]?.callFrame.functionName ?? '';
    if (chain.some((n) => isOwn(n.callFrame.url))) kind = 'ext';
    else if (chain.some((n) => ignore(n.callFrame.url))) kind = 'ignored';
    else if (leaf === '(idle)' || leaf === '(root)') kind = 'idle';
    else if (leaf === '(garbage collector)') kind = 'gc';
    else if (leaf === '(program)') kind = 'program';
    else if (META.has(leaf)) kind = 'program';
    kinds.set(id, kind);
    return kind;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const times: number[] = [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    times.push(t);
  }
  const intervals = times.slice(1).map((time, i) => time - (times[i] as number));
  const typical = intervals.length ? [...intervals].sort((a, b) => a - b)[intervals.length >> 1] : 0;
  const totals: Record<Kind, number> = { ext: 0, ignored: 0, idle: 0, gc: 0, program: 0, script: 0 };
  let first: number | null = null;
  let last: number | null = null;
  for (let i = 0; i < samples.length; i++) {
    const duration = i + 1 < samples.length ? (times[i + 1] as number) - (times[i] as number) : (typical ?? 0);
    const kind = kindOf(samples[i] as number);
    totals[kind] += duration;
    if (kind === 'ext') {
      const owner = ownerOf(samples[i] as number);
      hotspots[owner] = (hotspots[owner] ?? 0) + duration / 1000;
      const at = ((times[i] as number) - profile.startTime) / 1000;
      first ??= at;
      last = at;
    }
  }
  const ms = (us: number) => us / 1000;
  return {
    spanMs: ms(profile.endTime - profile.startTime),
    extensionMs: ms(totals.ext),
    otherBusyMs: ms(totals.script + totals.program + totals.gc),
    otherScriptMs: ms(totals.script),
    gcMs: ms(totals.gc),
    samples: samples.length,
    extensionFirstMs: first,
    extensionLastMs: last,
    hotspots,
  };
}
