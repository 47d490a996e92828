/**
 * `npm start [-- --firefox] [-- --demo | --no-demo] [-- <url>]`: builds the extension, then opens a browser for
 * a person at a desktop with it loaded into a fresh temporary profile, removed again when the browser closes.
 * Chromium by default (CHROMIUM_PATH, else /usr/bin/chromium), with the toolbar button pinned; Firefox ESR with
 * --firefox (FIREFOX_PATH, else /usr/bin/firefox-esr), through web-ext, which makes and removes its own profile
 * and reloads the extension when dist-firefox changes.
 *
 * In Firefox the button is not pinned: since Firefox 109 an extension's button starts in the extensions panel
 * (the puzzle piece) unless its manifest's `action.default_area` says "navbar" (MDN, manifest.json/action;
 * @mdn/browser-compat-data: Firefox 109, not Firefox for Android). A profile preference cannot do it cleanly:
 * `browser.uiCustomization.state` holds the whole toolbar layout, so setting it from here would replace
 * Firefox's own default buttons. The one clean way is `default_area: "navbar"` in the Firefox manifest
 * (vite.config.ts), which changes the shipped package for everyone and makes the welcome's Firefox pinning text
 * (welcome_pinFirefox, 14 locales) wrong; that is a product decision, left open, not a start-script detail.
 *
 * --demo (and the default when the start page's host does not resolve: no network) opens Chromium on an index
 * of the project's own sample pages, served offline at their real addresses (scripts/start/demo.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackedExtensionId } from './lib/extension';
import { pinExtension } from './start/chromiumProfile';
import { DEMO_INDEX_URL, demoPages, demoRouter } from './start/demo';
import { launchDemoBrowser } from './start/demoBrowser';
import { hostResolves, parseArgs, type StartOptions, USAGE, UsageError, wantsDemo } from './start/options';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function options(args: string[]): StartOptions {
  try {
    const parsed = parseArgs(args);
    if (parsed === 'help') exit(0, USAGE);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) exit(2, `${error.message}\n${USAGE}`);
    throw error;
  }
}

function exit(code: number, message: string): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

function browserExecutable(envName: string, fallback: string, install: string): string {
  const path = process.env[envName] ?? fallback;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    exit(1, `${path} not found: install it (${install}) or point ${envName} at the browser.`);
  }
  return path;
}

/** Runs a command with the terminal attached; resolves with its exit status. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.once('error', fail);
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Waits for the browser to exit. Ctrl-C and kill are passed on to it, so that it closes first and the profile can
 * be removed after.
 */
function waitForBrowser(child: ChildProcess): Promise<number> {
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      done(code ?? 0);
    });
  });
}

/** A fresh temporary profile with the extension's button pinned; removed however the script ends. */
async function freshProfile(dist: string): Promise<{ profile: string; removeProfile: () => void }> {
  const profile = await mkdtemp(join(tmpdir(), 'reach-or-relate-profile-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  process.once('exit', removeProfile);
  await pinExtension(profile, unpackedExtensionId(dist));
  return { profile, removeProfile };
}

async function startChromium(startUrl: string): Promise<number> {
  const executable = browserExecutable('CHROMIUM_PATH', '/usr/bin/chromium', 'apt-get install -y chromium');
  const dist = join(ROOT, 'dist');
  const { profile, removeProfile } = await freshProfile(dist);
  console.log(`Starting Chromium with the extension from ${dist} (temporary profile ${profile})`);
  const child = spawn(
    executable,
    [
      `--user-data-dir=${profile}`,
      `--load-extension=${dist}`,
      `--disable-extensions-except=${dist}`,
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to run as root with its sandbox on (containers, CI boxes).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      startUrl,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  try {
    return await waitForBrowser(child);
  } finally {
    removeProfile();
  }
}

async function startDemo(): Promise<number> {
  const executable = browserExecutable('CHROMIUM_PATH', '/usr/bin/chromium', 'apt-get install -y chromium');
  const dist = join(ROOT, 'dist');
  const { profile, removeProfile } = await freshProfile(dist);
  const pages = demoPages(ROOT);
  console.log(
    `Starting the offline demo in Chromium (${pages.length} sample pages at their real addresses, index at ${DEMO_INDEX_URL}; temporary profile ${profile})`,
  );
  const context = await launchDemoBrowser({
    executablePath: executable,
    profileDir: profile,
    extensionDir: dist,
    route: demoRouter(ROOT, pages),
  });
  const closed = new Promise<void>((done) => context.once('close', () => done()));
  const close = () => void context.close().catch(() => {});
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  try {
    await closed;
    return 0;
  } finally {
    process.off('SIGINT', close);
    process.off('SIGTERM', close);
    removeProfile();
  }
}

async function startFirefox(startUrl: string): Promise<number> {
  const executable = browserExecutable('FIREFOX_PATH', '/usr/bin/firefox-esr', 'apt-get install -y firefox-esr');
  const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
  console.log(`Starting Firefox with the extension from ${join(ROOT, 'dist-firefox')} (web-ext, temporary profile)`);
  const child = spawn(
    webExt,
    ['run', '--source-dir', join(ROOT, 'dist-firefox'), '--firefox', executable, '--start-url', startUrl],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return waitForBrowser(child);
}

async function main(): Promise<void> {
  const parsed = options(process.argv.slice(2));
  const { firefox, startUrl } = parsed;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    exit(
      1,
      'npm start needs a desktop session: no DISPLAY or WAYLAND_DISPLAY is set. To test headlessly run npm test.',
    );
  }
  const demo = await wantsDemo(parsed, hostResolves);
  if (demo && parsed.demo === undefined) {
    console.log(`${new URL(startUrl).hostname} cannot be reached (no network?): starting the offline demo instead.`);
  }
  const built = await run('npm', ['run', firefox ? 'build:firefox' : 'build']);
  if (built !== 0) exit(built, 'The build failed; not starting a browser.');
  if (firefox) process.exitCode = await startFirefox(startUrl);
  else process.exitCode = demo ? await startDemo() : await startChromium(startUrl);
}

main().catch((error: unknown) => exit(1, error instanceof Error ? (error.stack ?? error.message) : String(error)));
