import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../../../scripts/lib/corpus';
import type { BrowserName } from './types';

export { ROOT };

/**
 * The built extension for each browser. `DIST_DIR` and `DIST_FIREFOX_DIR` point the tests at another build,
 * for example a copy with a patched manifest.
 */
export const DIST: Record<BrowserName, string> = {
  chromium: resolve(ROOT, process.env.DIST_DIR ?? 'dist'),
  firefox: resolve(ROOT, process.env.DIST_FIREFOX_DIR ?? 'dist-firefox'),
};

/** Fails unless the extension has been built for both browsers. */
export function requireBuilds(): void {
  for (const dir of Object.values(DIST)) {
    const manifest = join(dir, 'manifest.json');
    if (!existsSync(manifest)) throw new Error(`${manifest} is missing: run npm run build:all first`);
  }
}
