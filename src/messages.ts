/**
 * Typed messages between the content script, the background service worker and the popup.
 * One union per direction; every handler switches on `type`.
 */
import type { Audience, AudienceMapping } from './engine/audience';
import type { Finding, Pack, Region, Sector, Severity } from './engine/types';
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
  paused: boolean;
}

/** Popup → content script (browser.tabs.sendMessage). */
export type ContentRequest =
  | { type: 'summary:get' }
  | { type: 'finding:reveal'; composeId: string; key: string }
  | { type: 'finding:apply'; composeId: string; key: string; start: number; end: number }
  | { type: 'draft:set-audience'; composeId: string; packs: Pack[]; region: Region; sector: Sector }
  | { type: 'draft:reset-audience'; composeId: string }
  | { type: 'draft:set-first-contact'; composeId: string; value: 'yes' | 'no' | 'auto' }
  | { type: 'draft:pause'; composeId: string; paused: boolean };

export type ContentResponse<T extends ContentRequest['type']> = T extends 'summary:get'
  ? DraftSummary | null
  : { ok: boolean; summary?: DraftSummary | null };

/** Content script → background (browser.runtime.sendMessage). */
export type BackgroundRequest =
  | { type: 'badge:update'; count: number; maxSeverity: Severity | null }
  | { type: 'history:record'; addresses: string[] }
  | { type: 'history:check'; addresses: string[] }
  /**
   * Popup → background: the host name of a tab's page, as its content script last reported it
   * (the popup opened as a page with ?tab= has no activeTab grant to read the tab's URL).
   */
  | { type: 'tab:host'; tabId: number }
  /**
   * Content script → background, when its first compose appears: inject the engine script into
   * the sender's frame (src/content/engine-api.ts).
   */
  | { type: 'engine:load' };
