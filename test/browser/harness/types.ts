/**
 * What a browser test needs from a real browser with the built extension loaded, the same for Chromium
 * (Playwright over CDP) and Firefox (Puppeteer over WebDriver BiDi).
 */

export type BrowserName = 'chromium' | 'firefox';

/** A page served instead of the network at its real URL. */
export interface Fixture {
  body: string | Uint8Array;
  /** Defaults to `text/html; charset=utf-8`. */
  contentType?: string;
  /** Defaults to 200. */
  status?: number;
}

/**
 * One request the browser made. `fromExtension` is true when the extension's worker or background page, or one
 * of its own pages, made it; false when a web page made it (a content script's requests count as the page's:
 * no browser tells them apart); null when the harness cannot tell, which is every request that got past request
 * interception and reached the harness's blocking proxy.
 */
export interface RequestRecord {
  url: string;
  fromExtension: boolean | null;
  /** The URL of the page or worker that made the request, when known. */
  initiator: string | null;
  /**
   * `served`: answered with a registered fixture. `extension`: an extension-internal resource
   * (chrome-extension:, moz-extension:) left to the browser. `aborted`: blocked by interception. `escaped`: not
   * seen by interception and refused by the blocking proxy (the URL is then `https://host:port` only, from the
   * proxy's CONNECT request).
   */
  outcome: 'served' | 'extension' | 'aborted' | 'escaped';
}

/** The little of a tab that the tests use, whichever automation library drives it. */
export interface HarnessPage {
  url(): string;
  /** The text of the first element matching `selector`, or null when there is none. */
  textContent(selector: string): Promise<string | null>;
  /** Runs `fn` in the page (serialized: it must not close over anything). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs a whole script (a library bundle, say) in the page's main world, as the automation protocol's own
   * evaluation: not subject to the page's Content-Security-Policy, which forbids inline scripts and `eval` in
   * extension pages.
   */
  runScript(source: string): Promise<void>;
  /** Navigates the tab to `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Clicks the first element matching `selector` with the automation's trusted input (a user gesture). */
  click(selector: string): Promise<void>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
  /** Loads the tab's document again and waits for its load event. */
  reload(): Promise<void>;
  /** Focuses the first element matching `selector`. */
  focus(selector: string): Promise<void>;
  /**
   * Types `text` into the focused element with the automation's trusted key events (keydown, keypress, input,
   * keyup for each character), waiting `delay` milliseconds between keys.
   */
  type(text: string, options?: { delay?: number }): Promise<void>;
  /** Presses and releases one key on the focused element: a `KeyboardEvent.key` value such as `Enter`. */
  press(key: string): Promise<void>;
  /**
   * Clicks at a point of the viewport, in CSS pixels, with the automation's trusted mouse input: for what no
   * selector reaches, such as a button in a closed shadow root.
   */
  clickAt(x: number, y: number): Promise<void>;
  /** Turns the mouse wheel by these CSS pixels where the pointer is, with the automation's trusted input. */
  wheel(deltaX: number, deltaY: number): Promise<void>;
  /** Gives the file input matching `selector` these files, as a user choosing them would (input and change fire). */
  setInputFiles(selector: string, files: readonly FileUpload[]): Promise<void>;
  /**
   * Chromium only (CDP's DOM domain pierces closed shadow roots; nothing in WebDriver BiDi does): the element
   * names and the text inside the shadow root of the first element named `hostTag`, or null when there is none.
   */
  closedShadowContent?(hostTag: string): Promise<ShadowContent | null>;
  /**
   * Chromium only (CDP reaches every JavaScript world of a page): evaluates `expression` in the extension's
   * content script's isolated world, as that script would, and returns its value (a promise is awaited).
   */
  evaluateInContentScript?(expression: string): Promise<unknown>;
  /**
   * Chromium only: the text a screen reader gets from the page, from the browser's accessibility tree (which
   * is built from what is rendered, closed shadow roots and CSS generated content included): the names of
   * its static text and buttons.
   */
  accessibleTexts?(): Promise<string[]>;
  /** Sets the viewport to `width` x `height` CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
  /**
   * Chromium only (CDP's Emulation domain): the page gets a touch screen as its primary pointer, as on a phone:
   * `(pointer: coarse)` and `(hover: none)` match, and touch events are offered.
   */
  emulateTouch?(): Promise<void>;
  /**
   * Saves a PNG of the page `width` CSS pixels wide (from the left edge) and as tall as the document, sizing the
   * viewport to that first.
   */
  screenshot(path: string, options: { width: number }): Promise<void>;
  close(): Promise<void>;
}

/** A file handed to a file input. */
export interface FileUpload {
  name: string;
  mimeType: string;
  contents: string | Uint8Array;
}

/** What a shadow root holds, read from outside whatever its mode. */
export interface ShadowContent {
  /** The local names of its elements, in document order. */
  elements: string[];
  /** Its text nodes' text, in document order, outside `<style>`. */
  texts: string[];
}

