import browser from 'webextension-polyfill';
import type { NudgeAction, NudgePayload, ShowNudgeMessage } from './types';

/**
 * The in-page prompt and nudge for intentions and budgets, injected by the worker only when one is due
 * (scripting.executeScript with this file): the known sites' content scripts stay as small as they are.
 * Like the note reminder (src/content/reminder.ts), it lives in a closed shadow root, fixed in a corner so
 * that it never moves the page, and its words are CSS generated content (`content: attr(data-t)`), which
 * the page's `window.find`, `innerText` and selections do not reach, while screen readers read them.
 */

const STYLE = `:host{all:initial}
.n{position:fixed;z-index:2147483647;right:16px;bottom:16px;width:min(360px,calc(100vw - 32px));box-sizing:border-box;
padding:12px;border-radius:10px;font:14px/1.4 system-ui,sans-serif;color:#111;background:#fff;border:1px solid #ccc;
box-shadow:0 4px 16px #0003;display:grid;gap:8px}
.c{position:fixed;inset:0;z-index:2147483646;background:#f8fafcf2;display:grid;place-content:center;gap:12px;
font:16px/1.4 system-ui,sans-serif;color:#111;text-align:center;padding:24px}
h2,p{margin:0}h2{font-size:12px;font-weight:600;color:#555}
h2::before,p::before,button::before{content:attr(data-t)}
.row{display:flex;flex-wrap:wrap;gap:6px}
button{font:inherit;font-size:13px;padding:4px 10px;border-radius:6px;border:1px solid #1d4ed8;background:#fff;color:#1d4ed8;
cursor:pointer;min-height:32px}
button.p{background:#1d4ed8;color:#fff}
.x{position:absolute;top:6px;right:6px;border:0;padding:2px 8px;color:#555;background:none}
button:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
@media (prefers-color-scheme:dark){.n{color:#eee;background:#222;border-color:#444}h2,.x{color:#bbb}
.c{background:#111827f2;color:#eee}button{background:#222;color:#93c5fd;border-color:#93c5fd}
button.p{background:#93c5fd;color:#111}}`;

let host: HTMLElement | null = null;

function close(): void {
  host?.remove();
  host = null;
  document.removeEventListener('keydown', onKey, true);
}

function onKey(event: KeyboardEvent): void {
  if (event.key === 'Escape' && event.isTrusted) close();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, words: string, className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.dataset.t = words;
  if (className) node.className = className;
  return node;
}

function act(action: NudgeAction, choice?: string): void {
  void browser.runtime.sendMessage({ type: 'nudge-action', action, ...(choice ? { choice } : {}) }).catch(() => {});
  close();
}

function button(words: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = el('button', words, className);
  b.type = 'button';
  b.addEventListener('click', (event) => {
    if (event.isTrusted) onClick();
  });
  return b;
}

function choiceRow(nudge: NudgePayload): HTMLElement {
  const row = el('div', '', 'row');
  for (const choice of nudge.choices) row.append(button(choice.label, () => act('choose', choice.id), 'p'));
  return row;
}

function showNudge(nudge: NudgePayload): void {
  close();
  host = document.createElement('reach-or-relate-nudge');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = el('div', '', nudge.kind === 'cover' ? 'c' : 'n');
  box.setAttribute('role', nudge.kind === 'cover' ? 'alertdialog' : 'dialog');
  const header = el('h2', nudge.header);
  const text = el('p', nudge.text);
  box.append(header, text, button('×', close, 'x'));
  box.lastElementChild?.setAttribute('aria-label', nudge.labels.close);
  if (nudge.kind === 'cover') {
    box.append(button(nudge.labels.pass, close, 'p'));
  } else {
    const actions = el('div', '', 'row');
    if (nudge.kind === 'prompt') box.append(choiceRow(nudge));
    else {
      actions.append(
        button(nudge.labels.edit, () => {
          // Edit: the same one-click choices in place of the nudge's buttons.
          actions.replaceWith(choiceRow(nudge));
        }),
      );
    }
    actions.append(
      button(nudge.labels.snooze, () => act('snooze')),
      button(nudge.labels.stop, () => act('stop')),
    );
    box.append(actions);
  }
  root.append(style, box);
  document.documentElement.append(host);
  document.addEventListener('keydown', onKey, true);
}

// Injected again for each nudge: one listener per document is enough.
const flag = '__reachOrRelateNudge';
const world = globalThis as { [flag]?: boolean };
if (!world[flag]) {
  world[flag] = true;
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = raw as ShowNudgeMessage | null;
    if (message?.type === 'show-nudge') showNudge(message.nudge);
  });
}
