import { beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../src/storage/backups';
import { DATA_KEYS } from '../../src/storage/keys';
import { NOTE_MAX_LENGTH } from '../../src/storage/limits';
import { EMPTY_POLICY } from '../../src/storage/managed';
import {
  deleteNote,
  encodeForSync,
  getNote,
  listNotes,
  listNotices,
  NOTE_PREFIX,
  type NoteAreas,
  NotesDisabledError,
  noteKey,
  parseNoteKey,
  pushLocalNotesToSync,
  saveNote,
  setSyncEnabled,
} from '../../src/storage/notes';
import { itemBytes, SYNC_QUOTA } from '../../src/storage/quota';
import type { Note } from '../../src/storage/schema';
import { loadData, updateSettings } from '../../src/storage/store';
import { type FakeStorageArea, fakeLocalArea, fakeSyncArea } from '../helpers/fakeArea';

const T0 = 1_700_000_000_000;

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

async function syncOn(): Promise<void> {
  await updateSettings(local, { sync: true });
}

function noteKeysIn(area: FakeStorageArea): string[] {
  return Object.keys(area.snapshot()).filter((key) => key.startsWith(NOTE_PREFIX));
}

function syncBytes(): number {
  return Object.entries(sync.snapshot()).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

/** About 9 KB as Chrome counts it: 2000 characters of three bytes and a long wiki path. */
function nineKilobyteNote(updatedAt = T0): Note {
  return {
    domain: 'wikipedia.org',
    path: `/wiki/${'Liste_der_'.repeat(150)}`,
    text: `${'語'.repeat(1950)}${'😀'.repeat(25)}`,
    reminder: true,
    updatedAt,
  };
}

/** A note of `length` ASCII characters: about length + 80 bytes. */
function plainNote(index: number, length = 2000, updatedAt = T0): Note {
  return {
    domain: `site${index}.example`,
    path: null,
    text: `${index}:`.padEnd(length, 'x'),
    reminder: false,
    updatedAt,
  };
}

describe('note keys', () => {
  it('site and page notes have their own keys, and chunks map back to their note', () => {
    expect(noteKey('reddit.com', null)).toBe('note:reddit.com');
    expect(noteKey('reddit.com', '/r/cooking/')).toBe('note:reddit.com|/r/cooking/');
    expect(parseNoteKey('note:reddit.com|/r/a|b')).toEqual({
      key: 'note:reddit.com|/r/a|b',
      domain: 'reddit.com',
      path: '/r/a|b',
      chunk: null,
    });
    expect(parseNoteKey('note:reddit.com|/r/cooking/#3')?.key).toBe('note:reddit.com|/r/cooking/');
    expect(parseNoteKey('note:reddit.com|/r/cooking/#3')).toMatchObject({
      key: 'note:reddit.com|/r/cooking/',
      chunk: 3,
    });
    expect(parseNoteKey('note:reddit.com#0')).toMatchObject({ key: 'note:reddit.com', chunk: 0 });
    for (const bad of ['notes:reddit.com', 'note:Reddit.com', 'note:reddit.com|r', 'note:reddit.com#x', 'settings']) {
      expect(parseNoteKey(bad)?.key ?? null, bad).toBeNull();
    }
  });
});

describe('notes with sync off', () => {
  it('are saved to and read from local only', async () => {
    const saved = await saveNote(areas, { domain: 'reddit.com', path: null, text: 'Only r/cooking' });
    expect(saved).toEqual({
      note: { domain: 'reddit.com', path: null, text: 'Only r/cooking', reminder: false, updatedAt: T0 },
      area: 'local',
      notice: null,
    });
    expect(noteKeysIn(local)).toEqual(['note:reddit.com']);
    expect(sync.writeCount).toBe(0);
    expect(await getNote(areas, 'reddit.com', null)).toEqual(saved.note);
    expect(await getNote(areas, 'reddit.com', '/r/cooking/')).toBeNull();
  });

  it('lists site notes before page notes, optionally for one site', async () => {
    await saveNote(areas, { domain: 'reddit.com', path: '/r/b', text: 'b' });
    await saveNote(areas, { domain: 'example.org', path: null, text: 'e' });
    await saveNote(areas, { domain: 'reddit.com', path: null, text: 's' });
    await saveNote(areas, { domain: 'reddit.com', path: '/r/a', text: 'a' });
    const all = await listNotes(areas);
    expect(all.notes.map((n) => noteKey(n.domain, n.path))).toEqual([
      'note:example.org',
      'note:reddit.com',
      'note:reddit.com|/r/a',
      'note:reddit.com|/r/b',
    ]);
    expect((await listNotes(areas, { domain: 'reddit.com' })).notes).toHaveLength(3);
  });

  it('refuses an invalid note and changes nothing', async () => {
    const before = local.snapshot();
    await expect(
      saveNote(areas, { domain: 'reddit.com', path: null, text: 'x'.repeat(NOTE_MAX_LENGTH + 1) }),
    ).rejects.toThrow(/at most 2000/);
    await expect(saveNote(areas, { domain: 'https://reddit.com', path: null, text: 'x' })).rejects.toThrow(TypeError);
    await expect(saveNote(areas, { domain: 'reddit.com', path: 'r/a', text: 'x' })).rejects.toThrow(TypeError);
    expect(local.snapshot()).toEqual(before);
  });

  it('keeps note text exactly as typed, markup included', async () => {
    const text = '<script>alert(1)</script>\n<img src=x onerror=alert(2)> &amp; "quotes"';
    await saveNote(areas, { domain: 'example.org', path: '/a', text });
    expect((await getNote(areas, 'example.org', '/a'))?.text).toBe(text);
  });

  it('deletes a note', async () => {
    await saveNote(areas, { domain: 'reddit.com', path: null, text: 'x' });
    expect(await deleteNote(areas, 'reddit.com', null)).toBe(true);
    expect(await deleteNote(areas, 'reddit.com', null)).toBe(false);
    expect(await getNote(areas, 'reddit.com', null)).toBeNull();
  });

  it('refuses new notes when the administrator turned notes off, and still reads the old ones', async () => {
    await saveNote(areas, { domain: 'reddit.com', path: null, text: 'kept' });
    const managed = { ...areas, policy: { ...EMPTY_POLICY, disableNotes: true } };
    await expect(saveNote(managed, { domain: 'reddit.com', path: null, text: 'new' })).rejects.toThrow(
      NotesDisabledError,
    );
    expect((await getNote(managed, 'reddit.com', null))?.text).toBe('kept');
  });
});

describe('validated note reads', () => {
  it('a malformed local note is moved aside and reported, the others are read', async () => {
    const bad = { domain: 'reddit.com', path: null, text: 5, updatedAt: 'yesterday' };
    local = fakeLocalArea({
      'note:reddit.com': bad,
      'note:NOT-A-DOMAIN': { text: 'x' },
      'note:example.org': { domain: 'example.org', path: null, text: 'ok', reminder: false, updatedAt: 1 },
      'note:example.com|/a': { domain: 'example.com', path: '/b', text: 'wrong page', reminder: false, updatedAt: 1 },
    });
    areas = { local, sync, now: () => clock };
    const { notes, problems } = await listNotes(areas);
    expect(notes.map((n) => n.domain)).toEqual(['example.org']);
    expect(problems.map((p) => [p.key, p.area, p.backupKey]).sort()).toEqual([
      ['note:NOT-A-DOMAIN', 'local', `backup:note:NOT-A-DOMAIN:${T0}`],
      ['note:example.com|/a', 'local', `backup:note:example.com|/a:${T0}`],
      ['note:reddit.com', 'local', `backup:note:reddit.com:${T0}`],
    ]);
    const stored = local.snapshot();
    expect(stored[`backup:note:reddit.com:${T0}`]).toEqual({
      setAside: 1,
      reason: { code: 'invalid', params: ['note:reddit.com'] },
      value: bad,
    });
    expect(stored['note:reddit.com']).toBeUndefined();
    expect((await listBackups(local)).map((b) => b.key).sort()).toEqual([
      'note:NOT-A-DOMAIN',
      'note:example.com|/a',
      'note:reddit.com',
    ]);
  });

  it('a malformed sync note is backed up once in local and left in sync for the device that wrote it', async () => {
    await syncOn();
    const future = { domain: 'reddit.com', path: null, body: { format: 'rich' }, updatedAt: 9 };
    await sync.set({ 'note:reddit.com': future });
    const first = await listNotes(areas);
    clock += 1000;
    const second = await listNotes(areas);
    expect(first.problems).toEqual([
      {
        key: 'note:reddit.com',
        area: 'sync',
        backupKey: `backup:sync:note:reddit.com:${T0}`,
        reason: { code: 'invalid', params: ['note:reddit.com'] },
      },
    ]);
    expect(second.problems[0]?.backupKey).toBe(`backup:sync:note:reddit.com:${T0}`);
    expect(sync.snapshot()['note:reddit.com']).toEqual(future);
    const backups = await listBackups(local);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ key: 'note:reddit.com', area: 'sync', value: future });
  });
});

