/**
 * The compose UI, loaded with the engine (entrypoints/engine.ts) when the first compose appears:
 * the overlay (underlines, card, badge), the per-compose controller and the check-at-Send
 * dialog, the check at Send and the settings code. None of it is needed on a webmail page with no
 * draft open, so the page-load script (entrypoints/content.ts) holds only the compose watcher, the
 * adapters, the one read of whether the site is turned off (site-switch.ts) and the overlay's
 * empty host element, and reaches this through the engine's interface (engine-api.ts).
 */
import { browser } from 'wxt/browser';
import { SendCheckDialog, type SendCheckChoice, type SendCheckView } from '../overlay/send-check';
import { OverlayRoot } from '../overlay/overlay';
import {
  applyPolicy,
  getSettings,
  historyChecker,
  lookupHistory,
  policyKeepsOn,
  readPolicy,
  updateSettings,
  watchEffectiveSettings,
  DEFAULT_SETTINGS,
  type OrgPolicy,
  type PolicyRead,
  type Settings,
  type SettingsUpdate,
} from '../settings';
import { SETTINGS_KEY } from '../settings/stored';
import { isRecipientName } from '../settings/validate';
import { ComposeController, DEBOUNCE_MS, type ComposeHost, type DraftState } from './compose-controller';
import { SendGuard, type SendGuardHost } from './send-guard';
import type { ComposeSession } from '../webmail/types';

/**
 * The settings as the content script uses them once a compose is checked: read and watched with
 * the organisation's policy applied, and changed from the card. Here, with the engine, rather than
 * in the page-load script (site-switch.ts reads the one setting it needs before the engine).
 */
export interface ComposeSettings {
  /**
   * The user's settings (the defaults if they cannot be read) and, apart, the organisation's
   * policy: each read when the engine script ran (again if it changed since), for the content
   * script's one call. Apart because the first read of managed storage in a browser session can
   * wait seconds for Chromium to load the policy (controller.ts does not hold a compose for it).
   */
  readUser(): Promise<Settings>;
  readPolicy(): Promise<PolicyRead>;
  applyPolicy(user: Settings, policy: OrgPolicy | null): Settings;
  watch: typeof watchEffectiveSettings;
  update(update: SettingsUpdate): Promise<Settings>;
  policyKeepsOn(policy: OrgPolicy | null, ruleId: string): boolean;
  isRecipientName(name: string): boolean;
  lookupHistory: typeof lookupHistory;
  historyChecker: typeof historyChecker;
}

export interface ComposeUi {
  /** The analysis debounce (ms), for the benchmark's latency figure. */
  readonly debounceMs: number;
  /** The page's overlay, built inside the host element the content script made at page load. */
  overlayRoot(doc: Document, signal: AbortSignal, host: HTMLElement): OverlayRoot;
  compose(session: ComposeSession, host: ComposeHost, state?: DraftState): ComposeController;
  sendCheckDialog(doc: Document, view: SendCheckView, done: (choice: SendCheckChoice, dontAsk: boolean, event: Event) => void): SendCheckDialog;
  /** The check at Send on this window, from now until `signal` aborts (send-guard.ts). */
  guardSend(win: Window, host: SendGuardHost, signal: AbortSignal): void;
  readonly settings: ComposeSettings;
}

/**
 * A read started as soon as the engine script runs, so that it overlaps the engine's warm-up
 * instead of following it on the way to a cold compose's first underlines; given once, to the
 * content script's one call, or read again if what it reads changed in storage meanwhile.
 */
function earlyRead<T>(read: () => Promise<T>, changes: (changes: Record<string, unknown>, area: string) => boolean): () => Promise<T> {
  let early: Promise<T> | null = read();
  let changed = false;
  const onChanged = (c: Record<string, unknown>, area: string) => {
    if (changes(c, area)) changed = true;
  };
  try {
    browser.storage.onChanged.addListener(onChanged);
  } catch {
    changed = true;
  }
  return () => {
    const kept = early;
    early = null;
    try {
      browser.storage.onChanged.removeListener(onChanged);
    } catch {
      // Nothing was listening.
    }
    return kept && !changed ? kept : read();
  };
}

export function createComposeUi(): ComposeUi {
  const readUser = earlyRead(() => getSettings().catch(() => DEFAULT_SETTINGS), (c, area) => area === 'sync' && SETTINGS_KEY in c);
  const readOrgPolicy = earlyRead(readPolicy, (_c, area) => area === 'managed');
  return {
    debounceMs: DEBOUNCE_MS,
    overlayRoot: (doc, signal, host) => new OverlayRoot(doc, signal, { host }),
    compose: (session, host, state) => new ComposeController(session, host, state),
    sendCheckDialog: (doc, view, done) => new SendCheckDialog(doc, view, done),
    guardSend: (win, host, signal) => void new SendGuard(win, host, signal),
    settings: {
      readUser,
      readPolicy: readOrgPolicy,
      applyPolicy,
      watch: watchEffectiveSettings,
      update: updateSettings,
      policyKeepsOn,
      isRecipientName,
      lookupHistory,
      historyChecker,
    },
  };
}
