import { localDayOf } from '../../usage/accounting';
import type { UsageTotals } from '../../usage/schema';
import { addDays } from '../../usage/totals';
import { CUSTOM_SITES_MAX, RETENTION_DAYS_DEFAULT } from '../limits';
import { noteKey } from '../notes/keys';
import {
  type CustomSite,
  DEFAULT_SITE_PREFS,
  type Note,
  type ResolvedSitePrefs,
  resolveSitePrefs,
  type Settings,
  userCustomSite,
} from '../schema';
import { checkFile, type ImportFile } from './format';
import { type ImportRefusal, refusal } from './refusal';

/**
 * An import as a plan: what the file adds and what it replaces, compared with the current data, shown to the
 * user before anything is written (apply.ts writes it). It only adds and replaces: nothing the file lacks is
 * deleted. Pure: it reads and writes nothing.
 */

/** What an import is compared with. */
export interface TransferData {
  settings: Settings;
  sites: Record<string, ResolvedSitePrefs>;
  notes: Note[];
  customSites: CustomSite[];
  usage: UsageTotals;
  /** The local day now, as usage names days: imported records older than the retention are left out. */
  today: string;
}

export interface PlanEntry<T> {
  /** The domain of a site or custom site, the storage key of a note. */
  key: string;
  action: 'add' | 'replace';
  incoming: T;
  /** What it replaces; null for an add. */
  current: T | null;
}

interface SettingChange {
  field: 'retentionDays';
  current: number;
  incoming: number;
}

interface UsagePlan {
  /** Days the file adds records to where there were none, and days where it replaces some. */
  addDays: number;
  replaceDays: number;
  /** Days in the file older than the retention: they would be deleted at once, so they are left out. */
  tooOldDays: number;
  /** The records to write: per day, the sites whose time the file sets. */
  totals: UsageTotals;
}

export interface ImportPlan {
  exportedAt: number | null;
  notes: PlanEntry<Note>[];
  sites: PlanEntry<ResolvedSitePrefs>[];
  customSites: PlanEntry<CustomSite>[];
  /**
   * Only `retentionDays` is imported: `sync` decides where this device keeps its notes.
   */
  settings: SettingChange[];
  /** Null when the file carries no usage records. */
  usage: UsagePlan | null;
  /** Entries in the file that are already here as they are. */
  unchanged: { notes: number; sites: number; customSites: number };
  /** Notes in the file left out because the administrator turned notes off. */
  skippedNotes: number;
  adds: number;
  replaces: number;
}

type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; refusal: ImportRefusal };

interface ImportOptions {
  /** With `disableNotes`, notes in the file are left out of the plan; with `disableUsage`, usage records. */
  policy?: { disableNotes: boolean; disableUsage?: boolean } | undefined;
}

function emptyCurrent(): TransferData {
  return {
    settings: { sync: false, retentionDays: RETENTION_DAYS_DEFAULT },
    sites: {},
    notes: [],
    customSites: [],
    usage: {},
    today: localDayOf(Date.now()),
  };
}

/** Checks a file and compares it with the current data. Pure: it reads and writes nothing. */
export function parseImport(
  text: string,
  current: TransferData = emptyCurrent(),
  options: ImportOptions = {},
): ImportResult {
  const checked = checkFile(text);
  return checked.ok ? planImport(checked.file, current, options) : checked;
}

function sameUsage(a: UsageTotals[string][string] | undefined, b: UsageTotals[string][string]): boolean {
  return a !== undefined && a.media === b.media && a.networking === b.networking && a.mixed === b.mixed;
}

function planUsage(incoming: UsageTotals, current: TransferData, retentionDays: number): UsagePlan {
  const oldest = addDays(current.today, -(retentionDays - 1));
  const plan: UsagePlan = { addDays: 0, replaceDays: 0, tooOldDays: 0, totals: {} };
  for (const [day, sites] of Object.entries(incoming)) {
    if (day < oldest) {
      plan.tooOldDays++;
      continue;
    }
    const here = Object.hasOwn(current.usage, day) ? current.usage[day] : undefined;
    const changed = Object.entries(sites).filter(([domain, site]) => !sameUsage(here?.[domain], site));
    if (changed.length === 0) continue;
    plan.totals[day] = Object.fromEntries(changed);
    if (here && changed.some(([domain]) => Object.hasOwn(here, domain))) plan.replaceDays++;
    else plan.addDays++;
  }
  return plan;
}

function planImport(file: ImportFile, current: TransferData, options: ImportOptions): ImportResult {
  const plan: ImportPlan = {
    exportedAt: file.exportedAt ?? null,
    notes: [],
    sites: [],
    customSites: [],
    settings: [],
    usage: null,
    unchanged: { notes: 0, sites: 0, customSites: 0 },
    skippedNotes: 0,
    adds: 0,
    replaces: 0,
  };

  const currentNotes = new Map(current.notes.map((note) => [noteKey(note.domain, note.path), note]));
  if (options.policy?.disableNotes) plan.skippedNotes = file.notes.length;
  else {
    for (const incoming of file.notes) {
      const key = noteKey(incoming.domain, incoming.path);
      const here = currentNotes.get(key) ?? null;
      if (here && sameNote(here, incoming)) plan.unchanged.notes++;
      else plan.notes.push({ key, action: here ? 'replace' : 'add', incoming: { ...incoming }, current: here });
    }
  }

  for (const [domain, prefs] of Object.entries(file.sites)) {
    const incoming = resolveSitePrefs(prefs);
    const here = current.sites[domain] ?? null;
    const before = here ?? DEFAULT_SITE_PREFS;
    const same =
      before.labeling === incoming.labeling &&
      before.override === incoming.override &&
      before.reminder === incoming.reminder;
    if (same) plan.unchanged.sites++;
    else plan.sites.push({ key: domain, action: here ? 'replace' : 'add', incoming, current: here });
  }

  const currentSites = new Map(current.customSites.map((site) => [site.domain, site]));
  let count = current.customSites.length;
  for (const site of file.customSites) {
    const incoming = userCustomSite(site);
    const here = currentSites.get(site.domain) ?? null;
    if (here && here.name === incoming.name && here.lean === incoming.lean) plan.unchanged.customSites++;
    else {
      if (!here) count++;
      plan.customSites.push({ key: site.domain, action: here ? 'replace' : 'add', incoming, current: here });
    }
  }
  if (count > CUSTOM_SITES_MAX) {
    return { ok: false, refusal: refusal('tooManyCustomSites', count, CUSTOM_SITES_MAX) };
  }

  const days = file.settings?.retentionDays;
  if (days !== undefined && days !== current.settings.retentionDays) {
    plan.settings.push({ field: 'retentionDays', current: current.settings.retentionDays, incoming: days });
  }

  if (file.usage && !options.policy?.disableUsage) {
    plan.usage = planUsage(file.usage, current, days ?? current.settings.retentionDays);
    plan.adds += plan.usage.addDays;
    plan.replaces += plan.usage.replaceDays;
  }

  for (const entries of [plan.notes, plan.sites, plan.customSites] as PlanEntry<unknown>[][]) {
    for (const entry of entries) {
      if (entry.action === 'add') plan.adds++;
      else plan.replaces++;
    }
  }
  plan.replaces += plan.settings.length;
  return { ok: true, plan };
}

export function sameNote(a: Note, b: Note): boolean {
  return a.text === b.text && a.reminder === b.reminder;
}

export function isEmptyPlan(plan: ImportPlan): boolean {
  return plan.adds + plan.replaces === 0;
}
