/** The summary as the Markdown report (bench-output/report.md). */
import { renderFloor } from './floorSummary';
import type { Report } from './report';
import { renderSession } from './sessionSummary';
import { round } from './stats';
import type { Summary } from './summary';

function table(header: string[], rows: Array<Array<string | number>>): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

const f = (v: number | null, digits = 2) => (v === null || !Number.isFinite(v) ? '-' : String(round(v, digits)));
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${round(bytes / 1024, 1)} KiB` : '-');

export function renderMarkdown(report: Report, summary: Summary): string {
  const m = report.meta;
  const out: string[] = [];
  out.push(`# Reach or Relate: performance bench\n`);
  out.push(
    `${m.date} · ${m.nproc} CPUs (${m.cpuModel}) · Chromium ${m.chromium} · Node ${m.node} · ` +
      `${m.quick ? 'quick, ' : ''}${m.repeats} repeats per real capture, ${m.corpusRepeats} per corpus page, ${m.feedRepeats} feed runs per browser · ` +
      `load average ${m.loadAverage.start.join(' ')} at start, ${m.loadAverage.end.join(' ')} at end · ` +
      `CPU profiler every ${m.samplingIntervalUs} µs · ${m.durationS} s\n`,
  );
  out.push(
    `Pages: ${'count' in m.realPages ? `${m.realPages.count} real captures` : `real captures skipped (${m.realPages.skipped})`}, ` +
      `${m.corpus.sampled} of ${m.corpus.total} corpus pages. Medians unless marked.\n`,
  );

  out.push('## Budgets\n');
  out.push(
    table(
      ['', 'budget', 'limit', 'measured'],
      summary.budgets.map((b) => [b.pass ? 'PASS' : '**FAIL**', b.name, b.limit, b.measured]),
    ),
  );

  const s = summary;
  out.push(renderFloor(s.floor, s.feedLengths));
  out.push(renderSession(s.session));
  out.push('## Summary\n');
  out.push(
    table(
      ['figure', 'value'],
      [
        [
          'extraction (first call) + classification (warm), median page / p95 page',
          `${f(s.extraction.medianMs, 3)} / ${f(s.extraction.p95Ms, 3)} ms`,
        ],
        [
          '… pages of the sites the content script is registered for: median / worst',
          `${f(s.extraction.knownSites.medianMs, 3)} / ${f(s.extraction.knownSites.worst?.ms ?? Number.NaN, 3)} ms (${s.extraction.knownSites.pages} pages)`,
        ],
        [
          '… pages it reads only when opted in (all sites, a custom site): median / worst',
          `${f(s.extraction.otherSites.medianMs, 3)} / ${f(s.extraction.otherSites.worst?.ms ?? Number.NaN, 3)} ms (${s.extraction.otherSites.pages} pages)`,
        ],
        [
          'content script set-up in its fresh world before the first extraction, median page',
          `${f(s.extraction.worldSetupMedianMs, 3)} ms`,
        ],
        [
          'extraction warm / classification warm / classification first call, median page',
          `${f(s.extraction.warmExtractMedianMs, 3)} / ${f(s.extraction.warmClassifyMedianMs, 3)} / ${f(s.extraction.coldClassifyMedianMs, 3)} ms`,
        ],
        [
          'content script main-thread time per page load (injected pages)',
          `${f(s.pageLoads.contentScriptMedianMs, 2)} ms`,
        ],
        ['… share of the page’s own script+layout+style time', `${f(s.pageLoads.ratioMedian * 100, 2)}%`],
        ['worker JS per report (classify, storage, badge)', `${f(s.pageLoads.workerMedianMs, 2)} ms`],
        ['page heap with − without extension (injected pages)', kb(s.pageLoads.heapDeltaMedianBytes)],
        [
          'badge after DOMContentLoaded p50 / p95',
          `${f(s.badge.fromDcl.p50, 0)} / ${f(s.badge.fromDcl.p95, 0)} ms (${s.badge.loads} loads)`,
        ],
        [
          'badge after navigation start p50 / p95',
          `${f(s.badge.fromNavigation.p50, 0)} / ${f(s.badge.fromNavigation.p95, 0)} ms`,
        ],
        ['badge after load event p50 / p95', `${f(s.badge.fromLoad.p50, 0)} / ${f(s.badge.fromLoad.p95, 0)} ms`],
        [
          'badge after pushState p50 / p95',
          `${f(s.badge.urlChange.p50, 0)} / ${f(s.badge.urlChange.p95, 0)} ms (${s.badge.urlChange.n} changes, ${s.badge.urlChange.missed} missed)`,
        ],
        [
          'popup first paint p50 / p95',
          `${f(s.popup.firstPaint.p50, 1)} / ${f(s.popup.firstPaint.p95, 1)} ms (${s.popup.opens} opens)`,
        ],
        [
          'popup first contentful paint / verdict in DOM, p50',
          `${f(s.popup.fcp.p50, 1)} / ${f(s.popup.verdictInDom.p50, 1)} ms`,
        ],
        [
          'first paint of a trivial served page, same browser (floor), p50',
          `${f(s.popup.trivialPageFirstPaint.p50, 1)} ms`,
        ],
        [
          'worker heap idle / after pages / after feed',
          Object.values(report.workerHeap)
            .map((h) => kb(h.usedBytes))
            .join(' / '),
        ],
        [
          'classifier in Node (extract + classify)',
          `${f(report.node.pagesPerSecond, 0)} pages/s (${f(report.node.meanMsPerPage, 3)} ms/page, ${report.node.pages} pages)`,
        ],
        [
          '… extract alone / classify alone',
          `${f(report.node.extractPagesPerSecond, 0)} / ${f(report.node.classifyPagesPerSecond, 0)} pages/s`,
        ],
      ],
    ),
  );

  const fs = s.feed;
  out.push(
    `## Infinite feed (${report.feedSetup.initialElements} elements, +${report.feedSetup.postsPerSecond} posts/s for ${report.feedSetup.seconds[0]} s)\n`,
  );
  out.push(
    table(
      ['figure', 'value'],
      [
        ['extension main-thread time', `${f(fs.extensionMs)} ms`],
        ['page script+layout+style (with extension, extension taken out)', `${f(fs.pageScriptLayoutMs, 0)} ms`],
        ['page busy, profiler (with / without extension)', `${f(fs.pageBusyMs, 0)} / ${f(fs.baselineBusyMs, 0)} ms`],
        [
          'share of script+layout+style / of busy',
          `${f(fs.ratioToScriptLayout * 100, 3)}% / ${f(fs.ratioToBusy * 100, 3)}%`,
        ],
        ...fs.phases.map((p) => [
          `… phase "${p.name}": extension / page busy`,
          `${f(p.extensionMs)} / ${f(p.pageBusyMs, 0)} ms`,
        ]),
        ['reports stored by the worker', f(fs.reports, 0)],
        ['worker JS time', `${f(fs.workerMs)} ms`],
        [
          'extraction on the final DOM, first call / warm',
          fs.extractOnFinalDom
            ? `${f(fs.extractOnFinalDom.coldMs, 3)} / ${f(fs.extractOnFinalDom.warmMs, 3)} ms (${fs.extractOnFinalDom.elements} elements)`
            : '-',
        ],
        ['page heap with − without extension', kb(fs.heapDeltaBytes)],
      ],
    ),
  );

  out.push('## Where the extension spends its time\n');
  out.push(
    'Innermost extension function of each sample (with the native DOM calls it makes), ms per page load or per feed run. ' +
      'Names are minified unless the bench ran on an unminified build (DIST_DIR).\n\n',
  );
  const hot = (title: string, rows: Array<[string, number]>) =>
    table([title, 'ms'], rows.length ? rows.map(([k, v]) => [`\`${k}\``, f(v, 3)]) : [['-', '-']]);
  out.push(hot('content script, per page load', s.hotspots.contentScript));
  out.push(hot('service worker, per page load', s.hotspots.worker));
  out.push(hot('content script, per feed run', s.hotspots.feedContentScript));
  if (fs.selectorCosts.length) {
    out.push(
      table(
        ['selector on the final feed DOM (signal id, selector)', 'ms per query, warm'],
        fs.selectorCosts.map(([k, v]) => [`\`${k.replaceAll('|', '\\|')}\``, f(v, 3)]),
      ),
    );
  }

  out.push('## Pages\n');
  out.push(
    'cs = content script main-thread ms (profiler, inclusive); floor = the floor extension’s; share = cs / page script+layout+style; ' +
      'setup = the content script’s set-up before its first extraction, ms; ' +
      'x+c = extraction (first call in the page) + classification (warm), ms; x warm = extraction when warm; ' +
      'badge = ms after DOMContentLoaded; heap Δ = page heap with − without.\n\n',
  );
  out.push(
    table(
      [
        'page',
        'label',
        'elements',
        'cs ms',
        'floor ms',
        'page ms',
        'share',
        'base ms',
        'worker ms',
        'setup',
        'x+c',
        'x warm',
        'badge',
        'heap Δ',
      ],
      s.pages.map((p) => [
        `${p.set}:${p.file}${p.injected ? '' : ' (not matched)'}`,
        p.label ?? '-',
        f(p.elements, 0),
        p.injected ? f(p.contentScriptMs) : '-',
        p.injected ? f(p.floorMs) : '-',
        f(p.pageScriptLayoutMs, 1),
        p.injected ? `${f(p.ratioToScriptLayout * 100, 1)}%` : '-',
        f(p.baselineBusyMs, 1),
        f(p.workerMs),
        f(p.worldSetupMs, 3),
        f(p.extractClassifyMs, 3),
        f(p.warmExtractMs, 3),
        f(p.badgeFromDclMs, 0),
        p.injected ? kb(p.heapDeltaBytes) : '-',
      ]),
    ),
  );

  out.push('## Bundles\n');
  out.push(
    table(
      ['file', 'bytes', 'gzip'],
      report.sizes.map((x) => [x.file, x.bytes, x.gzipBytes]),
    ),
  );
  return out.join('\n');
}
