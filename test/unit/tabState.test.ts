import { beforeEach, describe, expect, it } from 'vitest';
import { createTabStates, type TabStates } from '../../src/background/tabState';
import { type FakeStorageArea, fakeLocalArea } from '../helpers/fakeArea';

const session = { area: null as unknown as FakeStorageArea };
let states: TabStates;

const verdict = {
  label: 'media' as const,
  confidence: 0.8,
  platform: { id: 'youtube', name: 'YouTube', lean: 'media' as const },
  pageType: 'video' as const,
  reasons: [{ signal: 'url:watch', leans: 'media' as const, weight: 1, text: 'A video page' }],
};
const good = {
  tabId: 7,
  url: 'https://www.youtube.com/watch?v=x',
  domain: 'youtube.com',
  verdict,
  automatic: verdict,
  prefs: { labeling: true, override: 'auto' as const, reminder: false },
  updatedAt: 1,
};

beforeEach(() => {
  session.area = fakeLocalArea();
  states = createTabStates(session.area);
});

describe('per-tab state in storage.session', () => {
  it('round-trips a valid state', async () => {
    await states.saveTabState(good);
    expect(await states.loadTabState(7)).toEqual(good);
    expect(await states.allTabStates()).toEqual([good]);
  });

  it('reads a malformed state as none, so the popup checks the tab instead of waiting on it', async () => {
    await session.area.set({
      'tab:7': { tabId: 7, url: 5 },
      'tab:8': { ...good, tabId: 8, verdict: { label: 'sideways' } },
      'tab:9': 'junk',
      'tab:10': { ...good, tabId: 11 },
    });
    for (const id of [7, 8, 9, 10]) expect(await states.loadTabState(id)).toBeNull();
  });

  it('leaves malformed states out of every tab, so a site preference change still relabels the rest', async () => {
    await states.saveTabState(good);
    await session.area.set({ 'tab:8': { tabId: 8, domain: 'youtube.com' }, 'tab:10': { ...good, tabId: 11 } });
    expect(await states.allTabStates()).toEqual([good]);
  });

  it('refuses to store a malformed state', async () => {
    await expect(states.saveTabState({ ...good, url: 5 as unknown as string })).rejects.toThrow(TypeError);
    expect(session.area.snapshot()).toEqual({});
  });
});
