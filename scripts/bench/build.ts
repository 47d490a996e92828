import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

function oldest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let earliest = Number.POSITIVE_INFINITY;
  for (const name of readdirSync(path)) earliest = Math.min(earliest, oldest(join(path, name)));
  return earliest;
}

/**
 * Builds the Chromium extension (`npm run build`) unless dist/ is there and newer than every source it comes
 * from; `force` always builds. Returns whether it built.
 */
export function ensureBuild(root: string, force: boolean): boolean {
  const dist = join(root, 'dist');
  const inputs = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'].map((p) => join(root, p));
  const stale =
    force ||
    !existsSync(join(dist, 'manifest.json')) ||
    oldest(dist) < Math.max(...inputs.filter(existsSync).map(newest));
  if (!stale) return false;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return true;
}
