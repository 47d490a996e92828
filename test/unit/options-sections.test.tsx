// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CustomSitesSection, normaliseDomain } from '../../src/options/CustomSitesSection';
import { DataSection } from '../../src/options/DataSection';
import { NotesSection } from '../../src/options/NotesSection';
import { createBrowserOptionsApi, type ExtensionApi, type OptionsApi } from '../../src/options/optionsApi';
import { SettingsSection } from '../../src/options/SettingsSection';
import { SitesSection } from '../../src/options/SitesSection';
import { UNDO_MS } from '../../src/options/useUndo';
import { setMessageSource } from '../../src/shared/i18n';
import { checkMessage, type PageMessage } from '../../src/shared/messages';
import { createSend } from '../../src/shared/send';
import { deleteBackup, listBackups } from '../../src/storage/backups';
import { KEYS } from '../../src/storage/keys';
import { readManaged } from '../../src/storage/managed';
import {
  deleteNote,
  encodeForSync,
  listNotes,
  listNotices,
  type NoteAreas,
  saveNote,
  setSyncEnabled,
} from '../../src/storage/notes';
import { loadData, removeCustomSite, saveCustomSite, updateSettings, updateSitePrefs } from '../../src/storage/store';
import { applyImport, exportData, exportFileName, parseImport, readCurrent } from '../../src/storage/transfer';
import { restoreTotals } from '../../src/usage/totals';
import { fakeLocalArea, fakeSyncArea } from '../helpers/fakeArea';
import { messageSource } from '../helpers/locales';

beforeAll(() => setMessageSource(messageSource('en')));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const T0 = 1_700_000_000_000;
const TODAY = '2023-11-14';
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

interface FakeOptions {
  local?: Record<string, unknown>;
  sync?: Record<string, unknown>;
  /** The raw managed policy; undefined: no managed storage. */
  managed?: Record<string, unknown>;
  granted?: string[];
}

/**
 * The page's API over in-memory storage areas, with a small worker that does what background/handlers.ts
 * does with each message, through the same storage functions.
 */
