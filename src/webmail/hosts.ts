/**
 * The webmail hosts Nemawashi runs on out of the box, in one place: the manifest's content
 * script matches (entrypoints/content.ts), the site adapters (which adapter a page gets), the
 * options page's "built-in sites" line and the tests all read this list, so a new host (as
 * when Outlook on the web moved to outlook.cloud.microsoft) is added once.
 *
 * Pure data: no DOM, no `browser`, so the WXT entrypoint can import it at build time.
 */

export interface WebmailHost {
  host: string;
  adapter: 'gmail' | 'outlook';
}

export const WEBMAIL_HOSTS: readonly WebmailHost[] = [
  { host: 'mail.google.com', adapter: 'gmail' },
  // Microsoft 365 work and school accounts: outlook.office.com redirects here since 2024–2025
  // (Microsoft's "cloud.microsoft" domain consolidation); both stay, old links still open.
  { host: 'outlook.cloud.microsoft', adapter: 'outlook' },
  { host: 'outlook.office.com', adapter: 'outlook' },
  { host: 'outlook.office365.com', adapter: 'outlook' },
  // Outlook.com personal accounts.
  { host: 'outlook.live.com', adapter: 'outlook' },
];

/** Host names of one adapter (or all). */
export function hostsOf(adapter?: WebmailHost['adapter']): string[] {
  return WEBMAIL_HOSTS.filter((h) => !adapter || h.adapter === adapter).map((h) => h.host);
}

/** Content script match patterns: https only, every path of each host. */
export function webmailMatchPatterns(): string[] {
  return WEBMAIL_HOSTS.map((h) => `https://${h.host}/*`);
}

/** The site adapter meant for a host name (exact match: no look-alike subdomains). */
export function adapterForHost(hostname: string): WebmailHost['adapter'] | null {
  const host = hostname.toLowerCase();
  return WEBMAIL_HOSTS.find((h) => h.host === host)?.adapter ?? null;
}
