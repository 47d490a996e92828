/** A URL, or null for text that is not one: classification never throws on a bad address. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
