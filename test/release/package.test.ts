import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/corpus';
import { packageName, RELEASE_DIR } from '../../scripts/package';
import { listFiles, readZip, zipDirectory } from '../../scripts/release/zip';

/**
 * `npm run package` as a store reviewer meets it: the packages hold exactly the builds, the Firefox package
 * passes `web-ext lint` with nothing to report, and the source archive, unpacked in an empty folder with
 * nothing but `npm ci` and the documented build step, reproduces the Firefox package byte for byte.
 */

/** Runs a command as a reviewer's shell would: without the NODE_ENV=test that vitest sets. */
function run(command: string, args: string[], cwd: string): string {
  const { NODE_ENV: _vitest, ...env } = process.env;
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} in ${cwd} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

const zipPath = (kind: 'chrome' | 'firefox' | 'source') => join(RELEASE_DIR, packageName(kind));

function extract(entries: Map<string, Uint8Array>, dir: string): void {
  for (const [name, bytes] of entries) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
}

/** The files of a folder by path, as the zip reader returns them. */
function filesOf(dir: string): Map<string, Uint8Array> {
  return new Map(listFiles(dir).map((file) => [file, new Uint8Array(readFileSync(join(dir, file)))]));
}

function expectSameFiles(actual: Map<string, Uint8Array>, expected: Map<string, Uint8Array>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected].filter(
    ([name, bytes]) => !Buffer.from(bytes).equals(actual.get(name) ?? Buffer.alloc(0)),
  );
  expect(differing.map(([name]) => name)).toEqual([]);
}

const scratch: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

beforeAll(() => {
  run('npm', ['run', '--silent', 'package'], ROOT);
}, 300_000);

// The rebuild's scratch folder holds a whole node_modules: removing it took more than the default 10 s on a
// loaded machine, and the run failed after every test had passed.
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('npm run package', () => {
  it('writes the Chrome and Firefox packages with exactly the files of dist/ and dist-firefox/', async () => {
    expectSameFiles(await readZip(readFileSync(zipPath('chrome'))), filesOf(join(ROOT, 'dist')));
    expectSameFiles(await readZip(readFileSync(zipPath('firefox'))), filesOf(join(ROOT, 'dist-firefox')));
  });

  it('puts the sources, the lock file, the build steps and the reviewer’s documents in the source archive, and no build output', async () => {
    const names = [...(await readZip(readFileSync(zipPath('source')))).keys()];
    const required = ['package.json', 'package-lock.json', 'vite.config.ts', 'docs/build-from-source.md'];
    // What a store reviewer reads beside the code: the privacy policy, the listing with its permission
    // justifications and privacy answers, the user's and the contributor's guides.
    const documents = ['README.md', 'PRIVACY.md', 'CONTRIBUTING.md', 'docs/store-listing.md'];
    for (const file of [...required, ...documents]) expect(names).toContain(file);
    expect(names.some((name) => name.startsWith('src/background/'))).toBe(true);
    expect(names.filter((name) => /^(dist|dist-firefox|node_modules|release)\//.test(name))).toEqual([]);
  });

  it('gives a Firefox package that web-ext lint passes with no error, warning or notice, Android included', async () => {
    const dir = tempDir('reach-or-relate-lint-');
    const files = await readZip(readFileSync(zipPath('firefox')));
    extract(files, dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko_android?: { strict_min_version?: string } };
    };
    // Without gecko_android addons.mozilla.org does not offer the add-on on Android; with it the linter checks
    // every manifest key against that minimum version too.
    expect(manifest.browser_specific_settings?.gecko_android?.strict_min_version).toMatch(/^\d+\.\d+$/);
    const output = run(
      join(ROOT, 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', dir, '--output', 'json'],
      ROOT,
    );
    const report = JSON.parse(output) as { summary: { errors: number; warnings: number; notices: number } };
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  });

  it('is reproducible: the unpacked source archive builds the Firefox package byte for byte', async () => {
    const dir = tempDir('reach-or-relate-source-');
    extract(await readZip(readFileSync(zipPath('source'))), dir);
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], dir);
    run('npm', ['run', 'build:firefox'], dir);
    const published = readFileSync(zipPath('firefox'));
    expectSameFiles(filesOf(join(dir, 'dist-firefox')), await readZip(published));
    // And zipped the same way, the archive itself is the same bytes.
    expect(Buffer.from(await zipDirectory(join(dir, 'dist-firefox'))).equals(published)).toBe(true);
  }, 600_000);
});
