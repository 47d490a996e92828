import { beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLOR, badgeFor, showVerdict } from '../../src/background/badge';
import { startWorker } from '../../src/background/worker';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { setMessageSource } from '../../src/shared/i18n';
import { ask, fakeWorkerEnv, sendToWorker, tabSender } from '../helpers/fakeWorkerEnv';
import { messageSource } from '../helpers/locales';

beforeAll(() => setMessageSource(messageSource('en')));

const FEED = 'https://www.linkedin.com/feed/';
const MESSAGING = 'https://www.linkedin.com/messaging/';

function started(options?: Parameters<typeof fakeWorkerEnv>[0]) {
  const fake = fakeWorkerEnv(options);
  const worker = startWorker(fake.env);
  return { fake, worker };
}

/** A feature report from the content script in `tabId`, as the browser delivers it. */
function report(fake: ReturnType<typeof fakeWorkerEnv>, tabId: number, url: string) {
  return ask(fake, { type: 'page-features', features: extractFeatures(null, url) }, tabSender(tabId, url));
}

describe('badge', () => {
  it('names the label in the badge, its colour and a one-sentence tooltip', () => {
    const verdict = classify(extractFeatures(null, MESSAGING), {});
    const badge = badgeFor(verdict);
    expect(badge).toMatchObject({ text: 'NET', color: BADGE_COLOR.networking });
    expect(badge.title).toMatch(/LinkedIn/);
    expect(badgeFor(verdict, true).title).toMatch(/·/);
    expect(badgeFor(null)).toEqual({ text: '', color: BADGE_COLOR.none, title: expect.any(String) });
  });

  it('sets text, background, tooltip and white text on the tab it is for', async () => {
    const fake = fakeWorkerEnv();
    await showVerdict(fake.env.action, 4, classify(extractFeatures(null, FEED), {}));
    expect(fake.badges.get(4)).toMatchObject({ text: 'MED', color: BADGE_COLOR.media, textColor: '#FFFFFF' });
    expect(fake.badges.has(5)).toBe(false);
  });
});