/** The action's popup as the browser opened it over a tab (not a page in a tab of its own). */
export interface ActionPopup {
  readonly url: string;
  /** The text of the first element matching `selector` in the popup, or null when there is none. */
  textContent(selector: string): Promise<string | null>;
  /**
   * Clicks the first element matching `selector` in the popup. Chromium marks the click as the user's (CDP's
   * `userGesture`), which APIs such as `permissions.request` need; Firefox's is a script's click.
   */
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

export interface BackgroundStatus {
  running: boolean;
  /** The service worker's script URL (Chromium) or the background page's URL (Firefox). */
  url: string | null;
}

/** The per-tab state the extension keeps in `storage.session` under `tab:<tabId>`. */
export interface StoredTabState {
  tabId: number;
  url: string;
  verdict: { label: string; [key: string]: unknown };
  updatedAt: number;
}

export interface BrowserHarness {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  readonly extensionOrigin: string;
  /** Every request seen so far, in order. */
  readonly requests: readonly RequestRecord[];

  /** Serves `fixture` at `url` (exact match, fragment ignored) from now on; every other web request is aborted. */
  serve(url: string, fixture: Fixture | string): void;
  /** Opens `url` in a new tab and waits for its load event. */
  open(url: string): Promise<HarnessPage>;
  /** The extension's tab id for `page` (brings the page to the front). */
  tabIdOf(page: HarnessPage): Promise<number>;
  /** The action badge text the extension set for `tabId`. */
  badgeText(tabId: number): Promise<string>;
  /** Polls the badge of `page`'s tab until it reads `expected`; returns the last text read either way. */
  waitForBadge(page: HarnessPage, expected: string, timeoutMs?: number): Promise<string>;
  /** The `tab:*` entries of the extension's `storage.session`, keyed by tab id. */
  tabStates(): Promise<Map<number, StoredTabState>>;
  /**
   * Runs `fn` with the extension's privileges: in the service worker (Chromium) or in an extension page kept
   * open in a tab of its own (Firefox). Use the `chrome` namespace: both browsers provide it with promises in MV3.
   */
  evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Whether the extension's background context is up. */
  background(): Promise<BackgroundStatus>;
  /** Opens the action popup's page (`src/popup/index.html`) in a tab. */
  popupPage(): Promise<HarnessPage>;
  /**
   * Opens the popup's page in a background tab of `page`'s window while `page` stays the active tab there, so
   * that the popup, which describes the active tab of its window, describes `page` as it would over the toolbar.
   */
  popupPageFor(page: HarnessPage): Promise<HarnessPage>;
  /**
   * Opens the extension's page at `path` the same way: in a background tab of `page`'s window, `page` staying
   * the active tab, as the side panel sees the tab beside it.
   */
  extensionPageFor(page: HarnessPage, path: string): Promise<HarnessPage>;
  /**
   * Opens the action's real popup over `page`'s tab, as close to a toolbar click as the browser lets automation
   * come. Chromium: CDP `Extensions.triggerAction` runs the action the way a click does, granting `activeTab` for
   * the tab. Firefox: `action.openPopup()` (allowed without a user gesture by a preference) opens the same popup
   * but grants no `activeTab`: Firefox grants it only to a real click on its toolbar.
   */
  openActionPopup(page: HarnessPage): Promise<ActionPopup>;
  /** Whether opening the action popup grants `activeTab` for the tab, as a real toolbar click does. */
  readonly actionGrantsActiveTab: boolean;
  /**
   * Stops the extension's service worker (Chromium only: Firefox runs an event page) and returns once it has
   * stopped. The next `evaluateInExtension` starts it again, as any event would.
   */
  stopWorker?(): Promise<void>;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The built, unpacked extension. */
  extensionDir: string;
  /** The browser executable. */
  executablePath: string;
  /**
   * The `prefers-color-scheme` pages see, for the whole browser. Firefox over WebDriver BiDi cannot emulate it
   * per page, so it is a launch option for both browsers.
   */
  colorScheme?: 'light' | 'dark';
  /**
   * Firefox only: whether the host access the manifest asks for is granted at install (the default, as a user
   * who accepts it), or withheld, as when the user declines it (Firefox MV3 makes it optional). Chromium grants
   * it at install and offers no switch to withhold it.
   */
  siteAccess?: 'granted' | 'withheld';
  /**
   * The extension opens its welcome page when it is installed. The harness closes that tab once it opens, so
   * that every test starts from the same tabs, unless this is true.
   */
  keepWelcome?: boolean;
  /**
   * Chromium only: close the welcome tab while it is still loading (as its stylesheet arrives), as a person
   * closing it the moment it appears would, instead of once it has opened.
   */
  closeWelcomeWhileLoading?: boolean;
  /**
   * Chromium only: an X display (`:99`, an Xvfb server) to run the browser headed on. Headless Chromium never
   * shows its own dialogs (the permission prompt of `permissions.request` waits forever there); headed, they can
   * be answered with the keyboard.
   */
  display?: string;
  /**
   * Chromium only: the browser's UI language (`--lang` and `LANGUAGE`, which Chromium on Linux reads), so that
   * it serves the extension's catalogue for that language. Firefox ESR picks its locale from its installed
   * language packs, which Debian's package does not bring.
   */
  uiLanguage?: string;
}

/** A request is a network request when it leaves the browser: anything but extension and local schemes. */
export function isNetworkUrl(url: string): boolean {
  return /^(https?|wss?|ftp):/i.test(url);
}

export function toFixture(fixture: Fixture | string): Required<Fixture> {
  const {
    body,
    contentType = 'text/html; charset=utf-8',
    status = 200,
  } = typeof fixture === 'string' ? { body: fixture } : fixture;
  return { body, contentType, status };
}

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
