/**
 * The messages between the content script, the background service worker and the popup: one
 * protocol map per receiver (what each message carries and what it answers), and the typed
 * helpers that send and receive them. No call site writes a message or casts an answer by hand.
 *
 * Why not `@webext-core/messaging` (the library WXT's author made for this): 4.0 calls the
 * callback form of `chrome.runtime.sendMessage` directly, which Vitest's fakeBrowser (promise
 * only, no `tabs.sendMessage`) cannot answer, and 2.x/3.x import `webextension-polyfill` itself,
 * which throws outside an extension; it also wraps every message in its own envelope, which would
 * change what the background accepts from a content script. This file keeps the messages as they
 * were on the wire (`{ type, ...fields }`) and gives them the same typing.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Audience, AudienceMapping } from './engine/audience';
import type { Finding, Lang, Pack, Region, Sector, Severity } from './engine/types';
import type { AdapterName } from './webmail/types';

/** What the popup shows for the focused (or last focused) compose of a tab. */
export interface DraftSummary {
  composeId: string;
  adapter: AdapterName;
  subject: string;
  wordCount: number;
  findings: Finding[];
  /**
   * Each finding's key (same order): Apply names the finding by key and span, and the compose
   * refuses it when either no longer matches the current text (never replaces other words).
   */
  keys: string[];
  audience: {
    packs: Pack[];
    region: Region;
    sector: Sector;
    /** 'auto': resolved from recipients; 'user': set by the user for this draft. */
    source: 'auto' | 'user';
    /** Recipients that put an audience pack on, for "Japanese recipient · Tokyo". */
    sources: AudienceMapping[] | Audience['sources'];
  };
  firstContact: { value: boolean; detected: boolean; override: 'yes' | 'no' | 'auto' };
  /** The language of the writer's words: 'ja' for a draft written in Japanese. */
  language: 'en' | 'ja';
  /**
   * The language the findings' messages and suggestions are written in (the user's UI language
   * as the compose last resolved it). Right after the user changes the language, the popup may
   * read a summary from before the compose re-checked the draft: it waits for this to match.
   */
  lang: Lang;
  paused: boolean;
}

/** A change to a draft: whether it took, and the draft as it is now. */
export interface DraftChanged {
  ok: boolean;
  summary?: DraftSummary | null;
}

export interface Ack {
  ok: boolean;
  error?: string;
}

/** Popup → content script (`sendToTab`): what each message carries, and its answer. */
export interface ContentProtocol {
  'summary:get': { data: Record<never, never>; answer: DraftSummary | null };
  'finding:reveal': { data: { composeId: string; key: string }; answer: DraftChanged };
  'finding:apply': { data: { composeId: string; key: string; start: number; end: number }; answer: DraftChanged };
  'draft:set-audience': { data: { composeId: string; packs: Pack[]; region: Region; sector: Sector }; answer: DraftChanged };
  'draft:reset-audience': { data: { composeId: string }; answer: DraftChanged };
  'draft:set-first-contact': { data: { composeId: string; value: 'yes' | 'no' | 'auto' }; answer: DraftChanged };
  'draft:pause': { data: { composeId: string; paused: boolean }; answer: DraftChanged };
}

/** Content script and popup → background (`sendToBackground`). */
export interface BackgroundProtocol {
  /** Content script: its tab's count and worst severity, for the toolbar badge. */
  'badge:update': { data: { count: number; maxSeverity: Severity | null }; answer: Ack };
  /** Content script: a trusted send to these addresses (src/content/send-record.ts). */
  'history:record': { data: { addresses: string[] }; answer: Ack };
  /**
   * Popup: the host name of a tab's page, as its content script last reported it (the popup
   * opened as a page with ?tab= has no activeTab grant to read the tab's URL).
   */
  'tab:host': { data: { tabId: number }; answer: { host: string | null } };
  /** Content script, when its first compose appears: inject the engine into the sender's frame. */
  'engine:load': { data: Record<never, never>; answer: Ack };
}

/** One message of a protocol as it travels: its type beside its fields. */
export type MessageOf<P, K extends keyof P> = { type: K } & (P[K] extends { data: infer D } ? D : never);
export type AnswerOf<P, K extends keyof P> = P[K] extends { answer: infer A } ? A : never;
export type ContentRequest = { [K in keyof ContentProtocol]: MessageOf<ContentProtocol, K> }[keyof ContentProtocol];
/** The popup's requests that change a draft (all but summary:get): each answers `DraftChanged`. */
export type DraftRequest = Exclude<ContentRequest, { type: 'summary:get' }>;
export type BackgroundRequest = { [K in keyof BackgroundProtocol]: MessageOf<BackgroundProtocol, K> }[keyof BackgroundProtocol];

export const CONTENT_MESSAGE_TYPES: ReadonlySet<string> = new Set<keyof ContentProtocol>([
  'summary:get',
  'finding:reveal',
  'finding:apply',
  'draft:set-audience',
  'draft:reset-audience',
  'draft:set-first-contact',
  'draft:pause',
]);
export const BACKGROUND_MESSAGE_TYPES: ReadonlySet<string> = new Set<keyof BackgroundProtocol>(['badge:update', 'history:record', 'tab:host', 'engine:load']);

/** Who sent a message, once checked: a content script in a tab's frame, or one of our own pages. */
export type Sender = { kind: 'content'; tabId: number; frameId: number; url: string | undefined } | { kind: 'page' };

/**
 * The one check of a message's sender, for the background and the content script alike: our own
 * extension (`runtime.onMessage` hears nothing else without `externally_connectable`; this stays
 * true if that ever changes), then either one of our pages (its URL is under the extension's
 * origin, wherever it is open: the toolbar popup, a popup page in a tab, the service worker; or
 * no tab at all, which only extension contexts send from) or a content script (a tab and a frame).
 * Anything else is nobody.
 */
export function senderOf(sender: Browser.runtime.MessageSender): Sender | null {
  if (sender.id !== browser.runtime.id) return null;
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return { kind: 'page' };
  if (sender.tab === undefined) return { kind: 'page' };
  const tabId = sender.tab.id;
  if (tabId === undefined || tabId < 0 || sender.frameId === undefined) return null;
  return { kind: 'content', tabId, frameId: sender.frameId, url: sender.url };
}

/** Whether `m` has the shape of one of `types` (its fields are checked by the handler). */
export function isMessage<M extends { type: string }>(m: unknown, types: ReadonlySet<string>): m is M {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && types.has((m as { type: string }).type);
}

/**
 * Sends a message to the background: its answer, undefined when no listener answered; rejects
 * when the background cannot be reached (a service worker restarting, an extension reloaded).
 */
export function sendToBackground<M extends BackgroundRequest>(message: M): Promise<AnswerOf<BackgroundProtocol, M['type']> | undefined> {
  return browser.runtime.sendMessage(message) as Promise<AnswerOf<BackgroundProtocol, M['type']> | undefined>;
}

/** Sends a message to a tab's content scripts (every frame; the first answer wins); rejects when the tab has none. */
export function sendToTab<M extends ContentRequest>(tabId: number, message: M): Promise<AnswerOf<ContentProtocol, M['type']> | undefined> {
  return browser.tabs.sendMessage(tabId, message) as Promise<AnswerOf<ContentProtocol, M['type']> | undefined>;
}
