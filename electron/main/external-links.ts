/**
 * The only sites a link in the app may open, in the user's own browser: the organisations whose guidance a
 * reviewer follows. Anything else (another host, http:, file:, custom schemes that launch programs, a user name
 * or password in the URL, a non-standard port) is denied and nothing opens.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'thl.fi', // THL: national guidance and comparison of IPS sites
  'kuntoutussaatio.fi', // Kuntoutussäätiö: Finnish IPS fidelity reviews
  'ipsworks.org', // The IPS Employment Center: the scale's authors
  'finlex.fi', // Finnish legislation cited in guidance
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_LINK_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
