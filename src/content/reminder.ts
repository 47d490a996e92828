/**
 * The note reminder shown in the page: in a closed shadow root, so the site's styles neither break it nor are
 * broken by it, and fixed in a corner, so it never moves the page's layout.
 *
 * The page must not learn the note. A closed shadow root keeps its nodes from the page's script, but not its
 * text from the page's `window.find`, which searches everything rendered, shadow trees included (and
 * `getSelection` then says where). So the words are not text nodes at all: they are CSS generated content
 * (`content: attr(data-t)`) of elements inside the shadow root, which find, `innerText` and selection do not
 * reach in Chrome or Firefox (CSS Generated Content: pseudo-elements are not in the DOM) while the page shows
 * them and the accessibility tree, built from what is rendered, gives them to screen readers. The note is an
 * attribute value, never parsed as HTML. The dismiss button's label is made the same way, so that nothing of
 * the reminder can be searched for.
 *
 * Its language and direction are the catalogue's (`localeTag`, `localeDir`; see src/shared/i18n.ts), set on the
 * box inside the shadow root so that the page's own `dir` does not decide it; the corner is a logical one
 * (`inset-inline-end`), so it mirrors in a right-to-left language. The note keeps `dir="auto"`: the user may
 * write it in any language.
 */
const STYLE = `:host{all:initial}
.r{position:fixed;z-index:2147483647;inset-inline-end:16px;bottom:16px;max-width:min(360px,90vw);box-sizing:border-box;display:flex;
gap:12px;align-items:start;padding:12px;border-radius:10px;font:14px/1.4 system-ui,sans-serif;color:#111;background:#fff;
border:1px solid #ccc;box-shadow:0 4px 16px #0003}
p::before,button::before{content:attr(data-t)}
p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:40vh;overflow:auto}
button{white-space:nowrap;font:inherit;padding:2px 8px;border-radius:6px;border:0;background:#1d4ed8;color:#fff;cursor:pointer}
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
  const i18n = ((globalThis as { browser?: typeof chrome }).browser ?? chrome).i18n;
  box.lang = i18n.getMessage('localeTag');
  box.dir = i18n.getMessage('localeDir');
  const note = document.createElement('p');
  note.dir = 'auto';
  note.dataset.t = text;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.dataset.t = dismissLabel;
  dismiss.addEventListener('click', hideReminder);
  box.append(note, dismiss);
  root.append(style, box);
  document.documentElement.append(host);
}
