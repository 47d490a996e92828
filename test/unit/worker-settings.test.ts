import { describe, expect, it } from 'vitest';
import { ALL_SITES_ID, CUSTOM_SITES_ID } from '../../src/background/dynamicScripts';
import { startWorker } from '../../src/background/worker';
import { customSiteOrigins, hostOrigin } from '../../src/shared/origins';
import { backupKeyFor } from '../../src/storage/backups';
import { exportData, exportJson } from '../../src/storage/transfer';
import { ask, type FakeEnvOptions, fakeWorkerEnv, sendToWorker } from '../helpers/fakeWorkerEnv';

function started(options?: FakeEnvOptions) {
  const fake = fakeWorkerEnv(options);
  const worker = startWorker(fake.env);
  return { fake, worker };
}

const FORUM = { domain: 'example.org', name: 'Example forum', lean: 'networking' } as const;

describe('the worker, settings', () => {
  it('turns sync on and says which notes moved; off, and they are copied back', async () => {
    const { fake } = started();
    await ask(fake, { type: 'save-note', domain: 'linkedin.com', path: null, text: 'Recruiters', reminder: false });
    const on = await ask(fake, { type: 'set-settings', change: { sync: true } });
    expect(on.settings.sync).toBe(true);
    expect(on.sync).toMatchObject({ sync: true, refused: null, moved: ['note:linkedin.com'], keptLocal: [] });
    expect(Object.keys((await fake.sync?.all()) ?? {}).some((key) => key.startsWith('note:linkedin.com'))).toBe(true);
    const off = await ask(fake, { type: 'set-settings', change: { sync: false } });
    expect(off.sync).toMatchObject({ sync: false, copied: ['note:linkedin.com'] });
    expect(Object.keys(await fake.local.all())).toContain('note:linkedin.com');
  });

  it('refuses to turn sync on where the browser has no sync area, and says why', async () => {
    const { fake } = started({ sync: null });
    const reply = await ask(fake, { type: 'set-settings', change: { sync: true } });
    expect(reply.sync).toMatchObject({ sync: false, refused: 'unavailable' });
  });

  it('keeps a new retention, and answers without a sync result when sync was not asked about', async () => {
    const { fake } = started();
    const reply = await ask(fake, { type: 'set-settings', change: { retentionDays: 30 } });
    expect(reply).toEqual({ settings: expect.objectContaining({ retentionDays: 30 }) });
    expect((await fake.local.get('settings')).settings).toMatchObject({ retentionDays: 30 });
  });

  it('refuses a retention outside its limits', async () => {
    const { fake } = started();
    const answer = await sendToWorker(fake, { type: 'set-settings', change: { retentionDays: 0 } });
    expect(answer.ok).toBe(false);
  });

  it('deletes a backup', async () => {
    const key = backupKeyFor('settings', 1);
    const { fake } = started({ local: { [key]: { retentionDays: 'many' } } });
    expect(await ask(fake, { type: 'delete-backup', key })).toBeNull();
    expect(Object.keys(await fake.local.all())).not.toContain(key);
  });
});

describe('the worker, custom sites and registered scripts', () => {
  it('registers the any-site script for a custom site once its hosts are allowed, and drops it on removal', async () => {
    const { fake } = started();
    const sites = await ask(fake, { type: 'save-custom-site', site: FORUM });
    expect(sites).toEqual([expect.objectContaining(FORUM)]);
    // Saved, but without the host permission nothing runs there.
    expect(fake.scripts.has(CUSTOM_SITES_ID)).toBe(false);
    await fake.grant(...customSiteOrigins('example.org'));
    expect(fake.scripts.get(CUSTOM_SITES_ID)).toMatchObject({
      matches: customSiteOrigins('example.org'),
      js: ['src/content/anySite.js'],
      persistAcrossSessions: true,
    });
    expect(await ask(fake, { type: 'remove-custom-site', domain: 'example.org' })).toBe(true);
    expect(fake.scripts.has(CUSTOM_SITES_ID)).toBe(false);
    expect(await ask(fake, { type: 'remove-custom-site', domain: 'example.org' })).toBe(false);
  });

  it("counts a single host's permission, as 'Label <site> automatically' asks for it", async () => {
    const { fake } = started({ origins: [hostOrigin('forum.example.org')] });
    await ask(fake, { type: 'save-custom-site', site: FORUM });
    expect(fake.scripts.get(CUSTOM_SITES_ID)?.matches).toEqual([hostOrigin('forum.example.org')]);
  });

  it('registers one script for every site while <all_urls> is held, which covers the custom sites', async () => {
    const { fake } = started({ origins: customSiteOrigins('example.org') });
    await ask(fake, { type: 'save-custom-site', site: FORUM });
    await fake.grant('<all_urls>');
    expect(fake.scripts.get(ALL_SITES_ID)?.matches).toEqual(['https://*/*', 'http://*/*']);
    expect(fake.scripts.has(CUSTOM_SITES_ID)).toBe(false);
    await fake.revoke('<all_urls>');
    expect(fake.scripts.has(ALL_SITES_ID)).toBe(false);
    expect(fake.scripts.get(CUSTOM_SITES_ID)?.matches).toEqual(customSiteOrigins('example.org'));
  });

  it('registers nothing for every site when the administrator switched it off', async () => {
    const { fake } = started({ origins: ['<all_urls>'], managed: { disableAllSites: true } });
    await fake.events.onStartup.fire();
    await fake.settle();
    expect(fake.scripts.has(ALL_SITES_ID)).toBe(false);
  });

  it('brings the registrations in line at install and at browser start', async () => {
    const { fake } = started({ origins: ['<all_urls>'] });
    expect(fake.scripts.size).toBe(0);
    await fake.events.onInstalled.fire({ reason: 'update' });
    await fake.settle();
    expect(fake.scripts.has(ALL_SITES_ID)).toBe(true);
  });
});

describe('the worker, import', () => {
  it('reads the file again and applies it, and refuses a file that is not an export', async () => {
    const source = fakeWorkerEnv();
    startWorker(source.env);
    await ask(source, { type: 'save-note', domain: 'linkedin.com', path: null, text: 'Recruiters', reminder: true });
    await ask(source, { type: 'save-custom-site', site: FORUM });
    const text = exportJson(await exportData({ local: source.local, sync: source.sync }));

    const { fake } = started();
    const applied = await ask(fake, { type: 'apply-import', text });
    expect(applied.notes.local).toEqual(['note:linkedin.com']);
    expect(await ask(fake, { type: 'remove-custom-site', domain: 'example.org' })).toBe(true);

    const refused = await sendToWorker(fake, { type: 'apply-import', text: '{"format":"something else"}' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.length).toBeGreaterThan(0);
  });
});
