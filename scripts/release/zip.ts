import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';

/**
 * Zip archives that depend on nothing but the files' paths and bytes: entries in sorted order, no folder
 * entries, one fixed timestamp (the earliest a zip's DOS date can hold; JSZip writes it in UTC), DEFLATE at
 * level 9. Built twice from the same files, the archives are the same bytes, so a reviewer's rebuild can be
 * compared with the published package.
 */
export const FIXED_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** Every file under `dir`, as `/`-separated paths relative to it, sorted by code unit. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** A zip of `files` (paths relative to `root`, `/`-separated), in sorted order. */
export async function zipFiles(root: string, files: readonly string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of [...files].sort()) {
    zip.file(file, readFileSync(join(root, ...file.split('/'))), { date: FIXED_DATE, createFolders: false });
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
}

/** A zip of everything under `dir`. */
export function zipDirectory(dir: string): Promise<Uint8Array> {
  return zipFiles(dir, listFiles(dir));
}

/** The files of a zip, by path (folder entries left out). */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) entries.set(entry.name, await entry.async('uint8array'));
  }
  return entries;
}
