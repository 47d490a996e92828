import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Chromium keeps the toolbar's pinned extensions in the profile's `Default/Preferences` under
 * `extensions.pinned_extensions`, a list of extension ids (Chromium's extensions::pref_names::kPinnedExtensions,
 * read by ToolbarActionsModel). A fresh profile with the list written before the first start shows the
 * button in the toolbar instead of in the Extensions (puzzle-piece) menu.
 */
export function withPinnedExtension(
  preferences: Record<string, unknown>,
  extensionId: string,
): Record<string, unknown> {
  const extensions = (typeof preferences.extensions === 'object' && preferences.extensions) || {};
  const pinned = (extensions as { pinned_extensions?: unknown }).pinned_extensions;
  const list = Array.isArray(pinned) ? pinned.filter((id): id is string => typeof id === 'string') : [];
  return {
    ...preferences,
    extensions: { ...extensions, pinned_extensions: list.includes(extensionId) ? list : [...list, extensionId] },
  };
}

/** Writes the pin into the profile at `profileDir` (made by the caller, usually empty). */
export async function pinExtension(profileDir: string, extensionId: string): Promise<void> {
  const dir = join(profileDir, 'Default');
  const file = join(dir, 'Preferences');
  await mkdir(dir, { recursive: true });
  let preferences: Record<string, unknown> = {};
  try {
    preferences = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // A fresh profile has no preferences yet.
  }
  await writeFile(file, JSON.stringify(withPinnedExtension(preferences, extensionId)));
}
