import { beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../src/storage/backups';
import { MAX_IMPORT_CHARS } from '../../src/storage/limits';
import { EMPTY_POLICY } from '../../src/storage/managed';
import { getNote, listNotes, type NoteAreas, noteKey, saveNote } from '../../src/storage/notes';
import type { Note } from '../../src/storage/schema';
import { loadData, saveCustomSite, updateSettings, updateSitePrefs } from '../../src/storage/store';
import {
  applyImport,
  type ExportFile,
  exportData,
  exportFileName,
  exportJson,
  type ImportPlan,
  parseImport,
  readCurrent,
  type TransferData,
} from '../../src/storage/transfer';
import { type ImportRefusal, refusal } from '../../src/storage/transfer/refusal';
import { type FakeStorageArea, fakeLocalArea, fakeSyncArea } from '../helpers/fakeArea';

const T0 = 1_700_000_000_000;
const SCRIPT = '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">';

let clock = T0;
let local: FakeStorageArea;
let sync: FakeStorageArea;
let areas: NoteAreas;

beforeEach(() => {
  clock = T0;
  local = fakeLocalArea();
  sync = fakeSyncArea({}, () => clock);
  areas = { local, sync, now: () => clock };
});

function file(overrides: Partial<Record<keyof ExportFile, unknown>> = {}): string {
  return JSON.stringify({
    format: 'reach-or-relate',
    formatVersion: 1,
    exportedAt: T0,
    settings: { allSites: false, sync: false, retentionDays: 30 },
    sites: { 'reddit.com': { labeling: true, override: 'networking', reminder: true } },
    notes: [
      { domain: 'reddit.com', path: null, text: 'Only r/cooking', reminder: true, updatedAt: T0 - 10 },
      { domain: 'reddit.com', path: '/r/cooking/', text: SCRIPT, reminder: false, updatedAt: T0 - 5 },
    ],
    customSites: [{ domain: 'forum.example', name: 'Our forum', lean: 'networking' }],
    ...overrides,
  });
}

const EMPTY: TransferData = {
  settings: { sync: false, retentionDays: 90 },
  sites: {},
  notes: [],
  customSites: [],
  usage: {},
  today: '2023-11-14',
};

function plan(text: string, current: TransferData = EMPTY): ImportPlan {
  const result = parseImport(text, current);
  if (!result.ok) throw new Error(result.refusal.code);
  return result.plan;
}

async function seedCurrent(): Promise<void> {
  await updateSitePrefs(local, 'reddit.com', { labeling: false });
  await updateSitePrefs(local, 'facebook.com', { override: 'media' });
  await saveCustomSite(local, { domain: 'forum.example', name: 'Old name', lean: 'media' });
  await saveNote(areas, { domain: 'reddit.com', path: null, text: 'Only r/cooking', reminder: true, updatedAt: 1 });
  await saveNote(areas, { domain: 'reddit.com', path: '/r/cooking/', text: 'newer here', updatedAt: T0 });
  await saveNote(areas, { domain: 'example.org', path: null, text: 'not in the file', updatedAt: 2 });
}

describe('export', () => {
  it('writes one self-describing JSON object that imports back to the same data', async () => {
    await seedCurrent();
    await updateSettings(local, { retentionDays: 45 });
    const exported = await exportData(areas);
    expect(exported).toMatchObject({ format: 'reach-or-relate', formatVersion: 2, exportedAt: T0 });
    expect(exported).not.toHaveProperty('usage');
    expect(exported.notes).toHaveLength(3);
    expect(exportFileName(T0)).toBe('reach-or-relate-2023-11-14.json');

    const fresh: NoteAreas = { local: fakeLocalArea(), now: () => clock };
    const result = parseImport(exportJson(exported), await readCurrent(fresh));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await applyImport(fresh, result.plan);
    const again = await exportData(fresh);
    expect({ ...again, settings: undefined }).toEqual({ ...exported, settings: undefined });
    expect(again.settings.retentionDays).toBe(45);
  });
});

describe('usage records', () => {
  const DAY = '2023-11-14';
  const minutes = (media: number, networking = 0) => ({
    media: media * 60_000,
    networking: networking * 60_000,
    mixed: 0,
  });

  it('are exported only when asked for, and import back; days older than the retention are left out', async () => {
    const totals = {
      [DAY]: { 'youtube.com': minutes(30), 'linkedin.com': minutes(0, 12) },
      '2023-11-01': { 'youtube.com': minutes(5) },
      '2020-01-01': { 'youtube.com': minutes(99) },
    };
    await local.set({ usageTotals: totals });
    expect(await exportData(areas)).not.toHaveProperty('usage');
    const exported = await exportData(areas, { usage: true });
    expect(exported.usage).toEqual(totals);

    const fresh: NoteAreas = { local: fakeLocalArea(), now: () => clock };
    const result = parseImport(exportJson(exported), await readCurrent(fresh));
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.plan.usage).toMatchObject({ addDays: 2, replaceDays: 0, tooOldDays: 1 });
    await applyImport(fresh, result.plan);
    const { usageTotals } = await fresh.local.get('usageTotals');
    expect(usageTotals).toEqual({ [DAY]: totals[DAY], '2023-11-01': totals['2023-11-01'] });
    // The same file again changes nothing.
    const again = parseImport(exportJson(exported), await readCurrent(fresh));
    expect(again.ok && again.plan.adds + again.plan.replaces).toBe(0);
  });

  it('replace the records of the sites the file names and keep the rest of the day', async () => {
    await local.set({ usageTotals: { [DAY]: { 'youtube.com': minutes(1), 'x.com': minutes(2) } } });
    const text = file({ formatVersion: 2, usage: { [DAY]: { 'youtube.com': minutes(40) } } });
    const result = parseImport(text, await readCurrent(areas));
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.plan.usage).toMatchObject({ addDays: 0, replaceDays: 1 });
    await applyImport(areas, result.plan);
    expect(local.snapshot().usageTotals).toEqual({ [DAY]: { 'youtube.com': minutes(40), 'x.com': minutes(2) } });
  });

  it('set damaged stored totals aside, with the reason, in the write that replaces them', async () => {
    const damaged = { [DAY]: { 'youtube.com': minutes(1), 'x.com': { media: 'lots' } } };
    await local.set({ usageTotals: damaged });
    const text = file({ formatVersion: 2, usage: { [DAY]: { 'reddit.com': minutes(2) } } });
    const result = parseImport(text, await readCurrent(areas));
    if (!result.ok) throw new Error(result.refusal.code);
    await applyImport(areas, result.plan);
    expect(local.snapshot().usageTotals).toEqual({ [DAY]: { 'youtube.com': minutes(1), 'reddit.com': minutes(2) } });
    const backups = await listBackups(local);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ key: 'usageTotals', reason: { code: 'usageDamaged' }, value: damaged });
  });

  it('go through the writer the worker passes, which runs in turn with its own usage writes', async () => {
    const text = file({ formatVersion: 2, usage: { [DAY]: { 'youtube.com': minutes(3) } } });
    const result = parseImport(text, await readCurrent(areas));
    if (!result.ok) throw new Error(result.refusal.code);
    const written: unknown[] = [];
    await applyImport(areas, result.plan, { writeUsage: async (totals) => void written.push(totals) });
    expect(written).toEqual([{ [DAY]: { 'youtube.com': minutes(3) } }]);
    expect(local.snapshot().usageTotals).toBeUndefined();
  });

  it('are left out of the plan while the administrator turned usage records off', () => {
    const text = file({ formatVersion: 2, usage: { [DAY]: { 'youtube.com': minutes(3) } } });
    const result = parseImport(text, EMPTY, { policy: { ...EMPTY_POLICY, disableUsage: true } });
    expect(result.ok && result.plan.usage).toBeNull();
  });

  it('a version 1 file (before usage, with the allSites setting) still imports, without allSites', async () => {
    const result = parseImport(file({ settings: { allSites: true, sync: true, retentionDays: 30 } }), EMPTY);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.plan.settings).toEqual([{ field: 'retentionDays', current: 90, incoming: 30 }]);
    expect(result.plan.usage).toBeNull();
  });
});

