import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, requireBuilds } from './harness/paths';
import type { BrowserName } from './harness/types';

requireBuilds();

type Icons = Record<string, string> | string | undefined;

interface BuiltManifest {
  manifest_version: number;
  version: string;
  icons?: Icons;
  action?: { default_icon?: Icons };
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string };
    gecko_android?: { strict_min_version?: string };
  };
  commands?: Record<string, { suggested_key?: Record<string, string> }>;
  web_accessible_resources?: unknown;
  [key: string]: unknown;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

function manifestOf(browser: BrowserName): BuiltManifest {
  return JSON.parse(readFileSync(join(DIST[browser], 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** Width and height from a PNG's IHDR chunk, which the format requires to come first: bytes 16..24. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every icon the manifest names, with the size its key promises (a bare string promises none). */
function iconsOf(manifest: BuiltManifest): { where: string; size: number | null; path: string }[] {
  const list = (where: string, icons: Icons) =>
    icons === undefined
      ? []
      : typeof icons === 'string'
        ? [{ where, size: null, path: icons }]
        : Object.entries(icons).map(([size, path]) => ({ where: `${where}.${size}`, size: Number(size), path }));
  return [...list('icons', manifest.icons), ...list('action.default_icon', manifest.action?.default_icon)];
}

describe.each(['chromium', 'firefox'] as const)('the %s build manifest', (browser) => {
  const manifest = manifestOf(browser);

  it('is MV3 with the version of package.json', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(pkg.version);
  });

  it('exposes no resources to web pages', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('suggests a keyboard shortcut for the toolbar button that both browsers accept', () => {
    const keys = manifest.commands?._execute_action?.suggested_key ?? {};
    expect(Object.keys(keys)).toContain('default');
    // Chrome's and Firefox's rule: Ctrl or Alt (or MacCtrl on a Mac), optionally Shift, then one key.
    for (const key of Object.values(keys)) expect(key).toMatch(/^(Ctrl|Alt|Command|MacCtrl)\+(Shift\+)?[A-Z0-9]$/);
  });

  it('names icons that exist at the promised pixel sizes', () => {
    const icons = iconsOf(manifest);
    expect(icons.length).toBeGreaterThan(0);
    for (const { where, size, path } of icons) {
      const { width, height } = pngSize(join(DIST[browser], path));
      expect({ where, width, height }).toEqual({ where, width: size ?? width, height: size ?? width });
    }
  });
});

describe('browser-specific keys', () => {
  it('Chrome gets a service worker and no browser_specific_settings', () => {
    const manifest = manifestOf('chromium');
    expect(typeof manifest.background?.service_worker).toBe('string');
    expect(manifest.background).not.toHaveProperty('scripts');
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });

  it('Firefox gets background scripts and a gecko id with a minimum version', () => {
    const manifest = manifestOf('firefox');
    expect(manifest.background?.scripts?.length).toBeGreaterThan(0);
    expect(manifest.background).not.toHaveProperty('service_worker');
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toMatch(/^\d+(\.\d+)*$/);
  });

  it('Firefox for Android is offered, from the version that has everything the manifest asks for', () => {
    const { gecko, gecko_android } = manifestOf('firefox').browser_specific_settings ?? {};
    // data_collection_permissions came to Firefox for Android in 142 (MDN browser-compat-data).
    expect(Number.parseFloat(gecko_android?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(142);
    expect(gecko).toHaveProperty('data_collection_permissions');
  });

  it('both builds run the same content scripts', () => {
    expect(manifestOf('firefox').content_scripts).toEqual(manifestOf('chromium').content_scripts);
  });
});
