import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * What the browser tests' harness and the bench both need about the built extension and the fixture pages,
 * kept here so that scripts never import from test/ (the tests import it from here too).
 */

/**
 * The id Chromium gives an unpacked extension without a `key`: the first 128 bits of the SHA-256 of its absolute
 * real path, each hex digit written as a letter from a to p. Known before launch, so that the request log can
 * tell the extension's requests apart from the first one on.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256')
    .update(realpathSync(resolve(extensionDir)))
    .digest('hex')
    .slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** The fixture key for a URL: the URL without its fragment. */
export function fixtureKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