function fakeOptionsApi(options: FakeOptions = {}) {
  const local = fakeLocalArea(options.local);
  const sync = fakeSyncArea(options.sync);
  const managedArea = options.managed ? { get: async () => ({ ...options.managed }) } : undefined;
  const granted = new Set(options.granted ?? []);
  const listeners = new Set<() => void>();
  const areas = async (): Promise<NoteAreas> => ({
    local,
    sync,
    policy: (await readManaged(managedArea)).policy,
    now: () => T0,
  });

  const worker = async (m: PageMessage): Promise<unknown> => {
    switch (m.type) {
      case 'set-site-prefs':
        return updateSitePrefs(local, m.domain, m.change);
      case 'save-note':
        return m.text.trim() === '' && !m.reminder
          ? { deleted: await deleteNote(await areas(), m.domain, m.path) }
          : saveNote(await areas(), { domain: m.domain, path: m.path, text: m.text, reminder: m.reminder });
      case 'delete-note':
        return deleteNote(await areas(), m.domain, m.path);
      case 'set-settings': {
        const sync = m.change.sync === undefined ? undefined : await setSyncEnabled(await areas(), m.change.sync);
        if (m.change.retentionDays !== undefined)
          await updateSettings(local, { retentionDays: m.change.retentionDays });
        return { settings: (await loadData(local)).data.settings, ...(sync ? { sync } : {}) };
      }
      case 'save-custom-site':
        return saveCustomSite(local, m.site);
      case 'remove-custom-site':
        return removeCustomSite(local, m.domain);
      case 'apply-import': {
        const a = await areas();
        const parsed = parseImport(m.text, await readCurrent(a), { policy: a.policy });
        if (!parsed.ok) throw new Error(`import refused: ${parsed.refusal.code}`);
        return applyImport(a, parsed.plan);
      }
      case 'delete-backup':
        await deleteBackup(local, m.key);
        return null;
      default:
        throw new Error(`not for the options page: ${m.type}`);
    }
  };

  const api = {
    async listNotes() {
      const read = await listNotes(await areas());
      return { notes: read.notes, areas: read.areas, notices: await listNotices(local), problems: read.problems };
    },
    loadData: async () => (await loadData(local, T0)).data,
    readManaged: () => readManaged(managedArea),
    syncAvailable: () => true,
    listBackups: () => listBackups(local),
    listNotices: () => listNotices(local),
    exportData: async (choice?: { usage?: boolean }) => exportData(await areas(), choice),
    readUsageTotals: async () => restoreTotals((await local.get(KEYS.usageTotals.key))[KEYS.usageTotals.key]),
    today: () => TODAY,
    readCurrent: async () => readCurrent(await areas()),
    // Through the real protocol check and answer envelope, as the worker's dispatcher gives them.
    send: vi.fn(
      createSend(async (raw) => {
        const checked = checkMessage(raw);
        if (!checked.ok) return { ok: false, error: checked.error };
        try {
          const value = await worker(checked.message as PageMessage);
          for (const listener of listeners) listener();
          return { ok: true, value };
        } catch (error) {
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    ),
    requestSiteAccess: vi.fn(async (domain: string) => {
      granted.add(domain);
      return true;
    }),
    hasSiteAccess: async (domain: string) => granted.has(domain),
    releaseSiteAccess: vi.fn(async (domain: string) => {
      granted.delete(domain);
    }),
    download: vi.fn(),
    onChange: (callback: () => void) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    now: () => T0,
  } satisfies OptionsApi;
  return { api, local, sync, granted };
}

const sent = (api: { send: { mock: { calls: unknown[][] } } }) => api.send.mock.calls.map(([m]) => m);

function note(
  domain: string,
  path: string | null,
  text: string,
  extra: { reminder?: boolean; updatedAt?: number } = {},
) {
  const key = path === null ? `note:${domain}` : `note:${domain}|${path}`;
  return { [key]: { domain, path, text, reminder: extra.reminder ?? false, updatedAt: extra.updatedAt ?? 1 } };
}

const SETTINGS_SYNC_ON = { schemaVersion: 3, settings: { sync: true, retentionDays: 90 } };

describe('notes', () => {
  const seed = () =>
    fakeOptionsApi({
      local: {
        ...SETTINGS_SYNC_ON,
        ...note('reddit.com', null, 'Only r/cooking', { reminder: true }),
        ...note('linkedin.com', '/in/ana-example/', 'Met at the meetup'),
      },
      sync: { ...note('example.org', null, 'Forum for the bike club') },
    });

  it('lists every note with where it is kept, and the search box filters as one types', async () => {
    const { api } = seed();
    render(<NotesSection api={api} />);
    const list = await screen.findByRole('list', { name: 'Notes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByRole('listitem', { name: 'example.org' }).textContent).toContain('Synced');
    expect(within(list).getByRole('listitem', { name: 'reddit.com' }).textContent).toContain('On this device');
    expect(within(list).getByRole('listitem', { name: 'linkedin.com/in/ana-example/' }).textContent).toContain(
      'One page',
    );

    const search = screen.getByRole('searchbox', { name: 'Search notes by site, page or text' });
    fireEvent.input(search, { target: { value: 'MEETUP' } });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-labelledby')),
    ).toHaveLength(1);
    expect(within(list).getByRole('heading', { level: 3 }).textContent).toBe('linkedin.com/in/ana-example/');
    expect(screen.getByText('1 of 3 shown')).toBeTruthy();
    fireEvent.input(search, { target: { value: '/in/ana' } });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.input(search, { target: { value: 'reddit' } });
    expect(within(list).getByRole('heading', { level: 3 }).textContent).toBe('reddit.com');
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText('Nothing matches your search.')).toBeTruthy();
  });

  it('edits a note inline with a length limit and counter, and saves it through the worker', async () => {
    const { api } = seed();
    render(<NotesSection api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the note for reddit.com' }));
    const box = screen.getByRole('textbox', { name: 'Note for reddit.com' }) as HTMLTextAreaElement;
    expect(box.maxLength).toBe(2000);
    expect(box.value).toBe('Only r/cooking');
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Only r/cooking and r/bread' } });
    expect(screen.getByText('26 of 2,000 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sent(api)).toEqual([
        { type: 'save-note', domain: 'reddit.com', path: null, text: 'Only r/cooking and r/bread', reminder: true },
      ]),
    );
    expect(await screen.findByText('Only r/cooking and r/bread')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Note for reddit.com' })).toBeNull();
  });

  it('switches a reminder from the list', async () => {
    const { api } = seed();
    render(<NotesSection api={api} />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Remind me when I open example.org' }));
    await waitFor(() =>
      expect(sent(api)).toEqual([
        { type: 'save-note', domain: 'example.org', path: null, text: 'Forum for the bike club', reminder: true },
      ]),
    );
  });

  it('deletes at once, and Undo saves the same note again', async () => {
    const { api } = seed();
    render(<NotesSection api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the note for reddit.com' }));
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'delete-note', domain: 'reddit.com', path: null }]));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'reddit.com' })).toBeNull());
    expect(screen.getByText('Deleted the note for reddit.com.')).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await waitFor(() =>
      expect(sent(api)[1]).toEqual({
        type: 'save-note',
        domain: 'reddit.com',
        path: null,
        text: 'Only r/cooking',
        reminder: true,
      }),
    );
    expect(await screen.findByRole('listitem', { name: 'reddit.com' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('offers Undo for about ten seconds only', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = seed();
    render(<NotesSection api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the note for reddit.com' }));
    expect(await screen.findByRole('button', { name: 'Undo' })).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(UNDO_MS + 100);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Notes' }));
  });

  it('shows note text as text, never as HTML', async () => {
    const { api } = fakeOptionsApi({ local: note('instagram.com', '/reels/', XSS) });
    const { container } = render(<NotesSection api={api} />);
    expect(await screen.findByText(XSS)).toBeTruthy();
    expect(container.querySelector('img, script')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit the note for instagram.com/reels/' }));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe(XSS);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('lists a long note whose sync parts have not all arrived, with that problem, instead of "No notes yet"', async () => {
    const long = {
      domain: 'reddit.com',
      path: '/r/cooking/',
      text: '\u0001'.repeat(1999),
      reminder: false,
      updatedAt: 5,
    };
    // Control characters take six bytes each in JSON: two sync items' worth of text.
    const items = encodeForSync(long, 'abc');
    expect(Object.keys(items)).toHaveLength(3);
    // Sync delivers items one by one: the header is here, the second part is not yet.
    const { 'note:reddit.com|/r/cooking/#1': _late, ...arrived } = items;
    const { api } = fakeOptionsApi({ local: SETTINGS_SYNC_ON, sync: arrived });
    render(<NotesSection api={api} />);
    const pending = await screen.findByRole('list', { name: 'Notes that cannot be shown yet' });
    expect(within(pending).getByRole('listitem').textContent).toBe(
      'reddit.com/r/cooking/: Part 2 of 2 has not arrived from sync yet.',
    );
    expect(screen.queryByText('No notes yet.')).toBeNull();
  });

  it('marks notes that stay on this device because sync was full', async () => {
    const { api } = fakeOptionsApi({
      local: {
        ...SETTINGS_SYNC_ON,
        ...note('reddit.com', null, 'big'),
        notices: [{ kind: 'sync-quota', quota: 'QUOTA_BYTES', at: T0, noteKeys: ['note:reddit.com'] }],
      },
    });
    render(<NotesSection api={api} />);
    expect(await screen.findByText('Kept on this device only: sync storage is full')).toBeTruthy();
    expect(screen.getByText('1 note is kept only on this device because it could not be synced.')).toBeTruthy();
  });

  it('locks editing when the administrator turned notes off', async () => {
    const { api } = fakeOptionsApi({ local: note('reddit.com', null, 'x'), managed: { disableNotes: true } });
    render(<NotesSection api={api} />);
    expect(await screen.findByText(/Your administrator turned notes off/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Edit the note for reddit.com' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('switch') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('site preferences', () => {
  const seed = () =>
    fakeOptionsApi({
      local: {
        schemaVersion: 2,
        sites: {
          'reddit.com': { labeling: false, override: 'auto', reminder: false },
          'linkedin.com': { labeling: true, override: 'networking', reminder: false },
        },
      },
    });

  it('lists, searches and changes them', async () => {
    const { api } = seed();
    render(<SitesSection api={api} />);
    const list = await screen.findByRole('list', { name: 'Your site settings' });
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['linkedin.com', 'reddit.com']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search sites' }), { target: { value: 'redd' } });
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['reddit.com']);
    const toggle = screen.getByRole('switch', { name: 'Label pages of reddit.com' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(sent(api)).toEqual([{ type: 'set-site-prefs', domain: 'reddit.com', change: { labeling: true } }]),
    );
    // Back to the defaults: the site leaves the list.
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'reddit.com' })).toBeNull());
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    const group = screen.getByRole('group', { name: 'Label for linkedin.com' });
    fireEvent.click(within(group).getByRole('radio', { name: 'Media' }));
    await waitFor(() =>
      expect(sent(api)[1]).toEqual({ type: 'set-site-prefs', domain: 'linkedin.com', change: { override: 'media' } }),
    );
  });

  it('resets a site to the defaults, with Undo', async () => {
    const { api } = seed();
    render(<SitesSection api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset linkedin.com to the defaults' }));
    await waitFor(() =>
      expect(sent(api)).toEqual([
        {
          type: 'set-site-prefs',
          domain: 'linkedin.com',
          change: { labeling: true, override: 'auto', reminder: false },
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'linkedin.com' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(sent(api)[1]).toEqual({
        type: 'set-site-prefs',
        domain: 'linkedin.com',
        change: { labeling: true, override: 'networking', reminder: false },
      }),
    );
    expect(await screen.findByRole('heading', { name: 'linkedin.com' })).toBeTruthy();
  });
});

describe('custom sites', () => {
  it('normalises what the user types to the registrable domain', () => {
    expect(normaliseDomain('https://Forum.Example.co.uk/x')).toBe('example.co.uk');
    expect(normaliseDomain('  forum.example.org ')).toBe('example.org');
    expect(normaliseDomain('community.example.com/t/topic/1?x=1')).toBe('example.com');
    expect(normaliseDomain('not a domain')).toBeNull();
    expect(normaliseDomain('localhost')).toBeNull();
    expect(normaliseDomain('192.168.1.1')).toBeNull();
    expect(normaliseDomain('co.uk')).toBeNull();
    expect(normaliseDomain('')).toBeNull();
  });

  it('refuses an address that names no site, and sends nothing', async () => {
    const { api } = fakeOptionsApi();
    render(<CustomSitesSection api={api} />);
    await screen.findByText('You have not added any sites.');
    const domain = screen.getByRole('textbox', { name: 'Address or domain' });
    fireEvent.input(domain, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Enter the address of a site on the web, such as forum.example.org.',
    );
    expect(domain.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(domain);
    expect(api.requestSiteAccess).not.toHaveBeenCalled();
    expect(api.send).not.toHaveBeenCalled();
  });

  it('adds a site by its registrable domain, asking for access in the click itself', async () => {
    const { api, local } = fakeOptionsApi();
    render(<CustomSitesSection api={api} />);
    await screen.findByText('You have not added any sites.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Address or domain' }), {
      target: { value: 'https://Forum.Example.co.uk/x' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Name (optional)' }), { target: { value: 'Bike forum' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Both' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    // Synchronously, in the click: browsers prompt only for a user gesture.
    expect(api.requestSiteAccess).toHaveBeenCalledWith('example.co.uk');
    await waitFor(() =>
      expect(sent(api)).toEqual([
        { type: 'save-custom-site', site: { domain: 'example.co.uk', name: 'Bike forum', lean: 'both' } },
      ]),
    );
    expect(await screen.findByText('Added example.co.uk.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Bike forum' })).toBeTruthy();
    expect(screen.getByText('Its pages are labeled as you open them.')).toBeTruthy();
    expect((await loadData(local)).data.customSites).toEqual([
      { domain: 'example.co.uk', name: 'Bike forum', lean: 'both' },
    ]);
  });

  it('says so when access was not allowed, and offers to ask again', async () => {
    const { api } = fakeOptionsApi();
    api.requestSiteAccess.mockResolvedValueOnce(false);
    render(<CustomSitesSection api={api} />);
    await screen.findByText('You have not added any sites.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Address or domain' }), { target: { value: 'forum.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(await screen.findByText(/because access to the site was not allowed/)).toBeTruthy();
    expect(sent(api)).toEqual([
      { type: 'save-custom-site', site: { domain: 'forum.example', name: 'forum.example', lean: 'networking' } },
    ]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Allow labeling pages of forum.example as you open them' }),
    );
    expect(api.requestSiteAccess).toHaveBeenLastCalledWith('forum.example');
    expect(await screen.findByText('Its pages are labeled as you open them.')).toBeTruthy();
  });

  it("marks the administrator's sites and lets only the user's be deleted, with Undo", async () => {
    const { api } = fakeOptionsApi({
      local: { schemaVersion: 2, customSites: [{ domain: 'mine.example', name: 'Mine', lean: 'media' }] },
      managed: { customSites: [{ domain: 'corp.example', name: 'Corp forum', lean: 'networking' }] },
      granted: ['mine.example'],
    });
    render(<CustomSitesSection api={api} />);
    const corp = await screen.findByRole('listitem', { name: 'Corp forum' });
    expect(within(corp).getByText('Set by your administrator')).toBeTruthy();
    expect(within(corp).queryByRole('button', { name: /Delete/ })).toBeNull();
    const mine = screen.getByRole('listitem', { name: 'Mine' });
    expect(within(mine).queryByText('Set by your administrator')).toBeNull();

    fireEvent.input(screen.getByRole('textbox', { name: 'Address or domain' }), { target: { value: 'corp.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(screen.getByRole('alert').textContent).toBe('corp.example is already set by your administrator.');
    expect(api.send).not.toHaveBeenCalled();

    fireEvent.click(within(mine).getByRole('button', { name: 'Delete mine.example from your sites' }));
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'remove-custom-site', domain: 'mine.example' }]));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Mine' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(sent(api)[1]).toEqual({
        type: 'save-custom-site',
        site: { domain: 'mine.example', name: 'Mine', lean: 'media' },
      }),
    );
    expect(await screen.findByRole('listitem', { name: 'Mine' })).toBeTruthy();
    expect(api.releaseSiteAccess).not.toHaveBeenCalled();
  });

  it('gives the access back once the chance to undo has passed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = fakeOptionsApi({
      local: { schemaVersion: 2, customSites: [{ domain: 'mine.example', name: 'Mine', lean: 'media' }] },
      granted: ['mine.example'],
    });
    render(<CustomSitesSection api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete mine.example from your sites' }));
    await screen.findByRole('button', { name: 'Undo' });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(UNDO_MS + 100);
    });
    expect(api.releaseSiteAccess).toHaveBeenCalledWith('mine.example');
  });
});

describe('settings', () => {
  it('turns sync on and says where the notes went', async () => {
    const { api } = fakeOptionsApi({ local: { ...note('reddit.com', null, 'a'), ...note('example.org', null, 'b') } });
    render(<SettingsSection api={api} />);
    const toggle = (await screen.findByRole('switch', {
      name: 'Sync notes with your browser account',
    })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'set-settings', change: { sync: true } }]));
    expect(await screen.findByText('Sync is on. 2 notes synced.')).toBeTruthy();
    await waitFor(() => expect(toggle.checked).toBe(true));
    fireEvent.click(toggle);
    await waitFor(() => expect(sent(api)[1]).toEqual({ type: 'set-settings', change: { sync: false } }));
    expect(await screen.findByText(/Sync is off/)).toBeTruthy();
  });

  it('says how many days of usage records a lower retention deletes, and asks before it saves', async () => {
    const day = { 'youtube.com': { media: 60_000, networking: 0, mixed: 0 } };
    const { api } = fakeOptionsApi({
      local: {
        schemaVersion: 3,
        settings: { sync: false, retentionDays: 90 },
        usageTotals: { '2023-08-20': day, '2023-10-01': day, '2023-10-10': day, [TODAY]: day },
      },
    });
    render(<SettingsSection api={api} />);
    const days = (await screen.findByRole('spinbutton', { name: 'Keep usage records for (days)' })) as HTMLInputElement;
    fireEvent.input(days, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // 30 days up to 2023-11-14 start on 2023-10-16: three days of records are older.
    const question = await screen.findByText(/^Keeping usage for 30 days deletes the records of 3 days, up to /);
    expect(question.textContent).toMatch(/Oct 10, 2023|10 Oct 2023|2023/);
    expect(api.send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText(/^Keeping usage for 30 days/)).toBeNull();
    expect(api.send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete them and keep 30 days' }));
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'set-settings', change: { retentionDays: 30 } }]));
  });

  it('lowers the retention without asking when no record is that old, and raises it without asking', async () => {
    const day = { 'youtube.com': { media: 60_000, networking: 0, mixed: 0 } };
    const { api } = fakeOptionsApi({
      local: { schemaVersion: 3, settings: { sync: false, retentionDays: 90 }, usageTotals: { [TODAY]: day } },
    });
    render(<SettingsSection api={api} />);
    const days = (await screen.findByRole('spinbutton', { name: 'Keep usage records for (days)' })) as HTMLInputElement;
    fireEvent.input(days, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'set-settings', change: { retentionDays: 7 } }]));
  });

  it('saves the retention in days, refusing values outside 1 to 3650', async () => {
    const { api } = fakeOptionsApi();
    render(<SettingsSection api={api} />);
    const days = (await screen.findByRole('spinbutton', { name: 'Keep usage records for (days)' })) as HTMLInputElement;
    expect(days.value).toBe('90');
    expect(days.min).toBe('1');
    expect(days.max).toBe('3650');
    fireEvent.input(days, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Enter a whole number of days from 1 to 3,650.',
    );
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(api.send).not.toHaveBeenCalled();
    fireEvent.input(days, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'set-settings', change: { retentionDays: 30 } }]));
    expect(await screen.findByText('Usage records are kept for 30 days.')).toBeTruthy();
  });

  it('shows what the administrator manages and locks those controls', async () => {
    const { api } = fakeOptionsApi({
      managed: {
        disableSync: true,
        disableUsage: true,
        customSites: [{ domain: 'corp.example', name: 'Corp forum', lean: 'networking' }],
      },
    });
    render(<SettingsSection api={api} />);
    const toggle = (await screen.findByRole('switch', {
      name: 'Sync notes with your browser account',
    })) as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBe('sync-explained');
    expect(document.getElementById('sync-explained')?.textContent).toMatch(/administrator turned sync off/);
    expect(screen.getByText('Syncing notes is turned off.')).toBeTruthy();
    expect(screen.getByText('Usage records are turned off.')).toBeTruthy();
    expect(screen.getByText('Sites added for you: Corp forum (corp.example)')).toBeTruthy();
  });

  it('says on Firefox for Android that sync storage stays on the phone, and only there', async () => {
    const { api } = fakeOptionsApi();
    const android = { ...api, syncStaysLocal: async () => true };
    const { unmount } = render(<SettingsSection api={android} />);
    await waitFor(() => expect(document.getElementById('sync-explained')?.textContent).toMatch(/stay on this phone/));
    unmount();
    render(<SettingsSection api={{ ...api, syncStaysLocal: async () => false }} />);
    await screen.findByRole('switch', { name: 'Sync notes with your browser account' });
    await waitFor(() => expect(document.getElementById('sync-explained')?.textContent).toMatch(/\S/));
    expect(document.getElementById('sync-explained')?.textContent).not.toMatch(/phone/);
  });

  it('says when nothing is managed', async () => {
    render(<SettingsSection api={fakeOptionsApi().api} />);
    expect(await screen.findByText('Nothing here is managed by an administrator.')).toBeTruthy();
  });
});

