import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../src/core/domain';
import { parseMessage } from '../../src/shared/messages';
import { backupKeyFor, deleteBackup, listBackups, parseBackupKey } from '../../src/storage/backups';
import { itemBytes, quotaReason, SyncBudget, utf8Length } from '../../src/storage/quota';
import {
  DEFAULT_SETTINGS,
  DEFAULT_SITE_PREFS,
  Domain,
  NotePath,
  resolveSitePrefs,
  SCHEMA_VERSION,
  SitePrefsSchema,
} from '../../src/storage/schema';
import {
  listCustomSites,
  loadData,
  removeCustomSite,
  saveCustomSite,
  updateSettings,
  updateSitePrefs,
} from '../../src/storage/store';
import { FakeStorageArea, fakeLocalArea } from '../helpers/fakeArea';

const NOW = 1_700_000_000_000;
const SYNC_LIMITS = { MAX_WRITE_OPERATIONS_PER_MINUTE: 120, MAX_WRITE_OPERATIONS_PER_HOUR: 1800 };

describe('defaults', () => {
  it('an empty store reads as defaults and is stamped with the current version', async () => {
    const area = fakeLocalArea();
    const { data, problems } = await loadData(area, NOW);
    expect(problems).toEqual([]);
    expect(data).toEqual({
      schemaVersion: SCHEMA_VERSION,
      settings: { sync: false, retentionDays: 90 },
      sites: {},
      customSites: [],
    });
    expect(area.snapshot()).toEqual(data);
  });

  it('a site without an entry has the default preferences, reminder included', async () => {
    expect(resolveSitePrefs((await loadData(fakeLocalArea())).data.sites['example.com'])).toEqual({
      labeling: true,
      override: 'auto',
      reminder: false,
    });
  });

  it('a current, valid store is read without a single write', async () => {
    const area = fakeLocalArea({
      schemaVersion: SCHEMA_VERSION,
      settings: { sync: false, retentionDays: 30 },
      sites: { 'reddit.com': { labeling: true, override: 'networking', reminder: true } },
      customSites: [{ domain: 'example.org', name: 'Example', lean: 'both' }],
    });
    const { data, problems } = await loadData(area, NOW);
    expect(problems).toEqual([]);
    expect(data.settings.retentionDays).toBe(30);
    expect(area.writeCount).toBe(0);
  });
});

