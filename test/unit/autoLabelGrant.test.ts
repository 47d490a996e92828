import { describe, expect, it } from 'vitest';
import { FRESH_MS } from '../../src/background/autoLabel';
import { CUSTOM_SITES_ID } from '../../src/background/dynamicScripts';
import { startWorker } from '../../src/background/worker';
import { listCustomSites } from '../../src/storage/store';
import { ask, fakeWorkerEnv } from '../helpers/fakeWorkerEnv';

const SITE = { domain: 'example-club.org', name: 'forum.example-club.org', lean: 'networking' as const };
const HOST = 'forum.example-club.org';
const ORIGIN = 'https://forum.example-club.org/*';

function started() {
  const fake = fakeWorkerEnv();
  const worker = startWorker(fake.env);
  return { fake, worker };
}

describe('keeping a site labelled automatically when its permission arrives (the popup may be gone)', () => {
  it('keeps the expected site once its host is granted, and only once', async () => {
    const { fake } = started();
    expect(await ask(fake, { type: 'expect-host-grant', host: HOST, site: SITE })).toBeNull();
    await fake.grant('https://other.example/*');
    expect(await listCustomSites(fake.local)).toEqual([]);
    await fake.grant(ORIGIN);
    expect(await listCustomSites(fake.local)).toEqual([SITE]);
    // Kept before the scripts were brought in line: the new site's script is registered in the same step.
    expect(fake.scripts.get(CUSTOM_SITES_ID)?.matches).toEqual([ORIGIN]);
    // The note is used up: a later grant of the same host (from the options page, say) adds nothing new.
    await fake.local.set({ customSites: [] });
    await fake.grant(ORIGIN);
    expect(await listCustomSites(fake.local)).toEqual([]);
  });

  it('adds nothing for a grant nobody asked the popup for, or long after the ask', async () => {
    const { fake, worker } = started();
    expect(await worker.autoLabel.completeHostGrant([ORIGIN])).toBe(false);
    await ask(fake, { type: 'expect-host-grant', host: HOST, site: SITE });
    fake.advance(FRESH_MS + 60_000);
    await fake.grant(ORIGIN);
    expect(await listCustomSites(fake.local)).toEqual([]);
  });

  it('ignores a note that is not one it wrote', async () => {
    const { fake } = started();
    await fake.session.set({ 'autoLabel:pending': { host: HOST, site: 'x' } });
    await fake.grant(ORIGIN);
    expect(await listCustomSites(fake.local)).toEqual([]);
  });
});