describe('the worker, labeling tabs', () => {
  it('labels a reported page: badge, tooltip, state for the popup, and the time count', async () => {
    const { fake } = started();
    // The browser starts with tab 7 in front, in a focused window, the person at the keyboard.
    fake.windowState.activeTab = 7;
    await fake.events.onStartup.fire();
    expect(await report(fake, 7, FEED)).toEqual({});
    expect(fake.badges.get(7)).toMatchObject({ text: 'MED', color: BADGE_COLOR.media });
    const state = await ask(fake, { type: 'get-tab-state', tabId: 7 });
    expect(state).toMatchObject({ tabId: 7, url: FEED, domain: 'linkedin.com', verdict: { label: 'media' } });
    expect(state?.updatedAt).toBe(fake.env.now());
    expect(await ask(fake, { type: 'get-tab-state', tabId: 8 })).toBeNull();
    // The tab is counted under its label from now on.
    fake.advance(90_000);
    expect((await ask(fake, { type: 'get-usage-today', domain: 'linkedin.com' })).media).toBeGreaterThan(0);
  });

  it('refuses a report from another origin than the tab is on, and labels nothing', async () => {
    const { fake } = started();
    const answer = await sendToWorker(
      fake,
      { type: 'page-features', features: extractFeatures(null, FEED) },
      tabSender(7, 'https://evil.example/'),
    );
    expect(answer).toEqual({ ok: false, error: 'sender not allowed' });
    expect(fake.badges.has(7)).toBe(false);
    expect(await fake.session.all()).toEqual({});
  });

  it('refuses page messages from a content script', async () => {
    const { fake } = started();
    await report(fake, 7, FEED);
    const answer = await sendToWorker(fake, { type: 'get-tab-state', tabId: 7 }, tabSender(7, FEED));
    expect(answer).toEqual({ ok: false, error: 'sender not allowed' });
  });

  it("applies the site's preferences, and changing them relabels every open tab of the site", async () => {
    const { fake } = started();
    await report(fake, 1, FEED);
    await report(fake, 2, MESSAGING);
    await report(fake, 3, 'https://www.reddit.com/r/x/');
    const prefs = await ask(fake, {
      type: 'set-site-prefs',
      domain: 'linkedin.com',
      change: { override: 'networking' },
    });
    expect(prefs).toMatchObject({ labeling: true, override: 'networking' });
    expect(fake.badges.get(1)?.text).toBe('NET');
    expect(fake.badges.get(2)?.text).toBe('NET');
    expect(fake.badges.get(3)?.text).toBe('NET');
    expect((await ask(fake, { type: 'get-tab-state', tabId: 1 }))?.automatic.label).toBe('media');

    await ask(fake, { type: 'set-site-prefs', domain: 'linkedin.com', change: { labeling: false } });
    expect(fake.badges.get(1)?.text).toBe('');
    expect(fake.badges.get(3)?.text).toBe('NET');
    // A new report from the site keeps the choice: the worker's cached settings were dropped on the write.
    await report(fake, 1, FEED);
    expect(fake.badges.get(1)?.text).toBe('');
  });

  it('follows a change written by another part of the extension (the change event drops its cache)', async () => {
    const { fake } = started();
    await report(fake, 1, FEED);
    await fake.local.set({ sites: { 'linkedin.com': { labeling: true, override: 'networking' } } });
    await report(fake, 1, FEED);
    expect(fake.badges.get(1)?.text).toBe('NET');
  });

  it('adds the note to the tooltip of a site that has one', async () => {
    const { fake } = started();
    await ask(fake, {
      type: 'save-note',
      domain: 'linkedin.com',
      path: null,
      text: 'Only recruiters',
      reminder: false,
    });
    await report(fake, 1, FEED);
    expect(fake.badges.get(1)?.title).toMatch(/·/);
  });

  it('labels a custom site by its usual use, and the policy’s sites too', async () => {
    const { fake } = started({ managed: { customSites: [{ domain: 'corp.example', name: 'Corp', lean: 'media' }] } });
    await ask(fake, {
      type: 'save-custom-site',
      site: { domain: 'example.org', name: 'Example forum', lean: 'networking' },
    });
    await report(fake, 1, 'https://forum.example.org/t/1');
    expect(fake.badges.get(1)?.text).toBe('NET');
    await report(fake, 2, 'https://corp.example/feed');
    expect(fake.badges.get(2)?.text).toBe('MED');
  });

  it('forgets a closed tab, and a tab that starts loading counts as nothing until it reports', async () => {
    const { fake } = started();
    fake.windowState.activeTab = 1;
    await fake.events.onStartup.fire();
    await report(fake, 1, FEED);
    fake.advance(60_000);
    const before = (await ask(fake, { type: 'get-usage-today', domain: 'linkedin.com' })).total;
    expect(before).toBeGreaterThan(0);
    await fake.events.tabUpdated.fire(1, { status: 'loading' });
    fake.advance(120_000);
    expect((await ask(fake, { type: 'get-usage-today', domain: 'linkedin.com' })).total).toBe(before);
    await fake.events.tabRemoved.fire(1);
    expect(await ask(fake, { type: 'get-tab-state', tabId: 1 })).toBeNull();
  });

  it('checks a tab on demand with the any-site script, and says when it cannot reach the tab', async () => {
    const { fake } = started();
    expect(await ask(fake, { type: 'classify-tab', tabId: 5 })).toBe(true);
    expect(fake.injected).toEqual([{ tabId: 5, files: ['src/content/anySite.js'] }]);
    fake.closedTabs.add(6);
    expect(await ask(fake, { type: 'classify-tab', tabId: 6 })).toBe(false);
  });

  it('restricts storage.local and storage.sync to the extension at start, where the browser can', async () => {
    const { fake } = started();
    await fake.settle();
    expect(fake.accessLevels).toEqual([
      { area: 'local', accessLevel: 'TRUSTED_CONTEXTS' },
      { area: 'sync', accessLevel: 'TRUSTED_CONTEXTS' },
    ]);
  });

  it('opens the welcome page on a first install only', async () => {
    const { fake } = started();
    await fake.events.onInstalled.fire({ reason: 'update' });
    expect(fake.createdTabs).toEqual([]);
    await fake.events.onInstalled.fire({ reason: 'install' });
    expect(fake.createdTabs).toEqual([{ url: 'chrome-extension://ext-id/src/welcome/index.html', active: true }]);
  });
});
