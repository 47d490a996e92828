/**
 * The note reminder shown in the page: in a closed shadow root, so the site's styles neither break it nor are
 * broken by it, and fixed in a corner, so it never moves the page's layout. The note is set as text, never
 * parsed as HTML.
 */
const STYLE = `:host{all:initial}
.r{position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:min(360px,90vw);box-sizing:border-box;display:flex;
gap:12px;align-items:start;padding:12px;border-radius:10px;font:14px/1.4 system-ui,sans-serif;color:#111;background:#fff;
border:1px solid #ccc;box-shadow:0 4px 16px #0003}
p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:40vh;overflow:auto}
button{font:inherit;padding:2px 8px;border-radius:6px;border:0;background:#1d4ed8;color:#fff;cursor:pointer}
button:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
@media (prefers-color-scheme:dark){.r{color:#eee;background:#222;border-color:#444}}`;

let host: HTMLElement | null = null;

export function hideReminder(): void {
  host?.remove();
  host = null;
}

export function showReminder(text: string, dismissLabel: string): void {
  hideReminder();
  host = document.createElement('reach-or-relate-reminder');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'r';
  box.setAttribute('role', 'note');
  const note = document.createElement('p');
  note.textContent = text;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = dismissLabel;
  dismiss.addEventListener('click', hideReminder);
  box.append(note, dismiss);
  root.append(style, box);
  document.documentElement.append(host);
}
