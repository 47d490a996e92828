/**
 * The HTML of each store image, rendered by Chromium at its exact pixel size: the screenshots are laid out
 * here from real screenshots of the built extension (test/store/assets.ts, which drives the browser harness); the words are the listing's.
 * Plain strings in, HTML out; every text is escaped.
 */
import { BADGE_COLOR, BADGE_TEXT } from '../../src/background/badge';

export const SCREEN = { width: 1280, height: 800 } as const;
export const TILE = { width: 440, height: 280 } as const;

export type Scheme = 'light' | 'dark';

const COLOURS: Record<Scheme, { bg: string; fg: string; muted: string; frame: string; bar: string }> = {
  light: { bg: '#eef2f7', fg: '#111827', muted: '#4b5563', frame: '#ffffff', bar: '#dfe4ea' },
  dark: { bg: '#0b1220', fg: '#f9fafb', muted: '#cbd5e1', frame: '#1f2937', bar: '#283244' },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function png(bytes: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

function page(scheme: Scheme, size: { width: number; height: number }, css: string, body: string): string {
  const c = COLOURS[scheme];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
html, body { margin: 0; }
body { width: ${size.width}px; height: ${size.height}px; overflow: hidden; background: ${c.bg}; color: ${c.fg};
  font-family: system-ui, "DejaVu Sans", sans-serif; }
.badge { display: inline-block; min-width: 3em; padding: 3px 8px; border-radius: 5px; color: #fff; font-weight: 700;
  text-align: center; letter-spacing: 0.03em; }
${css}
</style></head><body>${body}</body></html>`;
}

function badge(label: 'media' | 'networking' | 'mixed'): string {
  return `<span class="badge" style="background:${BADGE_COLOR[label]}">${BADGE_TEXT[label]}</span>`;
}

export interface PopupScene {
  scheme: Scheme;
  label: 'media' | 'networking' | 'mixed';
  /** The page's address, shown in the window's address line. */
  url: string;
  /** Screenshot of the page (any height; the top is shown). */
  pageShot: Uint8Array;
  /** Screenshot of the popup at its own width. */
  popupShot: Uint8Array;
  title: string;
  caption: string;
}

/** A page in a plain window frame with the popup dropped over its top right, and a caption beside. */
export function popupOverPage(scene: PopupScene): string {
  const c = COLOURS[scene.scheme];
  const css = `
.caption { position: absolute; left: 48px; top: 64px; width: 300px; }
.caption h1 { font-size: 34px; line-height: 1.2; margin: 18px 0 14px; }
.caption p { font-size: 19px; line-height: 1.5; color: ${c.muted}; margin: 0; }
.window { position: absolute; left: 390px; top: 40px; width: 850px; height: 720px; border-radius: 10px;
  overflow: hidden; background: ${c.frame}; box-shadow: 0 10px 40px rgba(0,0,0,0.25); }
.bar { height: 44px; background: ${c.bar}; display: flex; align-items: center; gap: 12px; padding: 0 14px;
  box-sizing: border-box; }
.address { flex: 1; height: 28px; border-radius: 14px; background: ${c.frame}; color: ${c.muted}; font-size: 14px;
  display: flex; align-items: center; padding: 0 14px; overflow: hidden; white-space: nowrap; }
.shot { position: absolute; top: 44px; left: 0; width: 850px; height: 676px; overflow: hidden; background: #fff; }
.shot img { display: block; width: 850px; }
.popup { position: absolute; right: 14px; top: 40px; width: 360px; max-height: 660px; overflow: hidden;
  border-radius: 8px; box-shadow: 0 8px 30px rgba(0,0,0,0.35); border: 1px solid rgba(0,0,0,0.15); }
.popup img { display: block; width: 360px; }`;
  const body = `
<div class="caption">${badge(scene.label)}<h1>${escapeHtml(scene.title)}</h1><p>${escapeHtml(scene.caption)}</p></div>
<div class="window">
  <div class="bar"><div class="address">${escapeHtml(scene.url)}</div>${badge(scene.label)}</div>
  <div class="shot"><img src="${png(scene.pageShot)}" alt=""></div>
  <div class="popup"><img src="${png(scene.popupShot)}" alt=""></div>
</div>`;
  return page(scene.scheme, SCREEN, css, body);
}

export interface PageScene {
  scheme: Scheme;
  /** Screenshot of an extension page at SCREEN.width, any height. */
  shot: Uint8Array;
  /** How far down the shot the view starts, in CSS pixels. */
  top: number;
}

/** An extension page at 1280 x 800, from `top` down: the options page and its usage dashboard. */
export function extensionPage(scene: PageScene): string {
  const css = `.view { width: ${SCREEN.width}px; height: ${SCREEN.height}px; overflow: hidden; }
.view img { display: block; width: ${SCREEN.width}px; margin-top: ${-Math.max(0, Math.round(scene.top))}px; }`;
  return page(scene.scheme, SCREEN, css, `<div class="view"><img src="${png(scene.shot)}" alt=""></div>`);
}

/** The small promotional tile: the icon, the name, what it does, the three badges. */
export function promoTile(icon: Uint8Array, tagline: string): string {
  const css = `
body { display: flex; flex-direction: column; justify-content: center; padding: 0 34px; box-sizing: border-box;
  background: linear-gradient(135deg, #ffffff 0%, #e8eefc 100%); }
.head { display: flex; align-items: center; gap: 16px; }
.head img { width: 64px; height: 64px; }
h1 { font-size: 32px; margin: 0; }
p { font-size: 18px; line-height: 1.4; color: #374151; margin: 16px 0 18px; }
.badges { display: flex; gap: 10px; }
.badges .badge { font-size: 18px; }`;
  const body = `<div class="head"><img src="${png(icon)}" alt=""><h1>Reach or Relate</h1></div>
<p>${escapeHtml(tagline)}</p><div class="badges">${badge('media')}${badge('networking')}${badge('mixed')}</div>`;
  return page('light', TILE, css, body);
}
