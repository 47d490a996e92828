import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The floor: the least any extension that labels a page must cost it. Its content script has the same matches
 * and `run_at` as ours (read from the built manifest, so it follows every change of ours), reads one selector
 * and sends one message; its worker answers. Whatever ours costs beyond this is ours to remove.
 */
const CONTENT = `chrome.runtime.sendMessage({ title: document.querySelector('title')?.textContent ?? '' }).catch(() => {});\n`;
const WORKER = `chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true }); });\n`;

interface BuiltManifest {
  content_scripts?: Array<{ matches?: string[]; run_at?: string }>;
}

/** The content-script matches of a built manifest, every entry's, once each. */
export function declaredMatches(manifest: BuiltManifest): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []))].sort();
}

/** Writes the floor extension into `dir` (emptied first) for the built manifest `manifest`; returns `dir`. */
export function writeFloorExtension(dir: string, manifest: BuiltManifest): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const runAt = manifest.content_scripts?.[0]?.run_at ?? 'document_end';
  const floor = {
    manifest_version: 3,
    name: 'Bench floor',
    version: '1.0.0',
    background: { service_worker: 'worker.js' },
    content_scripts: [{ matches: declaredMatches(manifest), js: ['content.js'], run_at: runAt }],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(floor, null, 2)}\n`);
  writeFileSync(join(dir, 'content.js'), CONTENT);
  writeFileSync(join(dir, 'worker.js'), WORKER);
  return dir;
}

export function readManifest(dist: string): BuiltManifest {
  return JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as BuiltManifest;
}
