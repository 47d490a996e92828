/**
 * The address a page report carries, at most `MAX_REPORTED_URL` characters. Click trackers make addresses of
 * many kilobytes (`?trk=` with a whole encoded payload); the classifier needs only the origin, the path and
 * the parameters that name a page type, which are short (`?sk=friends`, `?filter=groups`, `?id=123`,
 * `?action=pm`, and the query-string routes `?/topic/12-title/` and `?threads/title.34/` of Invision and
 * XenForo, src/core/communities). A shorter address is kept as it is.
 */
export const MAX_REPORTED_URL = 2048;
/** Longer parameters are tracking payloads or text, not the name of a page; such a fragment is dropped too. */
const MAX_PART = 256;

export function boundedUrl(href: string): string {
  if (href.length <= MAX_REPORTED_URL) return href;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href.slice(0, MAX_REPORTED_URL);
  }
  // Half the budget at most for the path, so that its page-naming parameters still fit after a long one.
  let out = `${url.origin}${url.pathname.slice(0, MAX_REPORTED_URL / 2)}`;
  let separator = '?';
  for (const part of url.search.slice(1).split('&')) {
    if (!part || part.length > MAX_PART || out.length + part.length + 1 > MAX_REPORTED_URL) continue;
    out += separator + part;
    separator = '&';
  }
  if (url.hash.length <= MAX_PART && out.length + url.hash.length <= MAX_REPORTED_URL) out += url.hash;
  return out;
}
