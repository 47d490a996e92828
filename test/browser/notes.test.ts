import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '../../src/storage/transfer';
import { availableBrowsers, type BrowserHarness, type HarnessPage, poll } from './harness';
import { page as fixturePage } from './pages/fixtures';

/**
 * Notes in a real browser: written in the popup (opened over a LinkedIn feed tab, as from the toolbar) and kept
 * when the popup closes before its autosave; the in-page reminder (shown once per visit, dismissed with its
 * button, hidden in other tabs when switched off); a note made of markup shown as text everywhere; and an
 * import of a broken or foreign file that changes nothing.
 */

const FEED_URL = 'https://www.linkedin.com/feed/';
const FEED_HTML = fixturePage('linkedin-feed.html');
const FEED_TITLE = 'Feed | LinkedIn';
const NOTE_KEY = 'note:linkedin.com';

const NOTE_TEXT = 'Only to answer recruiters, then close the tab.';
const PAYLOAD = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;

const NOTE_BOX = '#note-text';
const REMINDER_SWITCH = '[data-testid="note-editor"] input[role="switch"]';
const REMINDER_TAG = 'reach-or-relate-reminder';
/** The popup's autosave delay (AUTOSAVE_DELAY_MS in src/popup/NoteEditor.tsx). */
const AUTOSAVE_DELAY_MS = 700;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StoredNote {
  domain: string;
  path: string | null;
  text: string;
  reminder: boolean;
}

/**
 * Where the reminder shows, found by hit-testing. Its shadow root is closed, so nothing inside it can be
 * selected, and the host's own box is empty (0 x 0 in both browsers: an inline element whose only content is
 * a fixed-position box, which is also why it cannot move the page). But `elementFromPoint` answers with the
 * host for any point of what it shows. The box is fixed 16 px from the viewport's bottom-right corner
 * (src/content/reminder.ts); starting 12 px inside that corner (past the rounded corner), the scan walks out to
 * the box's edges. Serialized into the page: self-contained.
 */
function reminderArea(tag: string) {
  const host = document.querySelector(tag);
  if (!host) return null;
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  const hit = (x: number, y: number) => document.elementFromPoint(x, y) === host;
  const x = width - 16 - 12;
  const y = height - 16 - 12;
  if (!hit(x, y)) return { visible: false, checkVisibility: host.checkVisibility(), box: null };
  let top = y;
  while (top > 0 && hit(x, top - 1)) top--;
  let left = x;
  while (left > 0 && hit(left - 1, y)) left--;
  let right = x;
  while (right < width - 1 && hit(right + 1, y)) right++;
  let bottom = y;
  while (bottom < height - 1 && hit(x, bottom + 1)) bottom++;
  return {
    visible: true,
    checkVisibility: host.checkVisibility(),
    box: { left, top, right: right + 1, bottom: bottom + 1, viewportWidth: width, viewportHeight: height },
  };
}

/** The page's own layout: the main element's box and the document's scroll size. Self-contained. */
function layout() {
  const main = document.querySelector('main')?.getBoundingClientRect();
  return {
    main: main ? { x: main.x, y: main.y, width: main.width, height: main.height } : null,
    body: document.body.getBoundingClientRect().height,
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
  };
}

/** What the note's markup, parsed as HTML, would leave behind in a document. Self-contained. */
function markupTraces(marker: string) {
  return {
    title: document.title,
    images: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes(marker)).length,
  };
}

