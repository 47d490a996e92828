import * as v from 'valibot';
import { MANAGED_KEYS } from './keys';
import { CUSTOM_SITES_MAX } from './limits';
import { Bool, type CustomSite, isRecord, issuePath, type Settings, UserCustomSite, userCustomSite } from './schema';

/**
 * What an administrator can set through `storage.managed` (declared for Chrome in public/managed_schema.json;
 * Firefox reads the same keys from its enterprise policies and checks nothing, so everything is checked
 * here again). The policy only ever takes away: it adds sites and turns features off, never on.
 */
export interface ManagedPolicy {
  customSites: CustomSite[];
  disableAllSites: boolean;
  disableSync: boolean;
  disableNotes: boolean;
  disableUsage: boolean;
}

export type Feature = 'allSites' | 'sync' | 'notes' | 'usage';

const SWITCHES = MANAGED_KEYS.filter((key): key is Exclude<(typeof MANAGED_KEYS)[number], (typeof MANAGED_KEYS)[0]> =>
  key.startsWith('disable'),
);

export const EMPTY_POLICY: Readonly<ManagedPolicy> = Object.freeze({
  customSites: [],
  disableAllSites: false,
  disableSync: false,
  disableNotes: false,
  disableUsage: false,
});

export interface ManagedRead {
  policy: ManagedPolicy;
  /** Parts of the policy that were ignored, each as `path: what is wrong`. */
  problems: string[];
  /** False where the browser has no managed storage for the extension (Firefox without a policy). */
  available: boolean;
}

/** The validated policy. Never throws: without a readable policy the user's own settings simply apply. */
export async function readManaged(
  area: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> } | undefined,
): Promise<ManagedRead> {
  if (!area) return { policy: { ...EMPTY_POLICY, customSites: [] }, problems: [], available: false };
  let raw: Record<string, unknown>;
  try {
    raw = await area.get(null);
  } catch {
    // Firefox rejects ("Managed storage manifest not found") when no policy names the extension.
    return { policy: { ...EMPTY_POLICY, customSites: [] }, problems: [], available: false };
  }
  return { ...parsePolicy(raw), available: true };
}

/** Keeps every valid part of a raw policy; reports and ignores the rest. */
export function parsePolicy(raw: unknown): { policy: ManagedPolicy; problems: string[] } {
  const policy: ManagedPolicy = { ...EMPTY_POLICY, customSites: [] };
  const problems: string[] = [];
  if (!isRecord(raw)) return { policy, problems: raw === undefined ? [] : ['policy: not an object'] };
  for (const key of Object.keys(raw)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) problems.push(`${key}: not a policy of this extension`);
  }
  for (const key of SWITCHES) {
    if (raw[key] === undefined) continue;
    const parsed = v.safeParse(Bool, raw[key]);
    if (parsed.success) policy[key] = parsed.output;
    else problems.push(`${key}: ${parsed.issues[0].message}`);
  }
  if (raw.customSites !== undefined) {
    if (!Array.isArray(raw.customSites)) problems.push('customSites: must be a list');
    else {
      const seen = new Set<string>();
      raw.customSites.forEach((site: unknown, index: number) => {
        const parsed = v.safeParse(UserCustomSite, site, { abortEarly: true });
        if (!parsed.success) {
          const path = issuePath(parsed.issues[0].path);
          problems.push(`customSites[${index}]${path ? `.${path}` : ''}: ${parsed.issues[0].message}`);
        } else if (seen.has(parsed.output.domain)) {
          problems.push(`customSites[${index}].domain: repeats ${parsed.output.domain}`);
        } else if (policy.customSites.length >= CUSTOM_SITES_MAX) {
          problems.push(`customSites[${index}]: past the limit of ${CUSTOM_SITES_MAX} sites`);
        } else {
          seen.add(parsed.output.domain);
          policy.customSites.push({ ...userCustomSite(parsed.output), managed: true });
        }
      });
    }
  }
  return { policy, problems };
}

interface EffectiveSettings {
  sync: boolean;
  retentionDays: number;
  notes: boolean;
  usage: boolean;
  /** What the administrator turned off: the options page shows these as locked. */
  disabledFeatures: Feature[];
}

/** The settings in force: the user's, with whatever the administrator turned off forced off. */
export function effectiveSettings(settings: Settings, policy: ManagedPolicy = EMPTY_POLICY): EffectiveSettings {
  const disabledFeatures: Feature[] = [];
  if (policy.disableAllSites) disabledFeatures.push('allSites');
  if (policy.disableSync) disabledFeatures.push('sync');
  if (policy.disableNotes) disabledFeatures.push('notes');
  if (policy.disableUsage) disabledFeatures.push('usage');
  return {
    sync: settings.sync && !policy.disableSync,
    retentionDays: settings.retentionDays,
    notes: !policy.disableNotes,
    usage: !policy.disableUsage,
    disabledFeatures,
  };
}

/**
 * The administrator's sites first, marked `managed`, then the user's; where both name a domain the
 * administrator's entry wins (the user's stays stored, and shows again if the policy drops the site).
 */
export function mergeCustomSites(user: readonly CustomSite[], policy: ManagedPolicy = EMPTY_POLICY): CustomSite[] {
  const managed = policy.customSites.map((site) => ({ ...userCustomSite(site), managed: true }));
  const taken = new Set(managed.map((site) => site.domain));
  return [...managed, ...user.filter((site) => !taken.has(site.domain)).map(userCustomSite)];
}