describe('validated reads', () => {
  it('a malformed value is moved aside under a backup key and reported, the valid rest is kept', async () => {
    const settings = { sync: 'yes', retentionDays: 0 };
    const area = fakeLocalArea({ schemaVersion: SCHEMA_VERSION, settings, sites: {}, customSites: [] });
    const { data, problems } = await loadData(area, NOW);
    expect(data.settings).toEqual({ sync: false, retentionDays: 90 });
    expect(problems).toEqual([
      {
        key: 'settings',
        area: 'local',
        backupKey: `backup:settings:${NOW}`,
        reason: { code: 'invalid', params: ['sync', 'retentionDays'] },
      },
    ]);
    const stored = area.snapshot();
    expect((await listBackups(area))[0]).toMatchObject({
      key: 'settings',
      value: settings,
      reason: problems[0]?.reason,
    });
    expect(stored[`backup:settings:${NOW}`]).toEqual({ setAside: 1, reason: problems[0]?.reason, value: settings });
    expect(stored.settings).toEqual(data.settings);
  });

  it('one bad site does not cost the others', async () => {
    const sites = {
      'facebook.com': { labeling: false, override: 'auto', reminder: false },
      'reddit.com': { labeling: 'no', override: 'auto' },
      'NOT A DOMAIN': { labeling: true, override: 'media' },
    };
    const area = fakeLocalArea({ schemaVersion: 2, settings: DEFAULT_SETTINGS, sites, customSites: [] });
    const { data, problems } = await loadData(area, NOW);
    expect(data.sites).toEqual({ 'facebook.com': { labeling: false, override: 'auto', reminder: false } });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toEqual({ code: 'invalid', params: ['reddit.com', 'NOT A DOMAIN'] });
    expect((await listBackups(area))[0]?.value).toEqual(sites);
  });

  it('a stored custom site may not claim to be managed, nor appear twice', async () => {
    const customSites = [
      { domain: 'example.org', name: 'Example', lean: 'media' },
      { domain: 'corp.example', name: 'Corp', lean: 'both', managed: true },
      { domain: 'example.org', name: 'Again', lean: 'networking' },
      'junk',
    ];
    const area = fakeLocalArea({ schemaVersion: 2, settings: DEFAULT_SETTINGS, sites: {}, customSites });
    const { data, problems } = await loadData(area, NOW);
    expect(data.customSites).toEqual([{ domain: 'example.org', name: 'Example', lean: 'media' }]);
    expect(problems.map((p) => p.key)).toEqual(['customSites']);
    expect((await listBackups(area))[0]?.value).toEqual(customSites);
  });

  it('values of the wrong type entirely fall back to defaults, still backed up', async () => {
    const area = fakeLocalArea({ schemaVersion: 2, settings: 'on', sites: [1, 2], customSites: {} });
    const { data, problems } = await loadData(area, NOW);
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(data.sites).toEqual({});
    expect(data.customSites).toEqual([]);
    expect(problems.map((p) => p.key).sort()).toEqual(['customSites', 'settings', 'sites']);
    const backups = await listBackups(area);
    expect(backups.map((b) => [b.key, b.value])).toEqual(
      expect.arrayContaining([
        ['settings', 'on'],
        ['sites', [1, 2]],
        ['customSites', {}],
      ]),
    );
  });

  it('backups are listed newest first and can be deleted', async () => {
    const area = fakeLocalArea({
      [backupKeyFor('settings', 5)]: 'old',
      [backupKeyFor('settings', 9)]: { setAside: 1, reason: { code: 'invalid', params: ['sync'] }, value: 'new' },
      [backupKeyFor('note:example.com|/a:b', 7, 'sync')]: { x: 1 },
      unrelated: true,
    });
    const backups = await listBackups(area);
    expect(backups.map((b) => [b.key, b.area, b.at, b.reason.code, b.value])).toEqual([
      ['settings', 'local', 9, 'invalid', 'new'],
      // Backups written before reasons were kept read as the value alone, with no recorded reason.
      ['note:example.com|/a:b', 'sync', 7, 'unrecorded', { x: 1 }],
      ['settings', 'local', 5, 'unrecorded', 'old'],
    ]);
    await deleteBackup(area, backupKeyFor('settings', 5));
    expect((await listBackups(area)).map((b) => b.at)).toEqual([9, 7]);
    await expect(deleteBackup(area, 'settings')).rejects.toThrow(TypeError);
    expect(parseBackupKey('backup:x')).toBeNull();
  });

  it('data from a newer version is read as far as valid, left as it is, and what this version cannot hold is set aside once', async () => {
    const newer = {
      schemaVersion: SCHEMA_VERSION + 1,
      settings: { sync: true, retentionDays: 10, theme: 'dark' },
      sites: { 'reddit.com': { labeling: false, override: 'media', reminder: true, colour: 'red' } },
      customSites: [{ domain: 'example.org', name: 'Example', lean: 'both' }],
    };
    const area = fakeLocalArea(newer);
    const { data, problems, fromVersion } = await loadData(area, NOW);
    expect(fromVersion).toBe(SCHEMA_VERSION + 1);
    expect(data.settings).toEqual({ sync: true, retentionDays: 10 });
    expect(data.sites['reddit.com']).toEqual({ labeling: false, override: 'media', reminder: true });
    const why = { code: 'newerVersion', params: [String(SCHEMA_VERSION + 1)] };
    // customSites holds nothing this version does not know: rewriting it loses nothing, so it gets no copy.
    expect(problems.map((p) => [p.key, p.reason])).toEqual([
      ['settings', why],
      ['sites', why],
    ]);
    const stored = area.snapshot();
    for (const key of ['schemaVersion', 'settings', 'sites', 'customSites'] as const) {
      expect(stored[key]).toEqual(newer[key]);
    }
    // Read again (every read does): no second copy.
    await loadData(area, NOW + 1);
    expect(await listBackups(area)).toHaveLength(2);
    // The next ordinary change is written in this version's shape; the newer fields survive in the backup.
    await updateSitePrefs(area, 'reddit.com', { labeling: true });
    await updateSettings(area, { retentionDays: 20 });
    const backups = await listBackups(area);
    expect(backups.map((b) => [b.key, b.value])).toEqual(
      expect.arrayContaining([
        ['settings', newer.settings],
        ['sites', newer.sites],
      ]),
    );
    expect(backups).toHaveLength(2);
  });

  it('a field this version does not know, in current data, is copied aside before the data is rewritten', async () => {
    const settings = { sync: false, retentionDays: 30, theme: 'dark' };
    const area = fakeLocalArea({ schemaVersion: SCHEMA_VERSION, settings, sites: {}, customSites: [] });
    const { data, problems } = await loadData(area, NOW);
    expect(data.settings).toEqual({ sync: false, retentionDays: 30 });
    expect(problems.map((p) => p.reason)).toEqual([{ code: 'unknownFields', params: ['theme'] }]);
    expect((await listBackups(area))[0]?.value).toEqual(settings);
  });
});