for (const browser of availableBrowsers()) {
  (browser.available ? describe : describe.skip)(`${browser.name}: notes and reminders`, () => {
    let harness: BrowserHarness;
    let feed: HarnessPage;

    beforeAll(async () => {
      harness = await browser.launch();
      harness.serve(FEED_URL, FEED_HTML);
      feed = await harness.open(FEED_URL);
      const badge = await harness.waitForBadge(feed, 'MED', 10_000);
      if (badge !== 'MED') throw new Error(`${FEED_URL} is badged "${badge}"`);
    });

    afterAll(async () => {
      await harness?.close();
    });

    const storedNote = () =>
      harness.evaluateInExtension(
        async (key) => (await chrome.storage.local.get(key))[key] as StoredNote | undefined,
        NOTE_KEY,
      );

    /**
     * Makes the stored site note `text` with the reminder `reminder`, unless it already is: what the tests before
     * leave behind, written straight to storage when a test runs alone or after one that failed.
     */
    async function ensureNote(text: string, reminder: boolean): Promise<void> {
      const note = await storedNote();
      if (note?.text === text && note.reminder === reminder) return;
      await harness.evaluateInExtension((item) => chrome.storage.local.set({ [item.key]: item.note }), {
        key: NOTE_KEY,
        note: { domain: 'linkedin.com', path: null, text, reminder, updatedAt: Date.now() },
      });
    }

    /** The popup over `tab`, once its note editor shows the stored note (`text`). */
    async function popupFor(tab: HarnessPage, text: string): Promise<HarnessPage> {
      const popup = await harness.popupPageFor(tab);
      const shown = await poll(
        () => popup.evaluate((s) => document.querySelector<HTMLTextAreaElement>(s)?.value ?? null, NOTE_BOX),
        (value) => value === text,
        5_000,
        50,
      );
      expect(shown, 'the note in the popup').toBe(text);
      return popup;
    }

    /** Clicks the popup's reminder switch and waits for the note to be stored with the reminder `on`. */
    async function switchReminder(popup: HarnessPage, on: boolean): Promise<StoredNote | undefined> {
      await popup.bringToFront();
      expect(await popup.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.checked, REMINDER_SWITCH)).toBe(
        !on,
      );
      await popup.click(REMINDER_SWITCH);
      return poll(storedNote, (note) => note?.reminder === on, 5_000, 50);
    }

    const reminderOf = (page: HarnessPage) => page.evaluate(reminderArea, REMINDER_TAG);
    const waitForReminder = (page: HarnessPage) =>
      poll(
        () => reminderOf(page),
        (area) => area?.visible === true,
        5_000,
        50,
      );
    const reminderGone = (page: HarnessPage) =>
      poll(() => page.evaluate((tag) => document.querySelector(tag) === null, REMINDER_TAG), Boolean, 5_000, 50);

    it('keeps a note when the popup closes before its autosave', async () => {
      expect(await storedNote()).toBeUndefined();
      const popup = await popupFor(feed, '');
      await popup.bringToFront();
      await popup.focus(NOTE_BOX);
      await popup.type(NOTE_TEXT);
      const typed = Date.now();
      // Still pending: the autosave has not run, so what follows is the close path's save.
      const pending = {
        status: await popup.textContent('#note-status'),
        stored: await storedNote(),
      };
      await popup.close();
      const closedAfter = Date.now() - typed;
      expect(pending).toEqual({ status: 'Saving…', stored: undefined });
      expect(closedAfter, 'the popup closed before its autosave').toBeLessThan(AUTOSAVE_DELAY_MS);

      const saved = await poll(storedNote, (note) => note !== undefined, 5_000, 50);
      expect(saved).toMatchObject({ domain: 'linkedin.com', path: null, text: NOTE_TEXT, reminder: false });

      const again = await popupFor(feed, NOTE_TEXT);
      expect(await again.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.checked, REMINDER_SWITCH)).toBe(
        false,
      );
      await again.close();
    });

    it('reminds once per visit without moving the page, and hides the reminder when it is switched off', async () => {
      await ensureNote(NOTE_TEXT, false);
      await feed.bringToFront();
      const before = await feed.evaluate(layout);
      expect(await feed.evaluate((tag) => document.querySelector(tag) !== null, REMINDER_TAG)).toBe(false);

      const popup = await popupFor(feed, NOTE_TEXT);
      expect(await switchReminder(popup, true)).toMatchObject({ text: NOTE_TEXT, reminder: true });
      await popup.close();

      // The site opened again in the tab: a new visit's first report brings the reminder.
      await feed.bringToFront();
      await feed.reload();
      const shown = await waitForReminder(feed);
      expect(shown?.visible, 'the reminder is in the bottom-right corner').toBe(true);
      expect(shown?.checkVisibility).toBe(true);
      const box = shown?.box;
      if (!box) throw new Error('no reminder box');
      expect(box.right - box.left).toBeGreaterThan(50);
      expect(box.bottom - box.top).toBeGreaterThan(20);
      expect(box.viewportWidth - box.right).toBe(16);
      expect(box.viewportHeight - box.bottom).toBe(16);
      expect(await feed.evaluate(layout), 'the page laid out as without the reminder').toEqual(before);
      if (browser.name === 'chromium') {
        const content = await feed.closedShadowContent?.(REMINDER_TAG);
        expect(content?.elements).toEqual(['style', 'div', 'p', 'button']);
        // No text nodes: the words are CSS generated content, which the page's find cannot search
        // (src/content/reminder.ts); the accessibility tree still has them.
        expect(content?.texts).toEqual([]);
        const read = (await feed.accessibleTexts?.()) ?? [];
        expect(read).toContain(NOTE_TEXT);
        expect(read).toContain('Got it');
      }

      // "Got it": the button sits in the box's top-right corner, inside its 1 px border and 12 px padding
      // (align-items: start). The click lands 6 px inside the button's own corner.
      await feed.clickAt(box.right - 13 - 6, box.top + 13 + 6);
      expect(await reminderGone(feed), 'the reminder left after "Got it"').toBe(true);
      expect(await feed.evaluate(layout)).toEqual(before);

      // Reloaded in the same tab: the same visit, no reminder. Wait for the new document's report to be answered.
      const tabId = await harness.tabIdOf(feed);
      const reloaded = Date.now();
      await feed.reload();
      const reported = await poll(
        async () => (await harness.tabStates()).get(tabId)?.updatedAt ?? 0,
        (at) => at >= reloaded,
        5_000,
        50,
      );
      expect(reported).toBeGreaterThanOrEqual(reloaded);
      await delay(500);
      expect(await feed.evaluate((tag) => document.querySelector(tag) !== null, REMINDER_TAG), 'reminded twice').toBe(
        false,
      );

      // A second tab of the site is a visit of its own: reminded. Switching the reminder off in the popup over
      // the first tab takes it away from the second at once.
      const second = await harness.open(FEED_URL);
      expect((await waitForReminder(second))?.visible).toBe(true);
      const off = await popupFor(feed, NOTE_TEXT);
      expect(await switchReminder(off, false)).toMatchObject({ text: NOTE_TEXT, reminder: false });
      expect(await reminderGone(second), 'the other tab dropped its reminder').toBe(true);
      await off.close();
      await second.close();
    });

    it('shows a note made of markup as text in the popup, the options page and the reminder', async () => {
      await ensureNote(NOTE_TEXT, false);
      const popup = await popupFor(feed, NOTE_TEXT);
      await popup.bringToFront();
      await popup.focus(NOTE_BOX);
      await popup.evaluate((s) => document.querySelector<HTMLTextAreaElement>(s)?.select(), NOTE_BOX);
      await popup.type(PAYLOAD);
      // The switch saves at once, with the text typed.
      expect(await switchReminder(popup, true)).toMatchObject({ text: PAYLOAD, reminder: true });
      await popup.close();

      const reopened = await popupFor(feed, PAYLOAD);
      await delay(300);
      expect(await reopened.evaluate(markupTraces, 'pwned')).toEqual({
        title: 'Reach or Relate',
        images: 0,
        handlers: 0,
        scripts: 0,
      });
      await reopened.close();

      const options = await harness.open(`${harness.extensionOrigin}/src/options/index.html`);
      const listed = await poll(
        () =>
          options.evaluate(() =>
            [...document.querySelectorAll('#notes li.item')]
              .filter((item) => item.querySelector('.item__title')?.textContent === 'linkedin.com')
              .map((item) => item.querySelector('.item__text')?.textContent ?? null),
          ),
        (texts) => texts.length > 0,
        5_000,
        50,
      );
      expect(listed).toEqual([PAYLOAD]);
      await delay(300);
      const optionsTraces = await options.evaluate(markupTraces, 'pwned');
      expect(optionsTraces.title).not.toBe('pwned');
      expect(optionsTraces).toMatchObject({ images: 0, handlers: 0, scripts: 0 });
      await options.close();

      // The reminder, in a new tab (a visit of its own).
      const tab = await harness.open(FEED_URL);
      expect((await waitForReminder(tab))?.visible).toBe(true);
      await delay(500);
      // Markup parsed as HTML anywhere, even inside the closed shadow root, would have run its handler in the
      // page (an inline handler runs in the page's world), or at least asked for its image (/x).
      expect(await tab.evaluate(markupTraces, 'pwned')).toEqual({
        title: FEED_TITLE,
        images: 0,
        handlers: 0,
        scripts: 0,
      });
      if (browser.name === 'chromium') {
        const content = await tab.closedShadowContent?.(REMINDER_TAG);
        expect(content?.elements).toEqual(['style', 'div', 'p', 'button']);
        expect(content?.texts).toEqual([]);
        // Shown as the text it is: the markup's characters, one piece of text.
        expect((await tab.accessibleTexts?.()) ?? []).toContain(PAYLOAD);
      }
      const imageRequests = harness.requests.filter((request) => /\/x(?:$|[?#])/.test(request.url));
      expect(imageRequests.map((request) => request.url)).toEqual([]);
      await tab.close();
    });

    it('changes nothing when the import file is broken or not an export', async () => {
      if (!(await storedNote())) await ensureNote(PAYLOAD, true);
      const options = await harness.open(`${harness.extensionOrigin}/src/options/index.html`);
      await poll(() => options.evaluate(() => document.querySelector('#import-file') !== null), Boolean, 5_000, 50);
      /** Everything an import could touch. Time accounting (`usage*`) goes on by itself in the open tabs. */
      const snapshot = () =>
        options.evaluate(async () => {
          const local = await chrome.storage.local.get(null);
          for (const key of Object.keys(local)) if (key.startsWith('usage')) delete local[key];
          const sync = await chrome.storage.sync.get(null).catch((error: Error) => ({ unreadable: error.message }));
          return { local, sync };
        });
      const before = await snapshot();
      expect(before.local[NOTE_KEY], 'there is data to lose').toBeDefined();

      const valid = JSON.stringify({
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        exportedAt: Date.now(),
        notes: [{ domain: 'linkedin.com', path: null, text: 'Imported over the note', reminder: false }],
      });
      const files = [
        {
          name: 'reach-or-relate-2025-11-25.json',
          // An export cut off in the middle, as a failed download leaves it.
          contents: valid.slice(0, Math.floor(valid.length * 0.6)),
          message: 'Nothing was imported. This file is not JSON, so it is not a Reach or Relate export.',
        },
        {
          name: 'settings.json',
          contents: '{"hello":"world"}',
          message: 'Nothing was imported. This is not a Reach or Relate export: it names no format.',
        },
      ];
      for (const file of files) {
        await options.setInputFiles('#import-file', [
          { name: file.name, mimeType: 'application/json', contents: file.contents },
        ]);
        const alert = await poll(
          () => options.textContent('.import [role="alert"]'),
          (text) => Boolean(text),
          5_000,
          50,
        );
        expect(alert, file.name).toBe(file.message);
        // No plan and so no Import button: nothing to apply.
        expect(await options.evaluate(() => document.querySelectorAll('.import button').length)).toBe(0);
        // Nor does the worker apply it when asked directly: it reads the file again itself.
        const reply = await options.evaluate(
          (text) => chrome.runtime.sendMessage({ type: 'apply-import', text }),
          file.contents,
        );
        expect(reply).toMatchObject({ ok: false });
        expect(await snapshot(), `storage after ${file.name}`).toEqual(before);
      }
      await options.close();
    });
  });
}