describe('import plan', () => {
  it('lists what a valid file adds and replaces, compared with current data', async () => {
    await seedCurrent();
    const current = await readCurrent(areas);
    const result = parseImport(file(), current);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan } = result;
    expect(plan.notes).toEqual([
      {
        key: 'note:reddit.com|/r/cooking/',
        action: 'replace',
        incoming: { domain: 'reddit.com', path: '/r/cooking/', text: SCRIPT, reminder: false, updatedAt: T0 - 5 },
        current: { domain: 'reddit.com', path: '/r/cooking/', text: 'newer here', reminder: false, updatedAt: T0 },
      },
    ]);
    expect(plan.unchanged).toEqual({ notes: 1, sites: 0, customSites: 0 });
    expect(plan.sites).toEqual([
      {
        key: 'reddit.com',
        action: 'replace',
        incoming: { labeling: true, override: 'networking', reminder: true },
        current: { labeling: false, override: 'auto', reminder: false },
      },
    ]);
    expect(plan.customSites).toEqual([
      {
        key: 'forum.example',
        action: 'replace',
        incoming: { domain: 'forum.example', name: 'Our forum', lean: 'networking' },
        current: { domain: 'forum.example', name: 'Old name', lean: 'media' },
      },
    ]);
    expect(plan.settings).toEqual([{ field: 'retentionDays', current: 90, incoming: 30 }]);
    expect(plan.adds).toBe(0);
    expect(plan.replaces).toBe(4);

    expect(parseImport(file(), EMPTY)).toMatchObject({ ok: true, plan: { adds: 4, replaces: 1 } });
  });

  it('applies in one write per area, adds and replaces only, and the imported version wins', async () => {
    await seedCurrent();
    await updateSettings(local, { sync: true });
    const p = plan(file(), await readCurrent(areas));
    const localSets = local.calls.filter((c) => c.op === 'set').length;
    const syncSets = sync.calls.filter((c) => c.op === 'set').length;
    const result = await applyImport(areas, p);
    expect(local.calls.filter((c) => c.op === 'set').length - localSets).toBe(1);
    expect(sync.calls.filter((c) => c.op === 'set').length - syncSets).toBe(1);
    expect(result).toEqual({ notes: { sync: ['note:reddit.com|/r/cooking/'], local: [] }, notice: null });

    const page = await getNote(areas, 'reddit.com', '/r/cooking/');
    // Older in the file than here, so stamped just newer than what it replaced.
    expect(page).toEqual({
      domain: 'reddit.com',
      path: '/r/cooking/',
      text: SCRIPT,
      reminder: false,
      updatedAt: T0 + 1,
    });
    expect((await getNote(areas, 'example.org', null))?.text).toBe('not in the file');
    const { data } = await loadData(local);
    expect(data.sites).toEqual({
      'reddit.com': { labeling: true, override: 'networking', reminder: true },
      'facebook.com': { labeling: true, override: 'media', reminder: false },
    });
    expect(data.customSites).toEqual([{ domain: 'forum.example', name: 'Our forum', lean: 'networking' }]);
    expect(data.settings).toEqual({ sync: true, retentionDays: 30 });
  });

  it('keeps a <script> payload as plain text, byte for byte, through import and export', async () => {
    await applyImport(areas, plan(file()));
    const note = await getNote(areas, 'reddit.com', '/r/cooking/');
    expect(note?.text).toBe(SCRIPT);
    const exported = await exportData(areas);
    expect(exported.notes.find((n) => n.path === '/r/cooking/')?.text).toBe(SCRIPT);
    expect(JSON.parse(exportJson(exported)).notes[1].text).toBe(SCRIPT);
  });

  it('leaves notes out when the administrator turned them off', () => {
    const result = parseImport(file(), EMPTY, { policy: { ...EMPTY_POLICY, disableNotes: true } });
    expect(result).toMatchObject({ ok: true, plan: { notes: [], skippedNotes: 2 } });
  });

  it('accepts a hand-written file with only some sections', () => {
    const result = parseImport(
      JSON.stringify({
        format: 'reach-or-relate',
        formatVersion: 1,
        notes: [{ domain: 'a.org', text: 'x', updatedAt: 1 }],
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      plan: { notes: [{ action: 'add', incoming: { domain: 'a.org', path: null, reminder: false } }], adds: 1 },
    });
  });
});