function chooseFile(text: string, name = 'export.json') {
  const input = screen.getByLabelText('File to import') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

const exportFile = (body: Record<string, unknown>) =>
  JSON.stringify({ format: 'reach-or-relate', formatVersion: 1, exportedAt: T0 - 1000, ...body });

describe('data', () => {
  it('exports everything to a dated file', async () => {
    const { api } = fakeOptionsApi({ local: note('reddit.com', null, 'Only r/cooking') });
    render(<DataSection api={api} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    await waitFor(() => expect(api.download).toHaveBeenCalledTimes(1));
    const [name, text] = api.download.mock.calls[0] as [string, string];
    expect(name).toBe(exportFileName(T0));
    expect(JSON.parse(text)).toMatchObject({
      format: 'reach-or-relate',
      notes: [{ domain: 'reddit.com', path: null, text: 'Only r/cooking' }],
    });
    expect(await screen.findByText(`Saved ${name}.`)).toBeTruthy();
  });

  it.each([
    ['corrupt JSON', '{"format": "reach-or-relate", ', /not JSON/],
    ['a foreign file', JSON.stringify({ hello: 'world' }), /not a Reach or Relate export/],
    ['an invalid entry', exportFile({ notes: [{ domain: 'x', text: 'a', updatedAt: 1 }] }), /notes\[0\]\.domain/],
  ])('refuses %s with a one-line message and changes nothing', async (_what, text, message) => {
    const current = { schemaVersion: 3, settings: { sync: false, retentionDays: 90 }, sites: {}, customSites: [] };
    const { api, local } = fakeOptionsApi({ local: { ...current, ...note('reddit.com', null, 'keep') } });
    const before = local.snapshot();
    render(<DataSection api={api} />);
    chooseFile(text);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Nothing was imported\. /);
    expect(alert.textContent).toMatch(message);
    expect(alert.textContent).not.toMatch(/\n/);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(api.send).not.toHaveBeenCalled();
    expect(local.snapshot()).toEqual(before);
  });

  it('shows the plan of a valid file, and Apply sends it to the worker', async () => {
    const { api, local } = fakeOptionsApi({
      local: { ...note('reddit.com', null, 'old text'), ...note('example.org', null, 'same') },
    });
    const text = exportFile({
      notes: [
        { domain: 'reddit.com', path: null, text: XSS, reminder: false, updatedAt: 5 },
        { domain: 'example.org', path: null, text: 'same', reminder: false, updatedAt: 1 },
        { domain: 'mastodon.social', path: '/@ana', text: 'New', reminder: true, updatedAt: 5 },
      ],
      sites: { 'reddit.com': { labeling: false, override: 'auto' } },
      customSites: [{ domain: 'forum.example', name: 'Forum', lean: 'both' }],
      settings: { retentionDays: 30 },
    });
    const { container } = render(<DataSection api={api} />);
    chooseFile(text, 'reach-or-relate-2023-11-14.json');
    const heading = await screen.findByRole('heading', { name: 'What reach-or-relate-2023-11-14.json changes' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('To add: 3. To replace: 2.')).toBeTruthy();
    expect(screen.getByText('1 entry is already here and stays as it is.')).toBeTruthy();
    expect(screen.getByText('Notes: 1 to add, 1 to replace')).toBeTruthy();
    const notes = screen.getByRole('list', { name: 'Notes: 1 to add, 1 to replace' });
    expect(
      within(notes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`Replace reddit.com: “${XSS}”`, 'Add mastodon.social/@ana: “New”']);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByText('reddit.com: labeling off, label Automatic')).toBeTruthy();
    expect(screen.getByText('Forum (forum.example): Both')).toBeTruthy();
    expect(screen.getByText('Keep usage records for 30 days instead of 90')).toBeTruthy();
    expect(api.send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'apply-import', text }]));
    const outcome = await screen.findByText('Imported. Added: 3. Replaced: 2.');
    await waitFor(() => expect(document.activeElement).toBe(outcome.closest('[role="status"]')));
    const after = await loadData(local);
    expect(after.data.settings.retentionDays).toBe(30);
    expect(after.data.customSites).toEqual([{ domain: 'forum.example', name: 'Forum', lean: 'both' }]);
  });

  it('says when a file holds nothing new', async () => {
    const { api } = fakeOptionsApi({ local: note('example.org', null, 'same') });
    render(<DataSection api={api} />);
    chooseFile(exportFile({ notes: [{ domain: 'example.org', path: null, text: 'same', updatedAt: 1 }] }));
    expect(await screen.findByText(/There is nothing to import/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('says why each value was set aside, in the page language, and that newer-version data is kept', async () => {
    const { api } = fakeOptionsApi({
      local: {
        [`backup:settings:${T0}`]: { setAside: 1, reason: { code: 'newerVersion', params: ['4'] }, value: {} },
        [`backup:usageTotals:${T0 - 1}`]: { setAside: 1, reason: { code: 'usageDamaged', params: [] }, value: 7 },
        [`backup:sites:${T0 - 2}`]: { setAside: 1, reason: { code: 'invalid', params: ['NOT A DOMAIN'] }, value: 1 },
      },
    });
    render(<DataSection api={api} />);
    const list = await screen.findByRole('list', { name: 'Copies of data that could not be used' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('p')?.textContent)).toEqual([
      'Written by a newer version of Reach or Relate (data version 4); kept here so that nothing of it is lost.',
      'The usage records were damaged; the valid ones were kept and this copy was set aside before they were replaced.',
      'Did not pass the checks (the part that failed: NOT A DOMAIN).',
    ]);
    expect(
      screen.getByText(/^Some data was written by a newer version of Reach or Relate \(data version 4\)/),
    ).toBeTruthy();
  });

  it('exports usage records only when asked to', async () => {
    const day = { 'youtube.com': { media: 60_000, networking: 0, mixed: 0 } };
    const { api } = fakeOptionsApi({ local: { schemaVersion: 3, usageTotals: { [TODAY]: day } } });
    render(<DataSection api={api} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    await waitFor(() => expect(api.download).toHaveBeenCalledTimes(1));
    expect(JSON.parse((api.download.mock.calls[0] as [string, string])[1])).not.toHaveProperty('usage');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include usage records (time per day and site)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    await waitFor(() => expect(api.download).toHaveBeenCalledTimes(2));
    expect(JSON.parse((api.download.mock.calls[1] as [string, string])[1]).usage).toEqual({ [TODAY]: day });
  });

  it('lists values set aside as text, and deletes them', async () => {
    const { api, local } = fakeOptionsApi({
      local: { [`backup:settings:${T0}`]: { retentionDays: XSS }, [`backup:sync:note:x.example:${T0 - 5}`]: 'junk' },
    });
    const { container } = render(<DataSection api={api} />);
    const list = await screen.findByRole('list', { name: 'Copies of data that could not be used' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('h4')?.textContent)).toEqual(['settings', 'note:x.example']);
    expect(items[1]?.textContent).toContain('Synced');
    const raw = items[0]?.querySelector('details pre');
    expect(raw?.textContent).toBe(JSON.stringify({ retentionDays: XSS }, null, 2));
    expect(container.querySelector('img, script')).toBeNull();
    fireEvent.click(
      within(items[0] as HTMLElement).getByRole('button', { name: /^Delete the set-aside value of settings/ }),
    );
    await waitFor(() => expect(sent(api)).toEqual([{ type: 'delete-backup', key: `backup:settings:${T0}` }]));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(Object.keys(local.snapshot())).toEqual([`backup:sync:note:x.example:${T0 - 5}`]);
  });
});

describe('the browser implementation', () => {
  function fakeBrowser() {
    const local = fakeLocalArea();
    const sync = fakeSyncArea();
    const browser = {
      storage: {
        local,
        sync,
        managed: { get: async () => Promise.reject(new Error('Managed storage manifest not found')) },
        onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
      },
      runtime: { sendMessage: vi.fn(async () => ({ ok: true })) },
      permissions: {
        request: vi.fn(async () => true),
        contains: vi.fn(async () => false),
        getAll: vi.fn(async () => ({ origins: ['https://forum.example.co.uk/*', 'https://other.example/*'] })),
        remove: vi.fn(async () => true),
        onAdded: { addListener: vi.fn(), removeListener: vi.fn() },
        onRemoved: { addListener: vi.fn(), removeListener: vi.fn() },
      },
    };
    return { browser, local };
  }
  const origins = (domain: string) => [`https://${domain}/*`, `https://*.${domain}/*`];

  it('asks for the origins of a custom site, sends writes to the worker and reads storage directly', async () => {
    const { browser, local } = fakeBrowser();
    await local.set(note('reddit.com', null, 'hi'));
    const api = createBrowserOptionsApi(browser as unknown as ExtensionApi, origins);
    await api.requestSiteAccess('example.co.uk');
    expect(browser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://example.co.uk/*', 'https://*.example.co.uk/*'],
    });
    await api.send({ type: 'delete-usage' });
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'delete-usage' });
    expect((await api.listNotes()).notes.map((n) => n.text)).toEqual(['hi']);
    expect((await api.readManaged()).available).toBe(false);
    // A host labelled automatically from the popup has access by its own permission, and gives it back too.
    expect(await api.hasSiteAccess('example.co.uk')).toBe(true);
    expect(await api.hasSiteAccess('elsewhere.example')).toBe(false);
    await api.releaseSiteAccess('example.co.uk');
    expect(browser.permissions.remove).toHaveBeenCalledWith({
      origins: [...origins('example.co.uk'), 'https://forum.example.co.uk/*'],
    });
  });

  it('downloads through a Blob URL and a link with the file name', () => {
    const { browser } = fakeBrowser();
    const api = createBrowserOptionsApi(browser as unknown as ExtensionApi, origins);
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    const clicks: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    try {
      api.download('reach-or-relate-2023-11-14.json', '{}');
      expect(create).toHaveBeenCalledWith(expect.any(Blob));
      expect(clicks).toHaveLength(1);
      expect(clicks[0]?.download).toBe('reach-or-relate-2023-11-14.json');
      expect(clicks[0]?.href).toBe('blob:test/1');
      expect(document.querySelector('a[download]')).toBeNull();
    } finally {
      create.mockRestore();
      click.mockRestore();
    }
  });
});

