import { describe, expect, it } from 'vitest';
import {
  createSyncRetry,
  listNotices,
  type NoteAreas,
  SYNC_RETRY_ALARM,
  saveNote,
  setSyncEnabled,
} from '../../src/storage/notes';
import { retryDelayMinutes } from '../../src/storage/notes/retry';
import { SYNC_QUOTA } from '../../src/storage/quota';
import { fakeLocalArea, fakeSyncArea } from '../helpers/fakeArea';

const T0 = 1_700_000_000_000;

/** Alarms as the browser keeps them: one per name, a later create replaces it; the test fires them. */
function fakeAlarms() {
  const planned = new Map<string, number>();
  return {
    planned,
    create(name: string, info: { delayInMinutes: number }) {
      planned.set(name, info.delayInMinutes);
    },
  };
}

async function setup() {
  let clock = T0;
  const local = fakeLocalArea();
  const sync = fakeSyncArea({}, () => clock);
  const areas: NoteAreas = { local, sync, now: () => clock };
  await setSyncEnabled(areas, true);
  const alarms = fakeAlarms();
  const retry = createSyncRetry(alarms, async () => areas);
  return { local, sync, areas, alarms, retry, advance: (ms: number) => (clock += ms) };
}

describe('notes kept on this device by the sync write-rate limit', () => {
  it('reach sync by themselves a minute later, through an alarm, and the notice goes', async () => {
    const { sync, areas, alarms, retry, advance } = await setup();
    // Another writer (another extension page, another device's echo) used up this minute's writes.
    for (let i = 0; i < SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE; i++) await sync.set({ [`other${i}`]: i });
    const saved = await saveNote(areas, { domain: 'late.org', path: null, text: 'written in a busy minute' });
    expect(saved.area).toBe('local');
    expect(await retry.schedule(saved.notice)).toBe(true);
    expect(alarms.planned.get(SYNC_RETRY_ALARM)).toBe(1);

    alarms.planned.clear();
    advance(61_000);
    await retry.run();
    expect(sync.snapshot()['note:late.org']).toMatchObject({ text: 'written in a busy minute' });
    expect(await listNotices(areas.local)).toEqual([]);
    // Nothing left to move: no further alarm.
    expect(alarms.planned.size).toBe(0);
  });

  it('try again while the limit still holds, and are planned again after a browser restart', async () => {
    const { sync, areas, alarms, retry, advance } = await setup();
    for (let i = 0; i < SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE; i++) await sync.set({ [`other${i}`]: i });
    await saveNote(areas, { domain: 'late.org', path: null, text: 'x' });
    advance(10_000);
    await retry.run();
    expect(alarms.planned.get(SYNC_RETRY_ALARM)).toBe(1);
    alarms.planned.clear();
    expect(await retry.resume()).toBe(true);
    expect(alarms.planned.get(SYNC_RETRY_ALARM)).toBe(1);
  });

  it('a full sync area or a refusal is not retried by waiting', () => {
    const at = T0;
    expect(retryDelayMinutes([{ kind: 'sync-quota', quota: 'QUOTA_BYTES', at, noteKeys: ['note:a.org'] }])).toBeNull();
    expect(retryDelayMinutes([{ kind: 'sync-error', message: 'no', at, noteKeys: ['note:a.org'] }])).toBeNull();
    expect(
      retryDelayMinutes([
        { kind: 'sync-quota', quota: 'MAX_WRITE_OPERATIONS_PER_HOUR', at, noteKeys: ['note:a.org'] },
        null,
      ]),
    ).toBe(15);
  });
});