describe('long notes in sync', () => {
  it('a 9 KB note is split into items within QUOTA_BYTES_PER_ITEM and read back equal', async () => {
    await syncOn();
    const note = nineKilobyteNote();
    const key = noteKey(note.domain, note.path);
    expect(itemBytes(key, note)).toBeGreaterThan(9000);
    const saved = await saveNote(areas, note);
    expect(saved.area).toBe('sync');
    const stored = sync.snapshot();
    const items = Object.keys(stored);
    expect(items.sort()).toEqual([key, `${key}#0`]);
    for (const item of items)
      expect(itemBytes(item, stored[item])).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    expect(await getNote(areas, note.domain, note.path)).toEqual(note);
    expect((await listNotes(areas)).notes).toEqual([note]);
    expect(noteKeysIn(local)).toEqual([]);
  });

  it('splits on code points, never between the halves of an emoji', () => {
    const note: Note = { domain: 'x.org', path: null, text: '😀a€'.repeat(400), reminder: false, updatedAt: 1 };
    const items = encodeForSync(note, 'id', 300);
    const key = 'note:x.org';
    const header = items[key] as { chunks: number };
    expect(header.chunks).toBeGreaterThan(10);
    let joined = '';
    for (let i = 0; i < header.chunks; i++) {
      const { text } = items[`${key}#${i}`] as { text: string };
      expect(itemBytes(`${key}#${i}`, items[`${key}#${i}`])).toBeLessThanOrEqual(300);
      expect(text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      joined += text;
    }
    expect(joined).toBe(note.text);
  });

  it('a note that escapes to more than one item of text is spread over several parts', async () => {
    await syncOn();
    // Control characters take six bytes each in JSON: 12 KB of text.
    const text = '\u0007\u0001'.repeat(1000);
    await saveNote(areas, { domain: 'x.org', path: null, text });
    expect(noteKeysIn(sync).sort()).toEqual(['note:x.org', 'note:x.org#0', 'note:x.org#1']);
    expect((await getNote(areas, 'x.org', null))?.text).toBe(text);

    clock += 1;
    await saveNote(areas, { domain: 'x.org', path: null, text: 'short now' });
    expect(noteKeysIn(sync)).toEqual(['note:x.org']);
    expect((await getNote(areas, 'x.org', null))?.text).toBe('short now');
  });

  it('a long note whose parts have not all arrived is reported, not backed up, and the local copy is read', async () => {
    await syncOn();
    const older = { ...nineKilobyteNote(T0), text: 'older local copy' };
    await local.set({ [noteKey(older.domain, older.path)]: older });
    const items = encodeForSync(nineKilobyteNote(T0 + 5), 'abc');
    const key = noteKey(older.domain, older.path);
    await sync.set({ [key]: items[key] });
    const { notes, problems } = await listNotes(areas);
    expect(notes).toEqual([older]);
    expect(problems).toEqual([
      { key, area: 'sync', backupKey: null, reason: { code: 'incomplete', params: ['1', '1'] } },
    ]);
    expect(await listBackups(local)).toEqual([]);

    // A part from another write (other id) is not joined with this header.
    await sync.set({ [`${key}#0`]: { id: 'other', text: 'x' } });
    expect((await getNote(areas, older.domain, older.path))?.text).toBe('older local copy');
    await sync.set({ [`${key}#0`]: items[`${key}#0`] });
    expect((await getNote(areas, older.domain, older.path))?.text).toBe(nineKilobyteNote().text);
  });

  it('deleting a long note removes every part', async () => {
    await syncOn();
    await saveNote(areas, nineKilobyteNote());
    const note = nineKilobyteNote();
    expect(await deleteNote(areas, note.domain, note.path)).toBe(true);
    expect(noteKeysIn(sync)).toEqual([]);
  });
});

describe('sync quotas', () => {
  it('filling sync past 100 KB sends the rest to local with a notice, and every note reads back', async () => {
    await syncOn();
    const results = [];
    for (let i = 0; i < 60; i++) {
      clock += 1000;
      results.push(await saveNote(areas, plainNote(i, 2000, clock)));
    }
    const inSync = results.filter((r) => r.area === 'sync').length;
    expect(inSync).toBeGreaterThan(40);
    expect(inSync).toBeLessThan(60);
    expect(syncBytes()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    const fellBack = results.filter((r) => r.area === 'local');
    expect(fellBack[0]?.notice).toMatchObject({ kind: 'sync-quota', quota: 'QUOTA_BYTES' });

    const notices = await listNotices(local);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.noteKeys.sort()).toEqual(fellBack.map((r) => noteKey(r.note.domain, r.note.path)).sort());

    const { notes, areas: where } = await listNotes(areas);
    expect(notes).toHaveLength(60);
    for (const result of results) {
      const key = noteKey(result.note.domain, result.note.path);
      expect(notes.find((n) => noteKey(n.domain, n.path) === key)).toEqual(result.note);
      expect(where[key]).toBe(result.area);
    }
  });

  it('the browser refusing a write the pre-check allowed also falls back, with its reason', async () => {
    await syncOn();
    sync.failNextWrite(new Error('QUOTA_BYTES quota exceeded'));
    const quota = await saveNote(areas, { domain: 'a.org', path: null, text: 'a' });
    expect(quota).toMatchObject({ area: 'local', notice: { kind: 'sync-quota', quota: 'QUOTA_BYTES' } });
    sync.failNextWrite(new Error('Sync is paused'));
    clock += 1;
    const other = await saveNote(areas, { domain: 'b.org', path: null, text: 'b' });
    expect(other).toMatchObject({ area: 'local', notice: { kind: 'sync-error', message: 'Sync is paused' } });
    expect((await listNotes(areas)).notes.map((n) => n.text)).toEqual(['a', 'b']);
  });

  it('more than 512 items falls back on MAX_ITEMS', async () => {
    await syncOn();
    const tiny = (i: number) => ({ domain: `s${i}.org`, path: null, text: '' });
    const batch: Record<string, unknown> = {};
    for (let i = 0; i < SYNC_QUOTA.MAX_ITEMS; i++)
      batch[noteKey(`s${i}.org`, null)] = { ...tiny(i), reminder: false, updatedAt: 1 };
    await sync.set(batch);
    const result = await saveNote(areas, tiny(9999));
    expect(result).toMatchObject({ area: 'local', notice: { kind: 'sync-quota', quota: 'MAX_ITEMS' } });
    expect((await listNotes(areas)).notes).toHaveLength(SYNC_QUOTA.MAX_ITEMS + 1);
  });

  it('the write-rate limit falls back to local, and a later push moves the note and clears the notice', async () => {
    await syncOn();
    for (let i = 0; i < SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE; i++) {
      expect((await saveNote(areas, { domain: `s${i}.org`, path: null, text: String(i) })).area).toBe('sync');
    }
    const limited = await saveNote(areas, { domain: 'late.org', path: null, text: 'late' });
    expect(limited).toMatchObject({
      area: 'local',
      notice: { kind: 'sync-quota', quota: 'MAX_WRITE_OPERATIONS_PER_MINUTE', noteKeys: ['note:late.org'] },
    });
    expect((await getNote(areas, 'late.org', null))?.text).toBe('late');

    clock += 61_000;
    const pushed = await pushLocalNotesToSync(areas);
    expect(pushed).toEqual({ moved: ['note:late.org'], keptLocal: [], notice: null });
    expect(await listNotices(local)).toEqual([]);
    expect(noteKeysIn(local)).toEqual([]);
    expect((await getNote(areas, 'late.org', null))?.text).toBe('late');
  });

  it('a newer local fallback copy wins over the sync copy until it is pushed', async () => {
    await syncOn();
    await saveNote(areas, { domain: 'a.org', path: null, text: 'v1' });
    clock += 1;
    sync.failNextWrite(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    await saveNote(areas, { domain: 'a.org', path: null, text: 'v2' });
    expect((await getNote(areas, 'a.org', null))?.text).toBe('v2');
    clock += 1;
    await saveNote(areas, { domain: 'a.org', path: null, text: 'v3' });
    expect((await getNote(areas, 'a.org', null))?.text).toBe('v3');
    expect(noteKeysIn(local)).toEqual([]);
    expect(await listNotices(local)).toEqual([]);
  });
});

describe('turning sync on and off', () => {
  async function someLocalNotes(): Promise<Note[]> {
    const notes: Note[] = [
      nineKilobyteNote(T0 + 1),
      { domain: 'reddit.com', path: null, text: 'site note', reminder: true, updatedAt: T0 + 2 },
      { domain: 'reddit.com', path: '/r/cooking/', text: 'page note', reminder: false, updatedAt: T0 + 3 },
      { domain: 'example.org', path: '/', text: '<b>plain</b>', reminder: false, updatedAt: T0 + 4 },
    ];
    for (const note of notes) await saveNote(areas, note);
    return (await listNotes(areas)).notes;
  }

  it('on moves local notes to sync, off copies them back, and nothing is lost either way', async () => {
    const before = await someLocalNotes();
    expect(before).toHaveLength(4);

    const on = await setSyncEnabled(areas, true);
    expect(on).toMatchObject({ sync: true, refused: null, keptLocal: [], notice: null });
    expect(on.moved.sort()).toEqual(before.map((n) => noteKey(n.domain, n.path)).sort());
    expect(noteKeysIn(local)).toEqual([]);
    expect((await listNotes(areas)).notes).toEqual(before);

    clock += 10;
    const added = await saveNote(areas, { domain: 'added.org', path: null, text: 'while syncing' });
    expect(added.area).toBe('sync');

    const off = await setSyncEnabled(areas, false);
    expect(off).toMatchObject({ sync: false, refused: null });
    expect(off.copied).toHaveLength(5);
    const after = await listNotes(areas);
    expect(after.notes).toEqual([...before, added.note].sort((a, b) => (a.domain < b.domain ? -1 : 1)));
    expect(Object.values(after.areas)).toEqual(Array(5).fill('local'));
    // The other devices still have them.
    expect(noteKeysIn(sync).length).toBeGreaterThanOrEqual(5);
  });

  it('turning on with more notes than sync holds keeps the rest local under a notice', async () => {
    for (let i = 0; i < 60; i++) await saveNote(areas, plainNote(i, 2000, T0 + i));
    const on = await setSyncEnabled(areas, true);
    expect(on.moved.length).toBeGreaterThan(40);
    expect(on.keptLocal.length).toBe(60 - on.moved.length);
    expect(on.notice).toMatchObject({ kind: 'sync-quota', quota: 'QUOTA_BYTES' });
    // Newest first: the notes left behind are the oldest ones.
    const keptIndexes = on.keptLocal.map((key) => Number(/site(\d+)/.exec(key)?.[1]));
    expect(Math.max(...keptIndexes)).toBeLessThan(60 - on.moved.length);
    expect(sync.calls.filter((c) => c.op === 'set')).toHaveLength(1);
    expect((await listNotes(areas)).notes).toHaveLength(60);
  });

  it('a newer copy already in sync (from another device) wins over the local one', async () => {
    await saveNote(areas, { domain: 'a.org', path: null, text: 'this device, older', updatedAt: T0 });
    await sync.set({
      'note:a.org': { domain: 'a.org', path: null, text: 'other device, newer', reminder: false, updatedAt: T0 + 9 },
    });
    await setSyncEnabled(areas, true);
    expect((await getNote(areas, 'a.org', null))?.text).toBe('other device, newer');
    expect(noteKeysIn(local)).toEqual([]);
  });

  it('the administrator can forbid sync; then notes are written locally even if the setting is on', async () => {
    const managed: NoteAreas = { ...areas, policy: { ...EMPTY_POLICY, disableSync: true } };
    expect(await setSyncEnabled(managed, true)).toMatchObject({ refused: 'managed', sync: false });
    await syncOn();
    const saved = await saveNote(managed, { domain: 'a.org', path: null, text: 'x' });
    expect(saved).toMatchObject({ area: 'local', notice: null });
    expect(sync.writeCount).toBe(0);
  });

  it('without a sync area, turning on is refused', async () => {
    expect(await setSyncEnabled({ local }, true)).toMatchObject({ refused: 'unavailable', sync: false });
  });
});

describe('note reads with the settings given', () => {
  it('read no stored data to learn whether sync is on, and follow the given settings', async () => {
    await syncOn();
    await saveNote(areas, { domain: 'reddit.com', path: null, text: 'In sync' });
    const settings = { ...(await loadData(local)).data.settings };
    const before = local.calls.length;
    const given: NoteAreas = { ...areas, settings: async () => settings };
    expect((await getNote(given, 'reddit.com', null))?.text).toBe('In sync');
    const dataReads = local.calls
      .slice(before)
      .filter((c) => c.keys?.some((k) => (DATA_KEYS as readonly string[]).includes(k)));
    expect(dataReads).toEqual([]);
    // Settings that say sync is off hide the copy that only sync holds.
    await local.remove(noteKeysIn(local));
    settings.sync = false;
    expect(await getNote(given, 'reddit.com', null)).toBeNull();
  });
});
