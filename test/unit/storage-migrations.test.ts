import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/storage/backups';
import { MIGRATIONS, migrate, storedVersion } from '../../src/storage/migrations';
import { listNotes } from '../../src/storage/notes';
import { SCHEMA_VERSION } from '../../src/storage/schema';
import { loadData } from '../../src/storage/store';
import { fakeLocalArea } from '../helpers/fakeArea';

const NOW = 1_700_000_000_000;

/** What each version of the extension left in `storage.local`, as real installs would have it. */
const SNAPSHOTS = {
  empty: {},
  /** Before versioning: a build that wrote settings without a version, and some junk beside them. */
  unversioned: {
    settings: { allSites: true },
    sites: { 'facebook.com': { labeling: false, override: 'auto' } },
    'tab:12': { tabId: 12 },
  },
  unversionedJunk: {
    schemaVersion: 'one',
    settings: 'enabled',
    sites: { 'reddit.com': { labeling: true, override: 'networking' }, 'bad key': 7 },
  },
  v1: {
    schemaVersion: 1,
    settings: { allSites: true },
    sites: {
      'facebook.com': { labeling: false, override: 'auto' },
      'reddit.com': { labeling: true, override: 'networking' },
      'linkedin.com': { labeling: true, override: 'media' },
    },
  },
  v1WithBadSite: {
    schemaVersion: 1,
    settings: { allSites: false },
    sites: {
      'youtube.com': { labeling: true, override: 'media' },
      'tiktok.com': { labeling: 'yes', override: 'auto' },
    },
  },
  v2: {
    schemaVersion: 2,
    settings: { allSites: true, sync: true, retentionDays: 30 },
    sites: { 'reddit.com': { labeling: true, override: 'networking', reminder: true } },
    customSites: [{ domain: 'forum.example', name: 'Our forum', lean: 'networking' }],
    'note:reddit.com': { domain: 'reddit.com', path: null, text: 'Only r/cooking', reminder: true, updatedAt: 5 },
  },
} as const;

describe('migration steps', () => {
  it('there is one step per version, each total on odd input', () => {
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION);
    for (const odd of [{}, { settings: null }, { sites: 'x', settings: [] }, { sites: { a: 5 } }]) {
      for (const step of MIGRATIONS) expect(() => step(odd)).not.toThrow();
    }
  });

  it('reads a version that is not a whole number as unversioned', () => {
    expect(storedVersion({})).toBe(0);
    expect(storedVersion({ schemaVersion: 'one' })).toBe(0);
    expect(storedVersion({ schemaVersion: -1 })).toBe(0);
    expect(storedVersion({ schemaVersion: 1.5 })).toBe(0);
    expect(storedVersion({ schemaVersion: 1 })).toBe(1);
  });

  it('migrating twice changes nothing more', () => {
    const once = migrate({ ...SNAPSHOTS.v1 });
    expect(migrate(once)).toEqual(once);
  });
});

