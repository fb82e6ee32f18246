/**
 * The settings as stored, read in one storage call: the value and the version @wxt-dev/storage
 * keeps beside it. Shared by the settings module (which repairs and migrates what it reads) and
 * the page-load script's check of the site switch (src/content/site-switch.ts), which must not
 * carry the settings code.
 */
import { browser } from 'wxt/browser';

/** The settings' key in storage.sync. */
export const SETTINGS_KEY = 'settings';
/** Where @wxt-dev/storage keeps an item's version: its key followed by "$". */
export const SETTINGS_META_KEY = `${SETTINGS_KEY}$`;

/** The stored value (null when none) and its version (1 when none is stored); undefined if storage could not be read. */
export async function readStoredSettings(): Promise<{ value: unknown; version: number } | undefined> {
  let got: Record<string, unknown>;
  try {
    got = await browser.storage.sync.get([SETTINGS_KEY, SETTINGS_META_KEY]);
  } catch {
    return undefined;
  }
  const meta = got[SETTINGS_META_KEY];
  const v = meta !== null && typeof meta === 'object' ? (meta as { v?: unknown }).v : undefined;
  return { value: got[SETTINGS_KEY] ?? null, version: typeof v === 'number' ? v : 1 };
}
