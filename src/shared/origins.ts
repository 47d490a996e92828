/** The host permission a custom site needs: the domain and its subdomains, over https. */
export function customSiteOrigins(domain: string): string[] {
  return [`https://${domain}/*`, `https://*.${domain}/*`];
}

/** The host permission for one host alone, as "Label <site> automatically" asks for it. */
export function hostOrigin(host: string): string {
  return `https://${host}/*`;
}

/** The single-host permissions among `origins` for hosts of `domain` (https://forum.example.org/* for example.org). */
export function hostOriginsOf(origins: readonly string[], domain: string): string[] {
  return origins.filter((origin) => {
    const match = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(origin);
    const host = match?.[1];
    return host !== undefined && (host === domain || host.endsWith(`.${domain}`));
  });
}
