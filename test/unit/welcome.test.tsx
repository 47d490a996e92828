// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opensWelcome, openWelcome, WELCOME_PAGE } from '../../src/background/welcome';
import { applyDocumentLocale } from '../../src/shared/documentLocale';
import { setMessageSource } from '../../src/shared/i18n';
import { SiteAccessBox } from '../../src/welcome/SiteAccessBox';
import { missingOrigins, missingSiteAccess, requiredOrigins } from '../../src/welcome/siteAccess';
import { Welcome } from '../../src/welcome/Welcome';
import type { BrowserKind, WelcomeApi } from '../../src/welcome/welcomeApi';
import { messageSource } from '../helpers/locales';

beforeEach(() => setMessageSource(messageSource('en')));
afterEach(cleanup);

const MANIFEST = {
  content_scripts: [
    { matches: ['https://*.linkedin.com/*', 'https://*.reddit.com/*'] },
    { matches: ['https://*.reddit.com/*', 'https://mastodon.social/*'] },
  ],
};
const REQUIRED = ['https://*.linkedin.com/*', 'https://*.reddit.com/*', 'https://mastodon.social/*'];

/** `permissions` answering as a browser did (see siteAccess.ts for what each one was measured to say). */
function permissions(contains: boolean, granted: string[]) {
  const asked: string[][] = [];
  return {
    asked,
    contains: async ({ origins }: { origins: string[] }) => {
      asked.push(origins);
      return contains;
    },
    getAll: async () => ({ origins: granted }),
  };
}

describe('the welcome opens on a first install only', () => {
  it.each([
    ['install', true],
    ['update', false],
    ['chrome_update', false],
    ['browser_update', false],
    ['shared_module_update', false],
  ] as const)('reason %s: %s', async (reason, opens) => {
    expect(opensWelcome({ reason })).toBe(opens);
    const created: Array<{ url?: string; active?: boolean }> = [];
    const api = {
      tabs: {
        create: async (props: { url?: string; active?: boolean }) => {
          created.push(props);
          return {} as never;
        },
      },
      runtime: { getURL: (path: string) => `chrome-extension://abc/${path}` },
    };
    expect(await openWelcome({ reason }, api)).toBe(opens);
    expect(created).toEqual(opens ? [{ url: `chrome-extension://abc/${WELCOME_PAGE}`, active: true }] : []);
  });
});

describe('site access: whether the required hosts are missing', () => {
  it('takes every content script and host permission pattern once', () => {
    expect(requiredOrigins({ ...MANIFEST, host_permissions: ['https://lemmy.world/*'] })).toEqual([
      'https://lemmy.world/*',
      ...REQUIRED,
    ]);
    expect(requiredOrigins({})).toEqual([]);
  });

  it('Chromium: contains says no for content-script hosts, but they are granted: nothing missing', async () => {
    const chromium = permissions(false, [...REQUIRED, 'https://*.example.org/*']);
    expect(await missingSiteAccess(chromium, MANIFEST)).toEqual([]);
    expect(chromium.asked).toEqual([REQUIRED]);
  });

  it('Firefox, access declined: every host missing', async () => {
    expect(await missingSiteAccess(permissions(false, []), MANIFEST)).toEqual(REQUIRED);
  });

  it('Firefox, access granted: contains says yes', async () => {
    expect(await missingSiteAccess(permissions(true, []), MANIFEST)).toEqual([]);
  });

  it('some hosts withheld: those', async () => {
    expect(await missingSiteAccess(permissions(false, ['https://*.reddit.com/*']), MANIFEST)).toEqual([
      'https://*.linkedin.com/*',
      'https://mastodon.social/*',
    ]);
  });

  it('<all_urls> granted covers them all', () => {
    expect(missingOrigins(REQUIRED, ['<all_urls>'])).toEqual([]);
  });

  it('nothing required: nothing missing, nothing asked', async () => {
    const none = permissions(false, []);
    expect(await missingSiteAccess(none, {})).toEqual([]);
    expect(none.asked).toEqual([]);
  });
});

interface FakeOptions {
  kind?: BrowserKind;
  shortcut?: string | null;
  missing?: string[];
  grant?: boolean;
}

