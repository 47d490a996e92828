/**
 * Command-line classifier: `npm run --silent classify -- <url> [--html <file>|-]` prints one verdict as JSON;
 * `--batch` reads JSON lines `{"url", "html"?, "htmlFile"?}` from standard input and writes one line each.
 * Bad input: a one-line message on standard error and exit status 2 (in batch mode, an error line and go on).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseHTML } from 'linkedom';
import { classify } from '../core/classify';
import { extractFeatures } from '../core/features';

class InputError extends Error {}

const USAGE = 'usage: classify <url> [--html <file>|-] | classify --batch < lines.jsonl';

function classifyPage(url: string, html?: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`invalid URL: ${JSON.stringify(url)}`);
  }
  const doc = html === undefined ? null : parseHTML(html).document;
  const verdict = classify(extractFeatures(doc, parsed.href));
  return { url: parsed.href, ...verdict };
}

function readHtml(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`cannot read HTML from ${file === '-' ? 'standard input' : file}: ${reason}`);
  }
}

function batchLine(line: string): unknown {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    throw new InputError('malformed line: not JSON');
  }
  if (typeof input !== 'object' || input === null || typeof (input as { url?: unknown }).url !== 'string') {
    throw new InputError('malformed line: expected {"url": string, "html"?: string, "htmlFile"?: string}');
  }
  const { url, html, htmlFile } = input as { url: string; html?: unknown; htmlFile?: unknown };
  if (html !== undefined && typeof html !== 'string') throw new InputError('malformed line: "html" must be a string');
  if (htmlFile !== undefined && typeof htmlFile !== 'string') {
    throw new InputError('malformed line: "htmlFile" must be a string');
  }
  const source = html ?? (htmlFile === undefined ? undefined : readHtml(htmlFile as string));
  return classifyPage(url, source);
}

async function runBatch(): Promise<number> {
  let failures = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    try {
      process.stdout.write(`${JSON.stringify(batchLine(line))}\n`);
    } catch (error) {
      failures++;
      const message = error instanceof InputError ? error.message : String(error);
      process.stdout.write(`${JSON.stringify({ error: message, line: number })}\n`);
      process.stderr.write(`line ${number}: ${message}\n`);
    }
  }
  return failures > 0 ? 2 : 0;
}

function parseArgs(argv: string[]): { batch: boolean; url?: string; html?: string } {
  const args: { batch: boolean; url?: string; html?: string } = { batch: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--batch') args.batch = true;
    else if (arg === '--html') {
      const file = argv[++i];
      if (file === undefined) throw new InputError('--html needs a file name, or - for standard input');
      args.html = file;
    } else if (arg.startsWith('--') && arg !== '--') throw new InputError(`unknown option ${arg}; ${USAGE}`);
    else if (arg !== '--') {
      if (args.url !== undefined) throw new InputError(`one URL at a time; ${USAGE}`);
      args.url = arg;
    }
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.batch) return await runBatch();
    if (args.url === undefined) throw new InputError(USAGE);
    const html = args.html === undefined ? undefined : readHtml(args.html);
    process.stdout.write(`${JSON.stringify(classifyPage(args.url, html))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`classify: ${error.message}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
