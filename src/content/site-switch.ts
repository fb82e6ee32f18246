/**
 * Whether the user turned Nemawashi off on this site, as the page-load script needs to know it:
 * before asking for the engine when the page first holds an editor (a site turned off must not
 * load it). One storage read of the stored settings and their version, with no validation: the
 * settings code (validation, repair, migrations, the organisation's policy) comes with the engine
 * (compose-ui.ts), which reads the settings in full before any compose is checked (issue 12: the
 * page-load script compiles ~30 kB less in every webmail tab).
 *
 * A value this cannot read with certainty (not an object, stored by an older version, a field of
 * another shape) counts as "on": the engine's full read then decides, as it does for every other
 * setting.
 */
import { browser } from 'wxt/browser';
import { isSiteEnabled } from '../settings/context';
import { readStoredSettings, SETTINGS_KEY } from '../settings/stored';
import { SETTINGS_VERSION, type Settings } from '../settings/types';

export async function siteTurnedOff(hostname: string): Promise<boolean> {
  const stored = await readStoredSettings();
  if (!stored || stored.value === null || typeof stored.value !== 'object' || stored.version !== SETTINGS_VERSION) return false;
  const sites = (stored.value as { disabledSites?: unknown }).disabledSites;
  if (!Array.isArray(sites) || !sites.every((s) => typeof s === 'string')) return false;
  return !isSiteEnabled({ disabledSites: sites } as Settings, hostname);
}

/** Calls `cb` when the stored settings change (until the engine's own watcher takes over). */
export function watchSiteSwitch(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) cb();
  };
  try {
    browser.storage.onChanged.addListener(listener);
  } catch {
    return () => {};
  }
  return () => browser.storage.onChanged.removeListener(listener);
}
