/**
 * `npm run package`: builds both browsers' extensions and writes the store packages to release/:
 *   reach-or-relate-<version>-chrome.zip   the contents of dist/, for the Chrome Web Store
 *   reach-or-relate-<version>-firefox.zip  the contents of dist-firefox/, for addons.mozilla.org
 *   reach-or-relate-<version>-source.zip   what addons.mozilla.org asks for with bundled code: the sources, the
 *                                          lock file and the build steps (docs/build-from-source.md)
 * Every archive is deterministic (scripts/release/zip.ts); test/release/package.test.ts rebuilds the Firefox
 * package from the unpacked source archive and compares it byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, zipDirectory, zipFiles } from './release/zip';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RELEASE_DIR = join(ROOT, 'release');

/**
 * What the build reads, and the documents a reviewer needs (what the extension does and keeps, the store's
 * answers and permission justifications, how to build it, how the sources are laid out): `vite.config.ts`
 * imports `src/core/sites` and `scripts/build/*`; tests, benchmarks and fixtures are not needed to build and
 * are left out.
 */
export const SOURCE_PATHS = [
  'package.json',
  'package-lock.json',
  'manifest.json',
  'vite.config.ts',
  'tsconfig.json',
  'README.md',
  'PRIVACY.md',
  'CONTRIBUTING.md',
  'docs/build-from-source.md',
  'docs/store-listing.md',
  'scripts/build/',
  'src/',
  'public/',
];

export function packageName(kind: 'chrome' | 'firefox' | 'source', version = readVersion()): string {
  return `reach-or-relate-${version}-${kind}.zip`;
}

function readVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function inSourcePaths(file: string): boolean {
  return SOURCE_PATHS.some((path) => (path.endsWith('/') ? file.startsWith(path) : file === path));
}

/**
 * The source files: those under SOURCE_PATHS that git tracks or would track (not ignored), as they are in the working tree (so that the archive
 * matches the packages built from the same tree); without git (an unpacked source archive), every file there.
 */
export function sourceFiles(root = ROOT): string[] {
  const git = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...SOURCE_PATHS],
    { cwd: root, encoding: 'utf8' },
  );
  const tracked =
    git.status === 0 ? git.stdout.split('\0').filter(Boolean) : listFiles(root).filter((file) => inSourcePaths(file));
  const files = tracked.filter((file) => existsSync(join(root, file)));
  for (const required of SOURCE_PATHS.filter((path) => !path.endsWith('/'))) {
    if (!files.includes(required)) throw new Error(`the source archive needs ${required}, which is not there`);
  }
  return files.sort();
}

function run(command: string, args: string[]): void {
  // An inherited NODE_ENV (vitest sets `test`) would make Vite build Preact's development JSX, with absolute
  // source paths in it: a package is always a production build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function warnIfDirty(): void {
  const status = spawnSync('git', ['status', '--porcelain', '--', ...SOURCE_PATHS], { cwd: ROOT, encoding: 'utf8' });
  if (status.status === 0 && status.stdout.trim()) {
    console.warn(
      `Note: the working tree differs from the last commit; the packages are built from it as it is:\n${status.stdout}`,
    );
  }
}

async function main(): Promise<void> {
  warnIfDirty();
  run('npm', ['run', 'build:all']);
  mkdirSync(RELEASE_DIR, { recursive: true });
  const outputs: [string, Uint8Array][] = [
    [packageName('chrome'), await zipDirectory(join(ROOT, 'dist'))],
    [packageName('firefox'), await zipDirectory(join(ROOT, 'dist-firefox'))],
    [packageName('source'), await zipFiles(ROOT, sourceFiles())],
  ];
  for (const [name, bytes] of outputs) {
    writeFileSync(join(RELEASE_DIR, name), bytes);
    console.log(`release/${name}  ${bytes.length.toLocaleString('en')} bytes`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