function fakeApi({ kind = 'firefox', shortcut = 'Alt+Shift+K', missing = [], grant = true }: FakeOptions = {}) {
  const state = { missing: [...missing], requests: 0, listeners: new Set<() => void>() };
  const api: WelcomeApi = {
    browserKind: async () => kind,
    shortcut: async () => shortcut,
    missingSiteAccess: async () => [...state.missing],
    requestSiteAccess() {
      state.requests++;
      if (grant) state.missing = [];
      return Promise.resolve(grant);
    },
    onPermissionsChange(callback) {
      state.listeners.add(callback);
      return () => state.listeners.delete(callback);
    },
    optionsUrl: (section) => `moz-extension://x/src/options/index.html#${section}`,
    balanceUrl: () => 'moz-extension://x/src/balancePage/index.html',
  };
  return { api, state };
}

describe('the site-access box', () => {
  it('shows nothing when access is there', async () => {
    const { api } = fakeApi({ missing: [] });
    const { container } = render(<SiteAccessBox api={api} />);
    await act(async () => {});
    expect(container.innerHTML).toBe('');
  });

  it('asks from the click itself, then says access is allowed and takes focus there', async () => {
    const { api, state } = fakeApi({ missing: REQUIRED });
    render(<SiteAccessBox api={api} />);
    const button = await screen.findByRole('button', { name: 'Allow access to the social sites' });
    fireEvent.click(button);
    // Synchronously within the click: Firefox shows the prompt only for a user gesture.
    expect(state.requests).toBe(1);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Access allowed: social pages you open from now on are labeled.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('declined again: says so and keeps the button', async () => {
    const { api } = fakeApi({ missing: REQUIRED, grant: false });
    render(<SiteAccessBox api={api} />);
    fireEvent.click(await screen.findByRole('button'));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Access was not allowed/);
    expect(screen.getByRole('button', { name: 'Allow access to the social sites' })).toBeTruthy();
  });

  it('granted from the browser menu while open: says so', async () => {
    const { api, state } = fakeApi({ missing: REQUIRED });
    render(<SiteAccessBox api={api} />);
    await screen.findByRole('button');
    state.missing = [];
    await act(async () => {
      for (const listener of state.listeners) listener();
    });
    expect((await screen.findByRole('status')).textContent).toMatch(/^Access allowed/);
  });
});

describe('the welcome page', () => {
  it('Chrome: pin in the puzzle-piece menu, the shortcut and where to change it, no access box', async () => {
    const { api } = fakeApi({ kind: 'chrome' });
    render(<Welcome api={api} />);
    expect((await screen.findByTestId('pin')).textContent).toMatch(/puzzle-piece button right of the address bar/);
    expect((await screen.findByTestId('shortcut')).textContent).toBe(
      "To open the button's popup for the page in front of you, press Alt+Shift+K",
    );
    expect(screen.getByText('To change it, open chrome://extensions/shortcuts.')).toBeTruthy();
    expect(screen.queryByTestId('site-access')).toBeNull();
    expect(screen.getByRole('link', { name: 'Your balance' }).getAttribute('href')).toMatch(
      /\/src\/balancePage\/index\.html$/,
    );
  });

  it('an unassigned shortcut says so', async () => {
    const { api } = fakeApi({ kind: 'firefox', shortcut: '' });
    render(<Welcome api={api} />);
    expect((await screen.findByTestId('shortcut')).textContent).toMatch(/^No shortcut is set/);
  });

  it('Firefox for Android: the menu instead of pinning, and no keyboard shortcut', async () => {
    const { api } = fakeApi({ kind: 'firefox-android', shortcut: null });
    render(<Welcome api={api} />);
    expect((await screen.findByTestId('pin')).textContent).toMatch(/^In Firefox for Android/);
    expect(screen.queryByTestId('shortcut')).toBeNull();
  });

  it('in German, with lang and dir from the catalogue', async () => {
    setMessageSource(messageSource('de'));
    applyDocumentLocale();
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['de', 'ltr']);
    const { api } = fakeApi({ kind: 'chrome', missing: REQUIRED });
    render(<Welcome api={api} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Willkommen bei Reach or Relate');
    expect(await screen.findByRole('button', { name: 'Zugriff auf die sozialen Websites erlauben' })).toBeTruthy();
    expect(screen.getByTestId('badge-media').textContent).toMatch(/^MEDSocial Media \(orange\):/);
  });
});
