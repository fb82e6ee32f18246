/**
 * What the background does for each BackgroundRequest, kept out of the entrypoint so that it can
 * be tested with fakeBrowser.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Severity } from '../engine/types';
import type { BackgroundRequest } from '../messages';
import { lookupHistory, recordSent } from '../settings';

/**
 * Tab id → host name of its top page, from the content script's own messages (sender.url is
 * given without the `tabs` permission). Session storage: it dies with the browser session, and
 * survives the service worker being stopped between messages.
 */
export const tabHostsItem = storage.defineItem<Record<string, string>>('session:tabHosts', { fallback: {} });

export async function rememberTabHost(tabId: number, url: string | undefined): Promise<void> {
  let host: string;
  try {
    const u = new URL(url ?? '');
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
    host = u.hostname;
  } catch {
    return;
  }
  const hosts = await tabHostsItem.getValue();
  if (hosts[tabId] === host) return;
  await tabHostsItem.setValue({ ...hosts, [tabId]: host });
}

export async function forgetTab(tabId: number): Promise<void> {
  const hosts = await tabHostsItem.getValue();
  if (!(tabId in hosts)) return;
  const { [tabId]: _gone, ...rest } = hosts;
  await tabHostsItem.setValue(rest);
}

/**
 * Badge colours by worst severity, dark enough for the white badge text to pass WCAG AA
 * (contrast ≥ 4.5:1 against #fff).
 */
export const BADGE_COLORS: Record<Severity, string> = {
  error: '#b3261e',
  warning: '#8a5300',
  info: '#1f5fa8',
};

/** "99+" keeps the badge inside the four characters Chrome shows. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

const TYPES = new Set<BackgroundRequest['type']>(['badge:update', 'history:record', 'history:check', 'tab:host']);

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  return typeof m === 'object' && m !== null && TYPES.has((m as { type?: BackgroundRequest['type'] }).type!);
}

function addressesOf(m: { addresses?: unknown }): string[] {
  return Array.isArray(m.addresses) ? m.addresses.filter((a): a is string => typeof a === 'string').slice(0, 200) : [];
}

export async function updateBadge(tabId: number, count: number, maxSeverity: Severity | null): Promise<void> {
  const text = badgeText(count);
  await browser.action.setBadgeText({ tabId, text });
  if (text && maxSeverity) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[maxSeverity] });
    // Chrome 110+ picks a text colour by itself; set white so it matches the contrast above.
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  }
}

/** Returns the answer for the sender (history:check, tab:host), or an acknowledgement. */
export async function handleBackgroundRequest(
  m: BackgroundRequest,
  tabId: number | undefined,
): Promise<{ ok: boolean } | { host: string | null } | Record<string, boolean | undefined>> {
  switch (m.type) {
    case 'tab:host':
      return { host: (await tabHostsItem.getValue())[m.tabId] ?? null };
    case 'badge:update':
      if (tabId === undefined) return { ok: false };
      await updateBadge(tabId, typeof m.count === 'number' ? m.count : 0, m.maxSeverity ?? null);
      return { ok: true };
    case 'history:record':
      await recordSent(addressesOf(m));
      return { ok: true };
    case 'history:check':
      return lookupHistory(addressesOf(m));
  }
}
