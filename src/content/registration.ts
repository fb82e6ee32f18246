/**
 * Generic editors on other sites: the user turns Nemawashi on for a site in the options or the
 * popup, which asks for that origin at runtime (`browser.permissions.request`, listed under
 * `optional_host_permissions`). The background then calls `registerGenericSites` with the
 * granted sites so the same content script runs there; no blanket host permission is needed.
 * entrypoints/background.ts does so when the extension is installed or updated, when a host
 * permission is added or removed, and when the settings' list of sites changes (registrations
 * persist across browser sessions, so start-up needs no call).
 */
import { browser } from 'wxt/browser';

export const GENERIC_SCRIPT_ID = 'nemawashi-generic-sites';
/** The built content script (WXT writes entrypoints/content.ts to this path). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** Match patterns for a host name: the site itself over https and http, and its subdomains. */
export function sitePatterns(host: string): string[] {
  const h = host.trim().toLowerCase().replace(/^\*\./, '');
  if (!/^[a-z0-9.-]{1,253}$/.test(h) || !h.includes('.')) return [];
  return [`https://${h}/*`, `http://${h}/*`, `https://*.${h}/*`, `http://*.${h}/*`];
}

/**
 * (Re)registers the content script for the sites in `hosts` whose permission is granted, and
 * unregisters it when none is. Returns the match patterns registered. Call from the background.
 */
export async function registerGenericSites(hosts: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(hosts.flatMap(sitePatterns))];
  const granted: string[] = [];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [GENERIC_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [GENERIC_SCRIPT_ID] });
  if (granted.length === 0) return [];
  await browser.scripting.registerContentScripts([
    {
      id: GENERIC_SCRIPT_ID,
      matches: granted,
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}