describe('accessibility', () => {
  it('names every control of every section', async () => {
    const { api } = fakeOptionsApi({
      local: {
        ...note('reddit.com', null, 'x'),
        sites: { 'reddit.com': { labeling: false, override: 'auto', reminder: false } },
        customSites: [{ domain: 'mine.example', name: 'Mine', lean: 'media' }],
        [`backup:settings:${T0}`]: 1,
      },
    });
    render(
      <main>
        <NotesSection api={api} />
        <SitesSection api={api} />
        <CustomSitesSection api={api} />
        <SettingsSection api={api} />
        <DataSection api={api} />
      </main>,
    );
    await screen.findByRole('heading', { name: 'reddit.com', level: 3 });
    await screen.findByRole('heading', { name: 'settings', level: 4 });
    await screen.findByRole('spinbutton');
    const controls = [...document.querySelectorAll('button, input, textarea, select, summary')];
    expect(controls.length).toBeGreaterThan(15);
    for (const control of controls) {
      const id = control.getAttribute('id');
      const named =
        control.getAttribute('aria-label') ||
        (id && document.querySelector(`label[for="${id}"]`)?.textContent) ||
        control.closest('label')?.textContent ||
        control.textContent;
      expect(named?.trim(), control.outerHTML).toBeTruthy();
    }
    // Every id is unique, so labels and descriptions point at one element.
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
