import { corpusPage, page } from './fixtures';

/**
 * Pages that work against the extension (issue 14), served at real URLs of sites the content script runs on.
 *
 * - The attack feed: LinkedIn's home feed (pages/linkedin-feed.html, media) with a comment box, a video and
 *   a tall page, whose own script can fake every kind of activity the content script counts. `attack('talk')`
 *   dispatches synthetic `keydown` and `input` events on the comment box every 100 ms, with an Enter and a
 *   `form.requestSubmit()` (which the browser answers with a trusted `submit` event) every 1.1 s: on a
 *   listener that counts whatever arrives, about 20 typing counts and 10 sends in 12 s, which turns the feed
 *   mixed. `attack('consume')` dispatches synthetic `scroll` and `play` events, scrolls the page itself with
 *   `scrollBy` (trusted `scroll` events, no user behind them) and plays a muted video from a canvas stream
 *   (a trusted `play` event). Each returns what it did once it is done.
 * - The observed feed: the same feed with a script at the very start of the document that records every DOM
 *   mutation and the window's own property names, so that a test can ask what anything else added.
 * - Long addresses: tracking parameters of 5,000 characters in all.
 */

export const FEED_URL = 'https://www.linkedin.com/feed/';
const FEED_HTML = page('linkedin-feed.html');

const ATTACK_MARKUP = `<form id="comment-form" action="/comment">
  <textarea id="comment-box" aria-label="Add a comment…"></textarea>
  <button type="submit">Post</button>
</form>
<video id="clip" muted playsinline width="64" height="64"></video>
<div style="height: 20000px"></div>`;

const ATTACK_SCRIPT = `<script>
(() => {
  const box = document.querySelector('#comment-box');
  const form = document.querySelector('#comment-form');
  const video = document.querySelector('#clip');
  form.addEventListener('submit', (event) => event.preventDefault());
  const every = (ms, ticks, step) =>
    new Promise((done) => {
      let tick = 0;
      const timer = setInterval(() => {
        step(++tick);
        if (tick >= ticks) {
          clearInterval(timer);
          done();
        }
      }, ms);
    });
  window.attack = async (kind, seconds) => {
    const done = { kind, keys: 0, enters: 0, submits: 0, scrollEvents: 0, scrolledTo: 0, plays: 0, playing: false };
    form.addEventListener('submit', () => done.submits++);
    if (kind === 'talk') {
      await every(100, seconds * 10, (tick) => {
        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
        box.dispatchEvent(new InputEvent('input', { data: 'a', inputType: 'insertText', bubbles: true }));
        done.keys++;
        if (tick % 11 === 0) {
          box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          form.requestSubmit();
          done.enters++;
        }
      });
    } else {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 16;
      const paint = canvas.getContext('2d');
      video.srcObject = canvas.captureStream(10);
      video.addEventListener('play', () => done.plays++);
      const started = video.play().then(() => true, () => false);
      await every(100, seconds * 10, (tick) => {
        paint.fillStyle = tick % 2 ? '#000' : '#fff';
        paint.fillRect(0, 0, 16, 16);
        window.dispatchEvent(new Event('scroll'));
        document.dispatchEvent(new Event('scroll'));
        window.scrollBy(0, 30);
        done.scrollEvents += 2;
        if (tick % 10 === 0) video.dispatchEvent(new Event('play'));
      });
      done.playing = (await started) && !video.paused;
      done.scrolledTo = Math.round(window.scrollY);
    }
    return done;
  };
})();
</script>`;

export interface AttackResult {
  kind: 'talk' | 'consume';
  keys: number;
  enters: number;
  submits: number;
  scrollEvents: number;
  scrolledTo: number;
  plays: number;
  playing: boolean;
}

function withBody(html: string, markup: string): string {
  if (!html.includes('</main>') || !html.includes('</body>')) throw new Error('the feed page has no main or body end');
  return html.replace('</main>', `${markup}\n</main>`);
}

export function attackFeedHtml(): string {
  return withBody(FEED_HTML, ATTACK_MARKUP).replace('</body>', `${ATTACK_SCRIPT}\n</body>`);
}

/**
 * Runs first in the document: records every mutation once the parser is done (DOMContentLoaded, before any
 * content script, which runs at document_idle), and the window's own property names at that moment, to tell
 * a node, attribute or global that something else added.
 */
const OBSERVER_SCRIPT = `<script>
(() => {
  let records = [];
  const describe = (list) =>
    list.map((r) => ({
      type: r.type,
      target: r.target.nodeName,
      attribute: r.attributeName,
      added: [...r.addedNodes].map((n) => n.nodeName),
      removed: [...r.removedNodes].map((n) => n.nodeName),
    }));
  const observer = new MutationObserver((list) => records.push(...describe(list)));
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  let globals = new Set();
  document.addEventListener('DOMContentLoaded', () => {
    observer.takeRecords();
    records = [];
    globals = new Set(Object.getOwnPropertyNames(window));
  });
  window.observed = () => ({
    records: [...records, ...describe(observer.takeRecords())],
    newGlobals: Object.getOwnPropertyNames(window).filter((name) => !globals.has(name)),
  });
})();
</script>`;

export interface Observed {
  records: Array<{ type: string; target: string; attribute: string | null; added: string[]; removed: string[] }>;
  newGlobals: string[];
}

export function observedFeedHtml(): string {
  if (!FEED_HTML.includes('<head>')) throw new Error('the feed page has no head');
  return FEED_HTML.replace('<head>', `<head>\n${OBSERVER_SCRIPT}`);
}

/** A query string of tracking parameters that makes `base` exactly `length` characters long. */
export function longUrl(base: string, length = 5_000, after = ''): string {
  const separator = base.includes('?') ? '&' : '?';
  const head = `${base}${separator}trk=`;
  const tail = after ? `&${after}` : '';
  const filler = length - head.length - tail.length;
  if (filler <= 0) throw new Error(`${base} is too long to pad to ${length}`);
  // A tracking parameter: base64-ish junk, as click trackers write it.
  const junk = 'eyJjbGljayI6InNlYXJjaCIsInBvcyI6MX0'.repeat(Math.ceil(filler / 35)).slice(0, filler);
  return `${head}${junk}${tail}`;
}

export const LONG_FEED_URL = longUrl(FEED_URL);
/** The address a pushState moves the long feed to: LinkedIn's network page, with tracking parameters. */
export const LONG_NETWORK_URL = longUrl('https://www.linkedin.com/mynetwork/', 5_000);
/** LinkedIn's network page: what the feed's main element holds after the pushState. */
export function networkMain(): string {
  const { html, file } = corpusPage('linkedin/mynetwork.html');
  const match = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html);
  if (!match?.[1]) throw new Error(`${file} has no <main>`);
  return match[1];
}

/**
 * Facebook names its groups view with a parameter (`/?filter=groups`, src/core/platforms/facebook.ts); here it
 * comes after 5,000 characters of tracking, so a report that kept only the start of the address would call
 * the page Facebook's home feed (media) instead of its groups (networking).
 */
export const FACEBOOK_GROUPS_URL = longUrl('https://www.facebook.com/', 5_000, 'filter=groups');
export const FACEBOOK_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Groups | Facebook</title></head>
<body><div role="main"></div></body></html>`;
