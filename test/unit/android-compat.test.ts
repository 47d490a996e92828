import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/corpus';

/**
 * Every extension API the shipped code calls, checked against MDN's browser-compat-data (the data
 * `web-ext lint` checks manifests with) for Firefox for Android at the version the Firefox manifest's
 * `gecko_android.strict_min_version` names. An API Android lacks or only partly implements must be listed below
 * with the graceful path the code takes, and every listed one must still be in use.
 */

interface Support {
  version_added: string | boolean | null;
  version_removed?: string;
  partial_implementation?: boolean;
}
interface CompatNode {
  __compat?: { support: { firefox_android?: Support | Support[] } };
  [key: string]: unknown;
}

const bcd = createRequire(import.meta.url)('@mdn/browser-compat-data') as {
  webextensions: { api: Record<string, CompatNode>; manifest: Record<string, CompatNode> };
};
const viteConfig = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
const ANDROID_MIN = Number(/FIREFOX_ANDROID_MIN_VERSION = '(\d+)/.exec(viteConfig)?.[1]);

/** Android has none of these; the code goes around them. */
const MISSING: Record<string, string> = {
  windows: 'src/background/usage.ts windowsApi(): without windows the one window counts as focused',
  commands:
    'the manifest key, which Firefox for Android ignores (no keyboard shortcuts there), and src/welcome/welcomeApi.ts shortcut(), which checks for browser.commands and then shows no shortcut',
  'storage.managed': 'src/storage/managed.ts readManaged(undefined): no policy, the user settings apply',
};
/** Manifest keys of the Firefox build (vite.config.ts) that Android ignores, and what stands in for them there. */
const MISSING_KEYS: Record<string, string> = {
  sidebar_action:
    'the Balance panel: Android has no sidebar; the popup and the options page link to the Balance page, which opens in a tab',
};
/** Android has these only in part. */
const PARTIAL: Record<string, string> = {
  'storage.sync': 'does not sync on Android: the options page says notes stay on the device there',
  'tabs.query': 'may return a subset of tabs on Android: only the active tab is ever asked for',
};
/** Reached without a literal `browser.x.y` (through a guard or an optional chain), so named here. */
const INDIRECT: Record<string, string> = {
  'windows.getLastFocused': 'windows.getLastFocused()',
  'windows.onFocusChanged': 'onFocusChanged.addListener',
  'storage.managed': 'storage as { managed?: unknown }',
  'i18n.getMessage': 'getMessage(key, substitutions)',
  'i18n.getUILanguage': 'i18n.getUILanguage()',
};

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** The API paths the code names, as `namespace.member` (or `namespace.area` for storage areas). */
function usedApis(): Set<string> {
  const text = sources().join('\n');
  const used = new Set<string>();
  for (const m of text.matchAll(/(?<![\w.'"`/-])\b(?:browser|chrome)\??\.([a-z][A-Za-z]*)\??\.([A-Za-z_]+)/g)) {
    used.add(`${m[1]}.${m[2]}`);
  }
  for (const [api, snippet] of Object.entries(INDIRECT)) {
    expect(text, `${api} is listed as used through "${snippet}", which is no longer in src/`).toContain(snippet);
    used.add(api);
  }
  return used;
}

/** The deepest compat entry for a path; `storage.local.get` is judged as `storage.local`. */
function compatOf(path: string): { at: string; support: Support | undefined } | null {
  let node: CompatNode | undefined = bcd.webextensions.api as unknown as CompatNode;
  let found: { at: string; support: Support | undefined } | null = null;
  const parts: string[] = [];
  for (const part of path.split('.')) {
    node = node?.[part] as CompatNode | undefined;
    if (!node) break;
    parts.push(part);
    const support = node.__compat?.support.firefox_android;
    if (support) found = { at: parts.join('.'), support: Array.isArray(support) ? support[0] : support };
  }
  return found;
}

function availableAt(support: Support | undefined): number | null {
  if (!support || support.version_removed || typeof support.version_added !== 'string') return null;
  return Number.parseFloat(support.version_added);
}

describe('Firefox for Android', () => {
  const used = usedApis();

  it('has a minimum version in vite.config.ts', () => {
    expect(ANDROID_MIN).toBeGreaterThanOrEqual(113);
  });

  it.each([...used].sort())('%s: available on Android at the minimum version, or listed with its fallback', (api) => {
    const compat = compatOf(api);
    expect(compat, `${api} is not in browser-compat-data`).not.toBeNull();
    const { at, support } = compat as { at: string; support: Support | undefined };
    const since = availableAt(support);
    const missing = Object.keys(MISSING).find((name) => at === name || at.startsWith(`${name}.`));
    if (since === null) {
      expect(missing, `${at} is missing on Firefox for Android: add the graceful path and list it`).toBeDefined();
      return;
    }
    expect(missing, `${at} is listed as missing but is there since ${since}`).toBeUndefined();
    expect(since, `${at} needs Firefox for Android ${since}`).toBeLessThanOrEqual(ANDROID_MIN);
    if (support?.partial_implementation) {
      expect(Object.keys(PARTIAL), `${at} is partial on Android: say what the code does about it`).toContain(at);
    }
  });

  it('lists no fallback for an API the code no longer uses', () => {
    const usedRoots = new Set([...used].flatMap((api) => [api, api.split('.')[0] as string]));
    for (const name of [...Object.keys(MISSING), ...Object.keys(PARTIAL)]) {
      if (name === 'commands') continue; // a manifest key as well as an API: checked by the welcome test
      expect(usedRoots, name).toContain(name);
    }
  });
});

describe('Firefox for Android: manifest keys', () => {
  it.each(Object.keys(MISSING_KEYS))('%s: missing on Android, listed with what stands in for it', (key) => {
    expect(viteConfig, `${key} is no longer in the Firefox manifest`).toContain(`${key}:`);
    const support = bcd.webextensions.manifest[key]?.__compat?.support.firefox_android;
    const first = Array.isArray(support) ? support[0] : support;
    expect(availableAt(first), `${key} is on Android now: drop it from MISSING_KEYS`).toBeNull();
  });
});