describe('site preferences and settings', () => {
  it('stores only what differs from the defaults', async () => {
    const area = fakeLocalArea();
    expect(await updateSitePrefs(area, 'reddit.com', { reminder: true })).toEqual({
      labeling: true,
      override: 'auto',
      reminder: true,
    });
    expect((await loadData(area)).data.sites).toEqual({
      'reddit.com': { labeling: true, override: 'auto', reminder: true },
    });
    await updateSitePrefs(area, 'reddit.com', { reminder: false });
    expect((await loadData(area)).data.sites).toEqual({});
  });

  it('refuses a key that is not a registrable domain and a malformed change', async () => {
    const area = fakeLocalArea();
    await expect(updateSitePrefs(area, 'Not a domain', { labeling: false })).rejects.toThrow(TypeError);
    await expect(updateSitePrefs(area, 'example.com', { override: 'sometimes' as unknown as 'auto' })).rejects.toThrow(
      TypeError,
    );
    expect(area.snapshot().sites ?? {}).toEqual({});
  });

  it('keeps settings in range', async () => {
    const area = fakeLocalArea();
    expect(await updateSettings(area, { retentionDays: 365 })).toEqual({
      sync: false,
      retentionDays: 365,
    });
    await expect(updateSettings(area, { retentionDays: 0 })).rejects.toThrow(RangeError);
    await expect(updateSettings(area, { retentionDays: 3651 })).rejects.toThrow(RangeError);
    await expect(updateSettings(area, { retentionDays: 1.5 })).rejects.toThrow(RangeError);
    expect((await loadData(area)).data.settings.retentionDays).toBe(365);
  });

  it('adds, replaces and removes custom sites', async () => {
    const area = fakeLocalArea();
    await saveCustomSite(area, { domain: 'example.org', name: '  Example  ', lean: 'media' });
    await saveCustomSite(area, { domain: 'forum.example', name: 'Forum', lean: 'networking', managed: true });
    await saveCustomSite(area, { domain: 'example.org', name: 'Example', lean: 'both' });
    expect(await listCustomSites(area)).toEqual([
      { domain: 'example.org', name: 'Example', lean: 'both' },
      { domain: 'forum.example', name: 'Forum', lean: 'networking' },
    ]);
    await expect(saveCustomSite(area, { domain: 'https://x.org', name: 'X', lean: 'media' })).rejects.toThrow();
    await expect(saveCustomSite(area, { domain: 'x.org', name: '   ', lean: 'media' })).rejects.toThrow();
    expect(await removeCustomSite(area, 'example.org')).toBe(true);
    expect(await removeCustomSite(area, 'example.org')).toBe(false);
    expect((await listCustomSites(area)).map((s) => s.domain)).toEqual(['forum.example']);
  });
});

