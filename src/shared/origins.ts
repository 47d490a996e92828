/** The host permission a custom site needs: the domain and its subdomains, over https. */
export function customSiteOrigins(domain: string): string[] {
  return [`https://${domain}/*`, `https://*.${domain}/*`];
}
