/**
 * What the background does for each message it receives, kept out of the entrypoint so that it
 * can be tested with fakeBrowser. Every message comes in through `handleBackgroundMessage`, which
 * checks who sent it (`senderOf` in src/messages.ts: our extension, and a content script in a
 * tab's frame or one of our own pages) against the one table of who may send what (`ALLOWED_SENDER`) before any handler
 * runs; the handlers then validate the fields themselves.
 */
import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Severity } from '../engine/types';
import { ENGINE_SCRIPT_STEPS } from '../content/engine-api';
import { BACKGROUND_MESSAGE_TYPES, isMessage, senderOf, type Ack, type Sender, type AnswerOf, type BackgroundProtocol, type BackgroundRequest } from '../messages';
import { SEND_RECORD_MAX_ADDRESSES, SEND_RECORD_PER_MINUTE } from '../content/send-record';
import { normalizeAddress, recordSent } from '../settings';

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

/** A plausible mail address: what a compose's recipient field holds, nothing else. */
const ADDRESS = /^[^\s@<>()[\]",;:\\]{1,64}@(?=.{1,253}$)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/**
 * What the background accepts to store as "written to": at most SEND_RECORD_MAX_ADDRESSES
 * well-formed addresses per message (the content script already sends only trusted, once-per-
 * compose sends; this is the second line, should a content script be fooled).
 */
export function validRecordAddresses(m: { addresses?: unknown }): string[] {
  if (!Array.isArray(m.addresses)) return [];
  const out = new Set<string>();
  for (const a of m.addresses.slice(0, 1000)) {
    if (typeof a !== 'string' || a.length > 254) continue;
    const n = normalizeAddress(a);
    if (ADDRESS.test(n)) out.add(n);
    if (out.size >= SEND_RECORD_MAX_ADDRESSES) break;
  }
  return [...out];
}

/**
 * Addresses recorded per tab in the last minute: session storage, so a service worker that
 * stopped between two messages still counts the earlier ones.
 */
export const recordBudgetItem = storage.defineItem<Record<string, Array<[number, number]>>>('session:historyRecordBudget', { fallback: {} });

/** How many of `wanted` addresses tab `tabId` may still record this minute (and spends them). */
export async function takeRecordBudget(tabId: number, wanted: number, now = Date.now()): Promise<number> {
  const all = await recordBudgetItem.getValue();
  const spent = (all[tabId] ?? []).filter(([at]) => now - at < 60_000);
  const used = spent.reduce((sum, [, n]) => sum + n, 0);
  const n = Math.max(0, Math.min(wanted, SEND_RECORD_PER_MINUTE - used));
  if (n > 0) spent.push([now, n]);
  // Drop other tabs' windows that have expired, so the item does not grow.
  const next: Record<string, Array<[number, number]>> = {};
  for (const [id, list] of Object.entries(all)) {
    const live = list.filter(([at]) => now - at < 60_000);
    if (live.length > 0) next[id] = live;
  }
  if (spent.length > 0) next[tabId] = spent;
  else delete next[tabId];
  await recordBudgetItem.setValue(next);
  return n;
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

/**
 * Runs the engine scripts in one frame of a tab, in the extension's isolated world (where the
 * content script that asked is). Needs host access to the frame's page: the content script's own
 * match patterns are host permissions too (wxt.config.ts), and sites the user added are granted.
 */
export async function injectEngine(tabId: number, frameId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    // One call per file: each script is compiled and run in a task of its own in the page. The
    // scripts of a step need nothing from each other: their calls are in flight together.
    for (const step of ENGINE_SCRIPT_STEPS) await Promise.all(step.map((file) => browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] })));
    return { ok: true };
  } catch (err) {
    // The content script reports it (no underlines on this page); the tab goes on as before.
    return { ok: false, error: String(err instanceof Error ? err.message : err) };
  }
}

/**
 * Who may send each message. Content scripts report their own tab (badge, sends, engine); only our
 * pages (the popup) may ask about a tab, so a content script cannot learn other tabs' hosts.
 */
export const ALLOWED_SENDER: Record<keyof BackgroundProtocol, Sender['kind']> = {
  'badge:update': 'content',
  'history:record': 'content',
  'engine:load': 'content',
  'tab:host': 'page',
};

type Handlers = { [K in keyof BackgroundProtocol]: (m: Extract<BackgroundRequest, { type: K }>, from: Sender) => Promise<AnswerOf<BackgroundProtocol, K>> };

const handlers: Handlers = {
  // Injects into the very frame that asked.
  'engine:load': (_m, from) => (from.kind === 'content' ? injectEngine(from.tabId, from.frameId) : Promise.resolve({ ok: false })),
  'tab:host': async (m) => ({ host: (typeof m.tabId === 'number' ? (await tabHostsItem.getValue())[m.tabId] : undefined) ?? null }),
  'badge:update': async (m, from) => {
    if (from.kind !== 'content') return { ok: false };
    const severity = m.maxSeverity && m.maxSeverity in BADGE_COLORS ? m.maxSeverity : null;
    await updateBadge(from.tabId, typeof m.count === 'number' ? m.count : 0, severity);
    return { ok: true };
  },
  'history:record': async (m, from): Promise<Ack> => {
    if (from.kind !== 'content') return { ok: false };
    const addresses = validRecordAddresses(m);
    const n = addresses.length === 0 ? 0 : await takeRecordBudget(from.tabId, addresses.length);
    if (n === 0) return { ok: false };
    await recordSent(addresses.slice(0, n));
    return { ok: true };
  },
};

/**
 * The background's `runtime.onMessage`: undefined for what is not ours to answer (another
 * listener may), `{ ok: false }` for one of our messages from a sender that may not send it.
 */
export function handleBackgroundMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (!isMessage<BackgroundRequest>(message, BACKGROUND_MESSAGE_TYPES)) return undefined;
  const from = senderOf(sender);
  if (!from || ALLOWED_SENDER[message.type] !== from.kind) return Promise.resolve({ ok: false });
  if (from.kind === 'content' && from.frameId === 0) void rememberTabHost(from.tabId, from.url);
  const handle = handlers[message.type] as (m: BackgroundRequest, from: Sender) => Promise<unknown>;
  return handle(message, from);
}