describe('compatibility with callers', () => {
  it('messages without `reminder` still pass the site preferences schema, as parseMessage needs', () => {
    expect(v.is(SitePrefsSchema, { labeling: true, override: 'auto' })).toBe(true);
    expect(v.is(SitePrefsSchema, { labeling: true, override: 'auto', reminder: 'x' })).toBe(false);
    expect(parseMessage({ type: 'set-site-prefs', domain: 'reddit.com', change: { override: 'media' } })).toEqual({
      type: 'set-site-prefs',
      domain: 'reddit.com',
      change: { override: 'media' },
    });
    expect(DEFAULT_SITE_PREFS).toEqual({ labeling: true, override: 'auto', reminder: false });
  });

  it('every registrable domain tldts yields has the shape the store accepts', () => {
    const hosts = [
      'www.facebook.com',
      'm.reddit.com',
      'bbc.co.uk',
      'news.ycombinator.com',
      'xn--bcher-kva.de',
      'foo_bar.example.com',
      'mastodon.social',
      'a.b.c.github.io',
      'test.xn--p1ai',
      'EXAMPLE.COM',
    ];
    for (const host of hosts) {
      const domain = registrableDomain(host);
      expect(domain, host).not.toBeNull();
      expect(v.is(Domain, domain), `${host} -> ${domain}`).toBe(true);
    }
    for (const junk of ['localhost', '1.2.3.4', 'Example.com', 'example.com.', '.com', 'a..b', '', 'é.fr']) {
      expect(v.is(Domain, junk), junk).toBe(false);
    }
  });

  it('paths are what URL.pathname yields', () => {
    for (const url of ['https://x.org/', 'https://x.org/r/a b/ü?q=1#top', 'https://x.org/a:b|c@d']) {
      expect(v.is(NotePath, new URL(url).pathname), url).toBe(true);
    }
    for (const path of ['', 'a', '/a?b', '/a#b', '/a b', `/${'x'.repeat(2048)}`]) {
      expect(v.is(NotePath, path), path).toBe(false);
    }
  });
});

describe('quota arithmetic', () => {
  it('counts UTF-8 bytes like TextEncoder, lone surrogates included', () => {
    for (const text of ['', 'abc', 'ü€', '😀', 'a\ud800b', '\udc00', '語'.repeat(10)]) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(itemBytes('note:a.b', { t: 'é' })).toBe(8 + utf8Length('{"t":"é"}'));
  });

  it('names the quota in a browser error, longest name first', () => {
    expect(quotaReason(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('QUOTA_BYTES_PER_ITEM');
    expect(quotaReason(new Error('QUOTA_BYTES quota exceeded'))).toBe('QUOTA_BYTES');
    expect(quotaReason(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'))).toBe(
      'MAX_WRITE_OPERATIONS_PER_MINUTE',
    );
    expect(quotaReason('QuotaExceededError: storage.sync API call exceeded its quota limitations.')).toBe('QUOTA');
    expect(quotaReason(new Error('Sync is disabled'))).toBeNull();
  });

  it('a budget agrees with the fake sync area on what fits', async () => {
    const area = new FakeStorageArea({}, { quota: { QUOTA_BYTES: 1000, QUOTA_BYTES_PER_ITEM: 300, MAX_ITEMS: 5 } });
    const budget = new SyncBudget({}, { ...SYNC_LIMITS, QUOTA_BYTES: 1000, QUOTA_BYTES_PER_ITEM: 300, MAX_ITEMS: 5 });
    for (let i = 0; i < 8; i++) {
      const item = { [`k${i}`]: 'x'.repeat(200) };
      const over = budget.apply(item);
      const accepted = await area.set(item).then(
        () => true,
        () => false,
      );
      expect(accepted, `item ${i}`).toBe(over === null);
    }
    expect(budget.check({ big: 'x'.repeat(400) })).toBe('QUOTA_BYTES_PER_ITEM');
  });
});
