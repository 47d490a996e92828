import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { createDispatcher, type Handlers } from '../../src/background/dispatch';
import { isExtensionPage, type SenderEnv, trustedTabSender } from '../../src/background/senders';
import { extractFeatures } from '../../src/core/features';
import { PROTOCOL } from '../../src/shared/messages';
import { createSend, MessageRefused } from '../../src/shared/send';

const ENV: SenderEnv = { id: 'ext-id', pagesUrl: 'chrome-extension://ext-id/' };
const FEED = 'https://www.linkedin.com/feed/';
const features = extractFeatures(null, FEED);

const popup: Runtime.MessageSender = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };
/** The options page open in a tab: extension pages in tabs carry `tab` too. */
const optionsTab: Runtime.MessageSender = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/src/options/index.html',
  tab: { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  frameId: 0,
};
const contentScript = (url = FEED, frameId = 0, id = 'ext-id'): Runtime.MessageSender => ({
  id,
  url,
  frameId,
  tab: { id: 9, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
});

function fakeHandlers(): Handlers {
  const handlers: Record<string, unknown> = {};
  for (const type of Object.keys(PROTOCOL)) handlers[type] = vi.fn(async () => `reply of ${type}`);
  return handlers as unknown as Handlers;
}

describe('sender checks', () => {
  it('trusts a feature report only from its own content script, top frame, same origin as the report', () => {
    expect(trustedTabSender(ENV, contentScript(), FEED)).toBe(9);
    // history.replaceState can change the path of the reported URL, never its origin.
    expect(trustedTabSender(ENV, contentScript('https://www.linkedin.com/in/ana/'), FEED)).toBe(9);
    expect(trustedTabSender(ENV, contentScript('https://evil.example/'), FEED)).toBeNull();
    expect(trustedTabSender(ENV, contentScript(FEED, 2), FEED)).toBeNull();
    expect(trustedTabSender(ENV, contentScript(FEED, 0, 'other-extension'), FEED)).toBeNull();
    expect(trustedTabSender(ENV, { ...contentScript(), tab: undefined }, FEED)).toBeNull();
    expect(trustedTabSender(ENV, contentScript(), 'not a url')).toBeNull();
    expect(trustedTabSender(ENV, popup, FEED)).toBeNull();
  });

  it("accepts page messages from the extension's own pages only, in a tab or not", () => {
    expect(isExtensionPage(ENV, popup)).toBe(true);
    expect(isExtensionPage(ENV, optionsTab)).toBe(true);
    expect(isExtensionPage(ENV, contentScript())).toBe(false);
    expect(isExtensionPage(ENV, { ...popup, id: 'other-extension' })).toBe(false);
    expect(isExtensionPage(ENV, { id: 'ext-id' })).toBe(false);
    expect(isExtensionPage(ENV, { ...popup, url: 'chrome-extension://other-extension/x.html' })).toBe(false);
  });
});

describe('dispatcher', () => {
  it('answers every accepted message with { ok: true, value } from its handler', async () => {
    const handlers = fakeHandlers();
    const dispatch = createDispatcher(ENV, handlers);
    expect(await dispatch({ type: 'get-tab-state', tabId: 4 }, popup)).toEqual({
      ok: true,
      value: 'reply of get-tab-state',
    });
    expect(handlers['get-tab-state']).toHaveBeenCalledWith({ type: 'get-tab-state', tabId: 4 });
    expect(await dispatch({ type: 'page-features', features }, contentScript())).toEqual({
      ok: true,
      value: 'reply of page-features',
    });
    expect(handlers['page-features']).toHaveBeenCalledWith({ type: 'page-features', features }, 9);
  });

  it('refuses with a reason, never with undefined, and runs no handler', async () => {
    const handlers = fakeHandlers();
    const dispatch = createDispatcher(ENV, handlers);
    const refusals: Array<[unknown, Runtime.MessageSender, RegExp]> = [
      [null, popup, /not a message/],
      [{ type: 'nope' }, popup, /unknown message type/],
      [{ type: 'toString' }, popup, /unknown message type/],
      [{ type: 'get-tab-state', tabId: -1 }, popup, /invalid get-tab-state: tabId/],
      [
        { type: 'save-note', domain: 'linkedin.com', path: null, text: 'x'.repeat(2001), reminder: false },
        popup,
        /2001/,
      ],
      // A content script may report features, never write settings or read other tabs.
      [{ type: 'set-settings', change: { sync: true } }, contentScript(), /sender not allowed/],
      [{ type: 'get-tab-state', tabId: 1 }, contentScript(), /sender not allowed/],
      // And a page cannot forge a feature report.
      [{ type: 'page-features', features }, popup, /sender not allowed/],
      [{ type: 'page-features', features }, contentScript('https://evil.example/'), /sender not allowed/],
    ];
    for (const [message, sender, reason] of refusals) {
      const answer = await dispatch(message, sender);
      expect(answer, JSON.stringify(message)?.slice(0, 60)).toMatchObject({ ok: false });
      expect(answer.ok === false && answer.error).toMatch(reason);
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler that throws into a refusal carrying its message', async () => {
    const handlers = fakeHandlers();
    handlers['delete-backup'] = async () => {
      throw new TypeError('Not a backup key');
    };
    const dispatch = createDispatcher(ENV, handlers);
    expect(await dispatch({ type: 'delete-backup', key: 'backup:x:1' }, popup)).toEqual({
      ok: false,
      error: 'Not a backup key',
    });
  });
});

describe('send', () => {
  it("resolves to the handler's reply and rejects a refusal with its reason", async () => {
    const dispatch = createDispatcher(ENV, fakeHandlers());
    const send = createSend((message) => dispatch(message, popup));
    await expect(send({ type: 'classify-tab', tabId: 2 })).resolves.toBe('reply of classify-tab');
    const refused = send({ type: 'classify-tab', tabId: -2 });
    await expect(refused).rejects.toBeInstanceOf(MessageRefused);
    await expect(refused).rejects.toThrow(/tabId/);
  });

  it('treats no answer at all as a refusal', async () => {
    const send = createSend(async () => undefined);
    await expect(send({ type: 'delete-usage' })).rejects.toThrow(/no answer/);
  });
});
