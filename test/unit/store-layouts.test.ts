import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BADGE_COLOR } from '../../src/background/badge';
import { pngSize } from '../store/assets';
import { extensionPage, popupOverPage, promoTile, SCREEN, TILE } from '../store/layouts';

/** A valid PNG header (signature and IHDR) for a `width` x `height` image; the rest is not read. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

describe('store image layouts', () => {
  it('lay the page and the popup out at 1280 x 800, captions as text', () => {
    const html = popupOverPage({
      scheme: 'dark',
      label: 'networking',
      url: 'https://www.linkedin.com/mynetwork/?a=<b>',
      pageShot: pngHeader(850, 2000),
      popupShot: pngHeader(360, 700),
      title: 'NET & <people>',
      caption: '<script>alert(1)</script>',
    });
    const { document } = parseHTML(html);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('.caption h1')?.textContent).toBe('NET & <people>');
    expect(document.querySelector('.address')?.textContent).toBe('https://www.linkedin.com/mynetwork/?a=<b>');
    expect(document.querySelectorAll('img')).toHaveLength(2);
    expect(html).toContain(`width: ${SCREEN.width}px; height: ${SCREEN.height}px`);
    expect(html).toContain(`background:${BADGE_COLOR.networking}`);
  });

  it('show an extension page from the given offset', () => {
    const html = extensionPage({ scheme: 'light', shot: pngHeader(1280, 4000), top: 1234.4 });
    expect(html).toContain('margin-top: -1234px');
  });

  it('make the promotional tile 440 x 280 with the three badges', () => {
    const html = promoTile(pngHeader(128, 128), 'Reach & relate');
    const { document } = parseHTML(html);
    expect([...document.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['MED', 'NET', 'MIX']);
    expect(document.querySelector('p')?.textContent).toBe('Reach & relate');
    expect(html).toContain(`width: ${TILE.width}px; height: ${TILE.height}px`);
  });

  it('read a PNG size from its header, and refuse what is not one', () => {
    expect(pngSize(pngHeader(1280, 800))).toEqual({ width: 1280, height: 800 });
    expect(() => pngSize(Buffer.from('not a png at all, not at all'))).toThrow('not a PNG');
  });
});