describe('loading every earlier version', () => {
  it('0, nothing stored: defaults', async () => {
    const area = fakeLocalArea(SNAPSHOTS.empty);
    const { data, problems, fromVersion } = await loadData(area, NOW);
    expect(fromVersion).toBe(0);
    expect(problems).toEqual([]);
    expect(data).toEqual({
      schemaVersion: 3,
      settings: { sync: false, retentionDays: 90 },
      sites: {},
      customSites: [],
    });
  });

  it('0, unversioned settings: kept, upgraded, other keys left alone', async () => {
    const area = fakeLocalArea(SNAPSHOTS.unversioned);
    const { data, problems } = await loadData(area, NOW);
    expect(problems).toEqual([]);
    expect(data.settings).toEqual({ sync: false, retentionDays: 90 });
    expect(data.sites).toEqual({ 'facebook.com': { labeling: false, override: 'auto', reminder: false } });
    const stored = area.snapshot();
    expect(stored['tab:12']).toEqual({ tabId: 12 });
    expect(stored.schemaVersion).toBe(3);
    expect(stored.settings).toEqual({ sync: false, retentionDays: 90 });
  });

  it('0, unversioned junk: what is valid is kept, every invalid value is backed up and reported', async () => {
    const area = fakeLocalArea(SNAPSHOTS.unversionedJunk);
    const { data, problems } = await loadData(area, NOW);
    expect(data.sites).toEqual({ 'reddit.com': { labeling: true, override: 'networking', reminder: false } });
    expect(data.settings).toEqual({ sync: false, retentionDays: 90 });
    expect(problems.map((p) => p.key).sort()).toEqual(['schemaVersion', 'settings', 'sites']);
    const backups = Object.fromEntries((await listBackups(area)).map((b) => [b.key, b.value]));
    expect(backups).toEqual({
      schemaVersion: 'one',
      settings: 'enabled',
      sites: SNAPSHOTS.unversionedJunk.sites,
    });
  });

  it('1: every site and setting survives, with the new fields at their defaults', async () => {
    const area = fakeLocalArea(SNAPSHOTS.v1);
    const { data, problems, fromVersion } = await loadData(area, NOW);
    expect(fromVersion).toBe(1);
    expect(problems).toEqual([]);
    expect(data).toEqual({
      schemaVersion: 3,
      settings: { sync: false, retentionDays: 90 },
      sites: {
        'facebook.com': { labeling: false, override: 'auto', reminder: false },
        'reddit.com': { labeling: true, override: 'networking', reminder: false },
        'linkedin.com': { labeling: true, override: 'media', reminder: false },
      },
      customSites: [],
    });
    // Written back once; the next read is a plain read.
    const writes = area.writeCount;
    await loadData(area, NOW + 1);
    expect(area.writeCount).toBe(writes);
    expect(await listBackups(area)).toEqual([]);
  });

  it('1 with a malformed site: the others are migrated, the original is backed up', async () => {
    const area = fakeLocalArea(SNAPSHOTS.v1WithBadSite);
    const { data, problems } = await loadData(area, NOW);
    expect(data.sites).toEqual({ 'youtube.com': { labeling: true, override: 'media', reminder: false } });
    expect(problems).toEqual([
      {
        key: 'sites',
        area: 'local',
        backupKey: `backup:sites:${NOW}`,
        reason: { code: 'invalid', params: ['tiktok.com'] },
      },
    ]);
    // The backup is the value as version 1 stored it, before the migration touched it.
    expect((await listBackups(area))[0]?.value).toEqual(SNAPSHOTS.v1WithBadSite.sites);
  });

  it('2: `allSites` goes (the permission is the setting), everything else is kept, notes included', async () => {
    const area = fakeLocalArea(SNAPSHOTS.v2);
    const { data, problems, fromVersion } = await loadData(area, NOW);
    expect(fromVersion).toBe(2);
    expect(problems).toEqual([]);
    expect(data).toEqual({
      schemaVersion: 3,
      settings: { sync: true, retentionDays: 30 },
      sites: SNAPSHOTS.v2.sites,
      customSites: SNAPSHOTS.v2.customSites,
    });
    const stored = area.snapshot();
    expect(stored.settings).toEqual({ sync: true, retentionDays: 30 });
    expect(stored.schemaVersion).toBe(3);
    // Written back once; the next read is a plain read.
    const writes = area.writeCount;
    await loadData(area, NOW + 1);
    expect(area.writeCount).toBe(writes);
    expect(await listBackups(area)).toEqual([]);
    const { notes } = await listNotes({ local: area });
    expect(notes).toEqual([SNAPSHOTS.v2['note:reddit.com']]);
  });

  it('3: read as it is, with no write', async () => {
    const area = fakeLocalArea({ ...SNAPSHOTS.v2, schemaVersion: 3, settings: { sync: true, retentionDays: 30 } });
    const { problems, fromVersion } = await loadData(area, NOW);
    expect([fromVersion, problems]).toEqual([3, []]);
    expect(area.writeCount).toBe(0);
  });
});
