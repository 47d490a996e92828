/**
 * Whether the browser lets the extension read the social sites it was built for. Chrome grants the content
 * scripts' hosts at install (a person may withhold them later: "On click" in the extension's site access).
 * Firefox MV3 makes them optional: the person may decline at install, and then no page is labelled
 * (https://extensionworkshop.com/documentation/develop/manifest-v3-migration-guide/, "Host permissions").
 */

/** The part of the manifest that names hosts the extension needs. */
interface HostManifest {
  host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
}

interface Permissions {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
}

/** Every match pattern of the manifest's content scripts and host permissions, once each. */
export function requiredOrigins(manifest: HostManifest): string[] {
  const origins = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []),
  ];
  return [...new Set(origins)];
}

/** `required` patterns that `granted` (from `permissions.getAll()`) does not hold; `<all_urls>` holds them all. */
export function missingOrigins(required: readonly string[], granted: readonly string[]): string[] {
  if (granted.includes('<all_urls>')) return [];
  const held = new Set(granted);
  return required.filter((origin) => !held.has(origin));
}

/**
 * The required origins the extension may not use now; empty when it has all. `permissions.contains` answers
 * first. It is not enough alone: Chromium answers false for hosts that only content scripts name although it
 * granted them at install and `permissions.getAll()` lists them (measured in Chromium 156 with this manifest:
 * contains false, getAll all 287 patterns; Firefox ESR 153 with access declined: contains false, getAll none).
 * So a "no" is checked against the granted list before anything is shown.
 */
export async function missingSiteAccess(permissions: Permissions, manifest: HostManifest): Promise<string[]> {
  const required = requiredOrigins(manifest);
  if (required.length === 0 || (await permissions.contains({ origins: required }))) return [];
  const { origins = [] } = await permissions.getAll();
  return missingOrigins(required, origins);
}
