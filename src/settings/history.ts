/**
 * First-contact history: the addresses the user has written to, kept only as salted SHA-256
 * hashes in local storage (never synced: it is a list of correspondents). The salt is made
 * once per profile so the hashes cannot be matched against a dictionary of common addresses.
 *
 * Writes should happen in one context (the background, via `history:record`) so that two
 * contexts never race to create the salt; reads work anywhere crypto.subtle exists.
 */
import { storage } from 'wxt/utils/storage';
import { lazyItem } from './lazy-item';

/** Oldest hashes are dropped beyond this (about 340 KB of local storage). */
export const HISTORY_LIMIT = 5000;

// Defined on first use (lazy-item.ts): defining an item reads storage at once, and a webmail tab
// with no compose never needs these.
export const historySaltItem = lazyItem(() => storage.defineItem<string | null>('local:historySalt', { fallback: null }));
export const historyItem = lazyItem(() => storage.defineItem<string[]>('local:sentHashes', { fallback: [], version: 1 }));

function toHex(buffer: ArrayBuffer | Uint8Array): string {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Lower-cased, trimmed, without the angle brackets of "Name <a@b.c>" copies. */
export function normalizeAddress(address: string): string {
  return address.trim().replace(/^<|>$/g, '').trim().toLowerCase();
}

// Only the creation is shared: the salt itself is read from storage every time, because another
// context (the options page's "forget") may have removed it since.
let creating: Promise<string> | undefined;

async function getSalt(): Promise<string> {
  const existing = await historySaltItem.getValue();
  if (existing) return existing;
  creating ??= (async () => {
    const salt = toHex(crypto.getRandomValues(new Uint8Array(16)));
    await historySaltItem.setValue(salt);
    // Another context may have written its salt at the same moment: the stored one wins.
    return (await historySaltItem.getValue()) ?? salt;
  })().finally(() => {
    creating = undefined;
  });
  return creating;
}

export async function hashAddress(address: string, salt?: string): Promise<string> {
  const s = salt ?? (await getSalt());
  const data = new TextEncoder().encode(`${s}:${normalizeAddress(address)}`);
  return toHex(await crypto.subtle.digest('SHA-256', data));
}

export async function hasWrittenTo(address: string): Promise<boolean> {
  if (!normalizeAddress(address)) return false;
  const [hash, hashes] = await Promise.all([hashAddress(address), historyItem.getValue()]);
  return hashes.includes(hash);
}

/** Remembers that the user sent to these addresses (on Send). */
export async function recordSent(addresses: readonly string[]): Promise<void> {
  const valid = addresses.filter((a) => normalizeAddress(a).includes('@'));
  if (valid.length === 0) return;
  const salt = await getSalt();
  const fresh = await Promise.all(valid.map((a) => hashAddress(a, salt)));
  const hashes = await historyItem.getValue();
  const known = new Set(hashes);
  const next = [...hashes];
  for (const h of fresh) {
    if (known.has(h)) continue;
    known.add(h);
    next.push(h);
  }
  if (next.length === hashes.length) return;
  await historyItem.setValue(next.slice(-HISTORY_LIMIT));
}

export async function historyCount(): Promise<number> {
  return (await historyItem.getValue()).length;
}

/** Forgets every address and the salt (a fresh salt is made on the next write). */
export async function clearHistory(): Promise<void> {
  await Promise.all([historyItem.removeValue(), historySaltItem.removeValue()]);
}

/**
 * What the history knows about each address, for first-contact detection: `true` written to
 * before, `false` never; every address is `undefined` (unknown) while the history is empty,
 * so that a fresh install does not call every draft a first contact.
 */
export async function lookupHistory(addresses: readonly string[]): Promise<Record<string, boolean | undefined>> {
  const hashes = await historyItem.getValue();
  const result: Record<string, boolean | undefined> = {};
  if (hashes.length === 0) {
    for (const a of addresses) result[normalizeAddress(a)] = undefined;
    return result;
  }
  const salt = await getSalt();
  const known = new Set(hashes);
  await Promise.all(
    addresses.map(async (a) => {
      result[normalizeAddress(a)] = known.has(await hashAddress(a, salt));
    }),
  );
  return result;
}

/** A synchronous `hasWrittenTo` for AnalysisContext from a lookup made beforehand. */
export function historyChecker(lookup: Record<string, boolean | undefined>): (address: string) => boolean | undefined {
  return (address) => lookup[normalizeAddress(address)];
}
