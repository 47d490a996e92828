import * as v from 'valibot';
import { localDayOf } from '../../usage/accounting';
import type { UsageTotals } from '../../usage/schema';
import { overlayTotals, salvageTotals } from '../../usage/totals';
import { backupItem, backupKeyFor } from '../backups';
import { item, KEYS } from '../keys';
import { CUSTOM_SITES_MAX } from '../limits';
import { type NoteAreas, readAllNotes, writeNotes } from '../notes';
import { noteKey } from '../notes/keys';
import { reason } from '../problems';
import {
  Domain,
  isDefaultSitePrefs,
  type Note,
  NoteSchema,
  type Notice,
  RetentionDays,
  resolveSitePrefs,
  SitePrefsSchema,
  UserCustomSite,
  userCustomSite,
} from '../schema';
import { loadData } from '../store';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportFile } from './format';
import { type ImportPlan, sameNote, type TransferData } from './plan';

/** Reads what an export holds and what an import is compared with. */
export async function readCurrent(areas: NoteAreas): Promise<TransferData> {
  const now = (areas.now ?? Date.now)();
  const { data } = await loadData(areas.local, now);
  const notes = [...(await readAllNotes(areas)).values()];
  const usage = await readUsage(areas);
  return { ...data, notes, usage, today: localDayOf(now) };
}

async function readUsage(areas: NoteAreas): Promise<UsageTotals> {
  const stored = await areas.local.get(KEYS.usageTotals.key);
  return salvageTotals(stored[KEYS.usageTotals.key]).totals;
}

export async function exportData(areas: NoteAreas, options: { usage?: boolean } = {}): Promise<ExportFile> {
  const current = await readCurrent(areas);
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: (areas.now ?? Date.now)(),
    settings: { sync: current.settings.sync, retentionDays: current.settings.retentionDays },
    sites: current.sites,
    notes: current.notes,
    customSites: current.customSites.map(userCustomSite),
    ...(options.usage ? { usage: current.usage } : {}),
  };
}

export interface ApplyResult {
  /** Note keys written to each area. */
  notes: { sync: string[]; local: string[] };
  /** Set when sync is on and some notes had to stay local. */
  notice: Notice | null;
}

interface ApplyOptions {
  /**
   * Adds the plan's usage records to the stored totals. The worker passes its own, which runs in turn with
   * its usage writes (a write of the totals between this read and write would otherwise be lost); without
   * it the records are added in the same `set` as the rest.
   */
  writeUsage?: (totals: UsageTotals) => Promise<void>;
}

/**
 * Writes a plan from parseImport: one `set` on local (sites, custom sites, settings, local notes, usage)
 * and, with sync on, one on sync (notes). Entries are checked again first, and the current data re-read, so
 * that a change made since the plan was shown is kept where the plan does not touch it. A replaced note is
 * stamped newer than the copy it replaces, since reads pick the newest copy.
 */
export async function applyImport(
  areas: NoteAreas,
  plan: ImportPlan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  for (const entry of plan.notes) {
    if (!v.is(NoteSchema, entry.incoming) || noteKey(entry.incoming.domain, entry.incoming.path) !== entry.key) {
      throw new TypeError(`Invalid note in the plan: ${entry.key}`);
    }
  }
  for (const entry of plan.sites) {
    if (!v.is(Domain, entry.key) || !v.is(SitePrefsSchema, entry.incoming)) {
      throw new TypeError(`Invalid site: ${entry.key}`);
    }
  }
  for (const entry of plan.customSites) {
    if (!v.is(UserCustomSite, entry.incoming) || entry.incoming.domain !== entry.key) {
      throw new TypeError(`Invalid custom site: ${entry.key}`);
    }
  }
  for (const change of plan.settings) {
    if (change.field !== 'retentionDays' || !v.is(RetentionDays, change.incoming)) {
      throw new TypeError('Invalid setting in the plan');
    }
  }

  const { data } = await loadData(areas.local, (areas.now ?? Date.now)());
  const localWrites: Record<string, unknown> = {};
  if (plan.sites.length > 0) {
    const sites = { ...data.sites };
    for (const entry of plan.sites) {
      const prefs = resolveSitePrefs(entry.incoming);
      if (isDefaultSitePrefs(prefs)) delete sites[entry.key];
      else sites[entry.key] = prefs;
    }
    Object.assign(localWrites, item(KEYS.sites, sites));
  }
  if (plan.customSites.length > 0) {
    const customSites = [...data.customSites];
    for (const entry of plan.customSites) {
      const index = customSites.findIndex((site) => site.domain === entry.key);
      if (index >= 0) customSites[index] = userCustomSite(entry.incoming);
      else customSites.push(userCustomSite(entry.incoming));
    }
    if (customSites.length > CUSTOM_SITES_MAX) throw new RangeError(`At most ${CUSTOM_SITES_MAX} custom sites`);
    Object.assign(localWrites, item(KEYS.customSites, customSites));
  }
  for (const change of plan.settings) {
    Object.assign(localWrites, item(KEYS.settings, { ...data.settings, [change.field]: change.incoming }));
  }
  const usage = plan.usage?.totals;
  if (usage && Object.keys(usage).length > 0 && !options.writeUsage) {
    // Damaged totals are set aside in the same write that replaces them, as the worker's recorder does.
    const raw = (await areas.local.get(KEYS.usageTotals.key))[KEYS.usageTotals.key];
    const stored = salvageTotals(raw);
    if (stored.damaged) {
      const at = (areas.now ?? Date.now)();
      Object.assign(localWrites, backupItem(backupKeyFor(KEYS.usageTotals.key, at), reason('usageDamaged'), raw));
    }
    Object.assign(localWrites, item(KEYS.usageTotals, overlayTotals(stored.totals, usage)));
  }

  const notes: Note[] = [];
  if (!areas.policy?.disableNotes && plan.notes.length > 0) {
    const existing = await readAllNotes(areas);
    for (const entry of plan.notes) {
      const here = existing.get(entry.key);
      if (here && sameNote(here, entry.incoming)) continue;
      const updatedAt = here ? Math.max(entry.incoming.updatedAt, here.updatedAt + 1) : entry.incoming.updatedAt;
      notes.push({ ...entry.incoming, updatedAt });
    }
  }
  const written = await writeNotes(areas, notes, localWrites);
  if (usage && Object.keys(usage).length > 0 && options.writeUsage) await options.writeUsage(usage);
  return { notes: { sync: written.sync, local: written.local }, notice: written.notice };
}