describe('refused imports', () => {
  const cases: Array<[string, string, ImportRefusal]> = [
    ['corrupt JSON', '{"format": "reach-or-relate", "formatVersion": 1, "notes": [', refusal('notJson')],
    ['an empty file', '', refusal('notJson')],
    ['a file past the size limit', ' '.repeat(MAX_IMPORT_CHARS + 1), refusal('tooLarge')],
    ['a JSON list', '[1, 2]', refusal('notObject')],
    ['foreign JSON without a format', JSON.stringify({ bookmarks: [] }), refusal('noFormat')],
    [
      'foreign JSON with another format',
      JSON.stringify({ format: 'other-tool\nv2' }),
      refusal('otherFormat', '"other-tool\\nv2"'),
    ],
    ['a newer format version', file({ formatVersion: 3 }), refusal('newerFormat', 3, 2)],
    ['a broken format version', file({ formatVersion: '1' }), refusal('badFormatVersion')],
    [
      'a note of 5000 characters',
      file({ notes: [{ domain: 'a.org', path: null, text: 'x'.repeat(5000), reminder: false, updatedAt: 1 }] }),
      refusal('invalid', 'notes[0].text'),
    ],
    [
      'a site key that is not a domain',
      file({ sites: { 'https://reddit.com/': { labeling: true, override: 'auto' } } }),
      refusal('invalid', 'sites["https://reddit.com/"]'),
    ],
    [
      'a wrong override',
      file({ sites: { 'reddit.com': { labeling: true, override: 'both' } } }),
      refusal('invalid', 'sites["reddit.com"].override'),
    ],
    [
      'a path with a fragment',
      file({ notes: [{ domain: 'a.org', path: '/a#b', text: '', reminder: false, updatedAt: 1 }] }),
      refusal('invalid', 'notes[0].path'),
    ],
    [
      'a custom site with a bad lean',
      file({ customSites: [{ domain: 'a.org', name: 'A', lean: 'social' }] }),
      refusal('invalid', 'customSites[0].lean'),
    ],
    [
      'a retention out of range',
      file({ settings: { retentionDays: 99999 } }),
      refusal('invalid', 'settings.retentionDays'),
    ],
    [
      'the same note twice',
      file({
        notes: [
          { domain: 'a.org', path: null, text: '1', reminder: false, updatedAt: 1 },
          { domain: 'a.org', path: null, text: '2', reminder: false, updatedAt: 2 },
        ],
      }),
      refusal('repeatedNote', 'notes[1]', 'notes[0]', 'a.org'),
    ],
    [
      'the same custom site twice',
      file({
        customSites: [
          { domain: 'a.org', name: 'A', lean: 'media' },
          { domain: 'a.org', name: 'B', lean: 'media' },
        ],
      }),
      refusal('repeatedCustomSite', 'customSites[1]', 'customSites[0]', 'a.org'),
    ],
    ['a notes section that is not a list', file({ notes: { a: 1 } }), refusal('invalid', 'notes')],
    [
      'a damaged usage record',
      file({
        formatVersion: 2,
        usage: { '2023-11-14': { 'youtube.com': { media: 'lots', networking: 0, mixed: 0 } } },
      }),
      refusal('invalid', 'usage["2023-11-14"]["youtube.com"].media'),
    ],
    [
      'a usage day that is not a day',
      file({ formatVersion: 2, usage: { yesterday: {} } }),
      refusal('invalid', 'usage.yesterday'),
    ],
  ];

  it.each(cases)('%s: refused with its reason, and every area unchanged', async (_name, text, expected) => {
    await seedCurrent();
    await updateSettings(local, { sync: true });
    const before = { local: local.snapshot(), sync: sync.snapshot() };
    const writes = local.writeCount + sync.writeCount;
    const result = parseImport(text, await readCurrent(areas));
    expect(result).toEqual({ ok: false, refusal: expected });
    expect({ local: local.snapshot(), sync: sync.snapshot() }).toEqual(before);
    expect(local.writeCount + sync.writeCount).toBe(writes);
  });

  it('a tampered plan fails validation before anything is written', async () => {
    await seedCurrent();
    const p = plan(file(), await readCurrent(areas));
    const before = { local: local.snapshot(), sync: sync.snapshot() };
    const bad: Note = { domain: 'a.org', path: null, text: 'x'.repeat(5000), reminder: false, updatedAt: 1 };
    await expect(
      applyImport(areas, {
        ...p,
        notes: [...p.notes, { key: noteKey('a.org', null), action: 'add', incoming: bad, current: null }],
      }),
    ).rejects.toThrow(TypeError);
    await expect(
      applyImport(areas, {
        ...p,
        sites: [
          {
            key: 'NOT A DOMAIN',
            action: 'add',
            incoming: { labeling: true, override: 'auto', reminder: false },
            current: null,
          },
        ],
      }),
    ).rejects.toThrow(TypeError);
    expect({ local: local.snapshot(), sync: sync.snapshot() }).toEqual(before);
  });

  it('with sync on and no room in sync, imported notes go to local under a notice: nothing is lost', async () => {
    await updateSettings(local, { sync: true });
    const notes = Array.from({ length: 60 }, (_, i) => ({
      domain: `site${i}.example`,
      path: null,
      text: 'y'.repeat(2000),
      reminder: false,
      updatedAt: i + 1,
    }));
    const result = await applyImport(areas, plan(file({ notes })));
    expect(result.notes.sync.length + result.notes.local.length).toBe(60);
    expect(result.notes.local.length).toBeGreaterThan(0);
    expect(result.notice).toMatchObject({ kind: 'sync-quota', quota: 'QUOTA_BYTES' });
    expect((await listNotes(areas)).notes).toHaveLength(60);
  });
});
