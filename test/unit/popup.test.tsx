// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { applyOverride } from '../../src/core/override';
import type { PopupApi } from '../../src/popup/api';
import { CHECK_TIMEOUT_MS, Popup } from '../../src/popup/Popup';
import { setMessageSource } from '../../src/shared/i18n';
import type { TabState } from '../../src/shared/messages';
import type { Note, SitePrefs } from '../../src/storage/schema';
import { messageSource } from '../helpers/locales';

beforeAll(() => setMessageSource(messageSource('en')));
afterEach(cleanup);

function stateFor(url: string, html: string | null, prefs: SitePrefs = { labeling: true, override: 'auto' }): TabState {
  const doc = html === null ? null : new DOMParser().parseFromString(html, 'text/html');
  const automatic = classify(extractFeatures(doc, url));
  return {
    tabId: 7,
    url,
    domain: new URL(url).hostname.replace(/^www\./, ''),
    automatic,
    verdict: applyOverride(automatic, prefs.override),
    prefs,
    updatedAt: 0,
  };
}

function fakeApi(initial: TabState | null, overrides: Partial<PopupApi> = {}) {
  let listener: ((s: TabState | null) => void) | null = null;
  const api: PopupApi = {
    activeTab: async () => ({ id: 7, url: initial?.url ?? 'https://news.example.org/' }),
    getState: async () => initial,
    classify: vi.fn(async () => true),
    setPrefs: vi.fn(async (_domain: string, change: Partial<SitePrefs>) => ({
      labeling: true,
      override: 'auto' as const,
      ...initial?.prefs,
      ...change,
    })),
    openOptions: vi.fn(),
    openBalance: vi.fn(),
    usageToday: async () => ({ media: 0, networking: 0, mixed: 0, total: 0 }),
    getNote: async () => null,
    hasHostAccess: async () => false,
    labelAutomatically: vi.fn(async () => true),
    saveNote: vi.fn(async () => {}),
    onStateChange: (_id, callback) => {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    ...overrides,
  };
  return { api, push: (s: TabState | null) => listener?.(s) };
}

describe('popup', () => {
  it('explains a networking page: headline, page kind, signals and meaning', async () => {
    const state = stateFor(
      'https://www.linkedin.com/mynetwork/invitation-manager/received/',
      '<main><div role="listitem" componentkey="urn:li:invitation:1"></div></main>',
    );
    render(<Popup api={fakeApi(state).api} />);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      "You're using LinkedIn for social networking",
    );
    expect(screen.getByText('Page: connection requests')).toBeTruthy();
    expect(screen.getByText('a list of connection requests')).toBeTruthy();
    expect(screen.getByText(/Social networking is about relationships/)).toBeTruthy();
    expect(document.querySelector('.chip--networking')?.textContent).toBe('NET');
  });

  it('explains a media page', async () => {
    render(<Popup api={fakeApi(stateFor('https://www.instagram.com/reels/', null)).api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Instagram, as social media');
    expect(document.querySelector('.chip--media')?.textContent).toBe('MED');
    expect(screen.getByText(/Social media is about reach/)).toBeTruthy();
  });

  it('explains a mixed page', async () => {
    const state = stateFor('https://www.facebook.com/notifications', null);
    expect(state.verdict.label).toBe('mixed');
    render(<Popup api={fakeApi(state).api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      "You're using Facebook both ways: media and networking",
    );
    expect(screen.getByTestId('why-line').textContent).toBe('Page: notifications (not a social activity page)');
  });

  it('puts a settings page of a social site in the neutral state: never mixed, out of the balance', async () => {
    const state = stateFor('https://www.facebook.com/settings/?tab=privacy', null);
    expect(state.verdict.label).toBe('none');
    render(<Popup api={fakeApi(state).api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Facebook: not a social activity page');
    expect(screen.getByText('No social activity')).toBeTruthy();
    expect(screen.getByTestId('why-line').textContent).toBe('Page: settings');
    expect(screen.getByTestId('neutral-explained').textContent).toBe('Time here is kept out of your balance.');
    expect(document.querySelector('.chip--mixed')).toBeNull();
    // Still the site's page: its note and its settings are there, and no offer to check it.
    expect(screen.getByTestId('note-editor')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check this page' })).toBeNull();
  });

  it('says the strongest reason in one line and folds the signals, the meaning and the site settings away', async () => {
    const state = stateFor(
      'https://www.linkedin.com/mynetwork/invitation-manager/received/',
      '<main><div role="listitem" componentkey="urn:li:invitation:1"></div></main>',
    );
    render(<Popup api={fakeApi(state).api} />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByTestId('why-line').textContent).toBe('Why: connections and requests');
    const folds = [...document.querySelectorAll<HTMLDetailsElement>('details.fold')];
    expect(folds.map((fold) => [fold.dataset.fold, fold.open])).toEqual([
      ['why', false],
      ['meaning', false],
      ['site', false],
    ]);
    expect(folds[0]?.querySelector('.reasons')?.textContent).toContain('a list of connection requests');
    expect(folds[1]?.textContent).toMatch(/Social networking is about relationships/);
    expect(folds[2]?.querySelector('[role="switch"]')).toBeTruthy();
    // The note comes before everything that folds.
    const note = screen.getByTestId('note-editor');
    expect(note.compareDocumentPosition(folds[0] as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('opens the site settings fold when labeling is off: the switch back on is the thing to do', async () => {
    const state = stateFor('https://www.linkedin.com/feed/', null, { labeling: false, override: 'auto' });
    render(<Popup api={fakeApi(state).api} />);
    await screen.findByText('Labeling is off for linkedin.com');
    expect(document.querySelector<HTMLDetailsElement>('details[data-fold="site"]')?.open).toBe(true);
  });

  it('after a check that finds nothing, says what it found and offers to check again', async () => {
    const { api, push } = fakeApi(null, { activeTab: async () => ({ id: 7, url: 'https://blog.example.org/post' }) });
    render(<Popup api={api} />);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Checking this page…');
    push(stateFor('https://blog.example.org/post', '<article><h1>A post</h1></article>'));
    expect((await screen.findByTestId('check-result')).textContent).toMatch(/^Checked: nothing on this page/);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(api.classify).toHaveBeenCalledTimes(2));
  });

  it.each([
    'https://chromewebstore.google.com/detail/abc',
    'https://addons.mozilla.org/en-US/firefox/addon/x/',
    'chrome://extensions/',
    'about:addons',
    'file:///home/me/page.html',
  ])('offers no check on %s, where no extension may read the page', async (url) => {
    const { api } = fakeApi(null, { activeTab: async () => ({ id: 7, url }) });
    render(<Popup api={api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Not a social page');
    expect(api.classify).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /Check/ })).toBeNull();
  });

  it('says clearly when a page is not social, and offers to check it again', async () => {
    const state = stateFor('https://news.example.org/world', '<div role="feed"><article>News</article></div>');
    const { api } = fakeApi(state);
    render(<Popup api={api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Not a social page');
    fireEvent.click(screen.getByRole('button', { name: 'Check this page' }));
    await waitFor(() => expect(api.classify).toHaveBeenCalledWith(7));
  });

  it('checks a page on demand when there is no verdict yet, then shows the result', async () => {
    const { api, push } = fakeApi(null, { activeTab: async () => ({ id: 7, url: 'https://forum.example.org/t/x/1' }) });
    render(<Popup api={api} />);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Checking this page…');
    expect(api.classify).toHaveBeenCalledWith(7);
    const html = '<html><head><meta name="generator" content="Discourse 3.2"></head><body></body></html>';
    push(stateFor('https://forum.example.org/t/x/1', html));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      "You're using Discourse for social networking",
    );
  });

  it('stops waiting when a page never answers the check, says so, and offers to check again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { api, push } = fakeApi(null, {
        activeTab: async () => ({ id: 7, url: 'https://forum.example.org/t/x/1' }),
      });
      render(<Popup api={api} />);
      expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Checking this page…');
      await vi.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS - 500);
      expect(screen.getByRole('status').textContent).toBe('Checking this page…');
      await vi.advanceTimersByTimeAsync(1000);
      expect(screen.queryByRole('status')).toBeNull();
      expect(screen.getByRole('alert').textContent).toBe("This page didn't answer. Reload it, then check it again.");
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Not a social page');
      fireEvent.click(screen.getByRole('button', { name: 'Check this page' }));
      await waitFor(() => expect(api.classify).toHaveBeenCalledTimes(2));
      expect(screen.getByRole('status').textContent).toBe('Checking this page…');
      // A verdict that comes after all still shows.
      const html = '<html><head><meta name="generator" content="Discourse 3.2"></head><body></body></html>';
      push(stateFor('https://forum.example.org/t/x/1', html));
      expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
        "You're using Discourse for social networking",
      );
      await vi.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS);
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a verdict reported with a shortened long address as the current page', async () => {
    const long = `https://www.linkedin.com/feed/?trk=${'x'.repeat(5000)}`;
    const state = { ...stateFor('https://www.linkedin.com/feed/', null), url: 'https://www.linkedin.com/feed/' };
    const { api } = fakeApi(state, { activeTab: async () => ({ id: 7, url: long }) });
    render(<Popup api={api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('LinkedIn, as social media');
    expect(api.classify).not.toHaveBeenCalled();
  });

  it('says when a page cannot be checked', async () => {
    const { api } = fakeApi(null, { classify: vi.fn(async () => false) });
    render(<Popup api={api} />);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/can't be checked/));
  });

  it('shows an override as the label, with the user choice as the first reason, and lets it be changed', async () => {
    const state = stateFor('https://www.linkedin.com/feed/', null, { labeling: true, override: 'networking' });
    expect(state.automatic.label).toBe('media');
    const { api } = fakeApi(state);
    render(<Popup api={api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      "You're using LinkedIn for social networking",
    );
    expect(screen.getByText('you chose this label for the site')).toBeTruthy();
    const networking = screen.getByRole('radio', { name: 'Networking' }) as HTMLInputElement;
    expect(networking.checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Automatic' }));
    await waitFor(() => expect(api.setPrefs).toHaveBeenCalledWith('linkedin.com', { override: 'auto' }));
  });

  it('turns labeling off for the site from the switch', async () => {
    const state = stateFor('https://www.linkedin.com/feed/', null);
    const { api } = fakeApi(state);
    render(<Popup api={api} />);
    const toggle = await screen.findByRole('switch', { name: 'Label pages of linkedin.com' });
    fireEvent.click(toggle);
    await waitFor(() => expect(api.setPrefs).toHaveBeenCalledWith('linkedin.com', { labeling: false }));
    expect(await screen.findByText('Labeling is off for linkedin.com')).toBeTruthy();
  });

  it('treats a stored verdict for another page of the tab as missing', async () => {
    const state = stateFor('https://www.linkedin.com/feed/', null);
    const { api } = fakeApi(state, { activeTab: async () => ({ id: 7, url: 'https://example.com/' }) });
    render(<Popup api={api} />);
    await waitFor(() => expect(api.classify).toHaveBeenCalled());
  });

  it("shows today's split for the site as a bar with the same figures in words", async () => {
    const state = stateFor('https://www.linkedin.com/feed/', null);
    const usageToday = vi.fn(async () => ({ media: 4 * 60_000, networking: 8 * 60_000, mixed: 0, total: 12 * 60_000 }));
    render(<Popup api={fakeApi(state, { usageToday }).api} />);
    expect(await screen.findByText('12 min in all: 4 min as media, 8 min networking, 0 min mixed')).toBeTruthy();
    expect(usageToday).toHaveBeenCalledWith('linkedin.com');
    const parts = [...document.querySelectorAll<HTMLElement>('.usage__part')].map((el) => [
      el.className,
      el.style.width,
    ]);
    expect(parts).toEqual([
      ['usage__part usage__part--media', `${(100 * 4) / 12}%`],
      ['usage__part usage__part--networking', `${(100 * 8) / 12}%`],
    ]);
  });

  it('autosaves the note after typing pauses, with a character counter', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { api } = fakeApi(stateFor('https://www.linkedin.com/feed/', null));
      render(<Popup api={api} />);
      const box = (await screen.findByRole('textbox', { name: 'Your note' })) as HTMLTextAreaElement;
      expect(box.maxLength).toBe(2000);
      fireEvent.input(box, { target: { value: 'Only to reply' } });
      fireEvent.input(box, { target: { value: 'Only to reply to recruiters' } });
      expect(screen.getByText('27 of 2,000 characters')).toBeTruthy();
      expect(api.saveNote).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1000);
      expect(api.saveNote).toHaveBeenCalledTimes(1);
      expect(api.saveNote).toHaveBeenCalledWith({
        domain: 'linkedin.com',
        path: null,
        text: 'Only to reply to recruiters',
        reminder: false,
      });
      await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy());
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves a pending edit at once when the popup closes mid-typing', async () => {
    const { api } = fakeApi(stateFor('https://www.linkedin.com/feed/', null));
    render(<Popup api={api} />);
    const box = await screen.findByRole('textbox', { name: 'Your note' });
    fireEvent.input(box, { target: { value: '15 minutes, then stop' } });
    expect(api.saveNote).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pagehide'));
    expect(api.saveNote).toHaveBeenCalledWith(expect.objectContaining({ text: '15 minutes, then stop' }));
  });

  it('shows a stored note as text, never as HTML, and saves the reminder switch', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const { api } = fakeApi(stateFor('https://www.instagram.com/reels/', null), {
      getNote: async (_d, path) =>
        path === null ? { domain: 'instagram.com', path: null, text: payload, reminder: false, updatedAt: 1 } : null,
    });
    render(<Popup api={api} />);
    const box = (await screen.findByRole('textbox', { name: 'Your note' })) as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe(payload));
    expect(document.querySelector('main img, main script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(screen.getByRole('img', { name: 'This site has a note' })).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Remind me when I open this site' }));
    await waitFor(() =>
      expect(api.saveNote).toHaveBeenCalledWith({ domain: 'instagram.com', path: null, text: payload, reminder: true }),
    );
  });

  it('keeps the note locked until the stored one has loaded, so it cannot be saved over', async () => {
    // The popup asks for the site note twice (header dot and editor): hold both answers back.
    const waiting: Array<(note: Note | null) => void> = [];
    let answer: Note | null | undefined;
    const resolve = (note: Note | null) => {
      answer = note;
      for (const r of waiting) r(note);
    };
    const { api } = fakeApi(stateFor('https://www.linkedin.com/feed/', null), {
      getNote: (_d, path) =>
        path !== null
          ? Promise.resolve(null)
          : answer !== undefined
            ? Promise.resolve(answer)
            : new Promise<Note | null>((r) => waiting.push(r)),
    });
    render(<Popup api={api} />);
    const box = (await screen.findByRole('textbox', { name: 'Your note' })) as HTMLTextAreaElement;
    const reminder = screen.getByRole('switch', { name: 'Remind me when I open this site' }) as HTMLInputElement;
    expect(box.readOnly).toBe(true);
    expect(reminder.disabled).toBe(true);
    resolve({ domain: 'linkedin.com', path: null, text: 'My long intention', reminder: false, updatedAt: 1 });
    await waitFor(() => expect(box.value).toBe('My long intention'));
    expect(box.readOnly).toBe(false);
    expect(reminder.disabled).toBe(false);
    expect(api.saveNote).not.toHaveBeenCalled();
  });

  it('edits a note for this page only when asked', async () => {
    const { api } = fakeApi(stateFor('https://www.linkedin.com/in/ana-example/', null));
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'This page only' }));
    const box = screen.getByRole('textbox', { name: 'Your note' });
    fireEvent.input(box, { target: { value: 'Met at the meetup' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(api.saveNote).toHaveBeenCalledWith(
      expect.objectContaining({ domain: 'linkedin.com', path: '/in/ana-example/', text: 'Met at the meetup' }),
    );
  });

  it('names every control', async () => {
    render(<Popup api={fakeApi(stateFor('https://www.linkedin.com/feed/', null)).api} />);
    await screen.findByRole('heading', { level: 1 });
    for (const control of document.querySelectorAll('button, input')) {
      const named = control.closest('label')?.textContent || control.textContent || control.getAttribute('aria-label');
      expect(named?.trim(), control.outerHTML).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Settings and notes' }));
  });
});
