import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStorageArea } from '../helpers/fakeArea';

const areas = vi.hoisted(() => {
  type Area = {
    get(keys?: unknown): Promise<unknown>;
    set(items: object): Promise<void>;
    remove(keys: unknown): Promise<void>;
  };
  const current: { local: Area | null; session: Area | null } = { local: null, session: null };
  // Stable handles (the worker captures storage.local when its module loads) onto each test's fresh area.
  const handle = (name: 'local' | 'session'): Area => ({
    get: (keys) => (current[name] as Area).get(keys),
    set: (items) => (current[name] as Area).set(items),
    remove: (keys) => (current[name] as Area).remove(keys),
  });
  return { current, local: handle('local'), session: handle('session') };
});
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      // storedData.ts listens for changes to drop its cache.
      onChanged: { addListener() {} },
      local: areas.local,
      session: areas.session,
    },
  },
}));

const { completeHostGrant, expectHostGrant } = await import('../../src/background/autoLabel');
const { listCustomSites } = await import('../../src/storage/store');

const SITE = { domain: 'example-club.org', name: 'forum.example-club.org', lean: 'networking' as const };
const ORIGIN = 'https://forum.example-club.org/*';

describe('keeping a site labelled automatically when its permission arrives (the popup may be gone)', () => {
  let local: FakeStorageArea;
  beforeEach(() => {
    local = new FakeStorageArea();
    areas.current.local = local;
    areas.current.session = new FakeStorageArea();
  });

  it('keeps the expected site once its host is granted, and only once', async () => {
    await expectHostGrant('forum.example-club.org', SITE);
    expect(await completeHostGrant(['https://other.example/*'])).toBe(false);
    expect(await listCustomSites(local)).toEqual([]);
    expect(await completeHostGrant([ORIGIN])).toBe(true);
    expect(await listCustomSites(local)).toEqual([SITE]);
    // The note is used up: a later grant of the same host (from the options page, say) adds nothing new.
    await local.set({ customSites: [] });
    expect(await completeHostGrant([ORIGIN])).toBe(false);
    expect(await listCustomSites(local)).toEqual([]);
  });

  it('adds nothing for a grant nobody asked the popup for, or long after the ask', async () => {
    expect(await completeHostGrant([ORIGIN])).toBe(false);
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    await expectHostGrant('forum.example-club.org', SITE);
    clock.mockReturnValue(now + 11 * 60_000);
    expect(await completeHostGrant([ORIGIN])).toBe(false);
    clock.mockRestore();
    expect(await listCustomSites(local)).toEqual([]);
  });

  it('ignores a note that is not one it wrote', async () => {
    await areas.session.set({
      'autoLabel:pending': { host: 'forum.example-club.org', site: 'x' },
    });
    expect(await completeHostGrant([ORIGIN])).toBe(false);
    expect(await listCustomSites(local)).toEqual([]);
  });
});
