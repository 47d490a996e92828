import { lookup } from 'node:dns/promises';

export const DEFAULT_START_URL = 'https://www.linkedin.com/feed/';
export const USAGE = 'usage: npm start [-- --firefox] [-- --demo | --no-demo] [-- <start url>]';

export interface StartOptions {
  firefox: boolean;
  /** true: the offline demo; false: the live web; undefined: the demo when the network is unreachable. */
  demo: boolean | undefined;
  startUrl: string;
}

export class UsageError extends Error {}

export function parseArgs(args: readonly string[]): StartOptions | 'help' {
  const options: StartOptions = { firefox: false, demo: undefined, startUrl: DEFAULT_START_URL };
  for (const arg of args) {
    if (arg === '--firefox') options.firefox = true;
    else if (arg === '--chromium') options.firefox = false;
    else if (arg === '--demo') options.demo = true;
    else if (arg === '--no-demo') options.demo = false;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (!arg.startsWith('-')) options.startUrl = arg;
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (options.demo === true && options.firefox) {
    throw new UsageError('the demo runs in Chromium: its offline pages are served by request routing (Playwright)');
  }
  return options;
}

/**
 * Whether to run the demo: as asked, else when the start page's host cannot be resolved (no network, or no
 * name service). Firefox has no demo: it gets the live web whatever the network.
 */
export async function wantsDemo(
  options: StartOptions,
  reachable: (host: string) => Promise<boolean>,
): Promise<boolean> {
  if (options.demo !== undefined) return options.demo;
  if (options.firefox) return false;
  return !(await reachable(new URL(options.startUrl).hostname));
}

/** A name lookup of the start page's host, given up after `timeoutMs`: the cheapest sign of a network. */
export async function hostResolves(host: string, timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), timeoutMs);
  });
  try {
    return await Promise.race([
      lookup(host).then(
        () => true,
        () => false,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
