/**
 * The content script's page controller: finds compose windows (webmail adapters, the demo
 * page), keeps one ComposeController per compose, answers the popup (ContentRequest), tells the
 * background the toolbar badge, and follows settings changes.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Severity } from '../engine/types';
import { browserLanguage } from '../i18n';
import { CONTENT_MESSAGE_TYPES, isMessage, sendToBackground, senderOf, type ContentRequest, type DraftChanged, type DraftSummary } from '../messages';
import { normalizeName } from '../engine/audience';
import type { OverlayRoot } from '../overlay/overlay';
import {
  applyPolicy,
  getSettings,
  historyChecker,
  lookupHistory,
  isSiteEnabled,
  policyKeepsOn,
  readPolicy,
  updateSettings,
  watchEffectiveSettings,
  DEFAULT_SETTINGS,
  type OrgPolicy,
  type Settings,
} from '../settings';
import { isRecipientName } from '../settings/validate';
import type { ComposeSession } from '../webmail/types';
import type { ComposeController, DraftState, RunTiming } from './compose-controller';
import { SendRecorder } from './send-record';
import { SendGuard } from './send-guard';
import type { ContentEngine } from './engine-api';
import { loadEngine } from './engine-loader';

/**
 * Finds compose sessions not yet known (the adapters' entry point, or the demo's). A session
 * for a known editor is only taken as an upgrade (see isUpgrade); otherwise it is disposed.
 */
export type ComposeFinder = (doc: Document, known: ReadonlySet<HTMLElement>) => ComposeSession[];

/** Rescan for composes this long after the page's DOM starts changing (webmail UIs churn). */
const RESCAN_MS = 300;
/**
 * Sooner when the change added an editor (a compose opening): the first underlines wait for
 * detection. Not at once: the webmail may still be filling the compose in (its Send, subject).
 */
const EDITOR_RESCAN_MS = 30;
/** Added elements looked into per mutation batch; past this the batch counts as adding an editor. */
const MAX_ADDED_CHECKED = 200;
const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';

/** Whether a mutation batch added an editable element (or too many elements to tell cheaply). */
function addsEditor(records: readonly MutationRecord[]): boolean {
  let checked = 0;
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (++checked > MAX_ADDED_CHECKED) return true;
      const el = n as Element;
      if (el.matches(EDITABLE) || el.querySelector(EDITABLE)) return true;
    }
  }
  return false;
}
/**
 * The overlay's host element, made at page load (the tests and the benchmark read its figures);
 * the overlay inside it is built by the compose UI when the first compose appears.
 */
const OVERLAY_TAG = 'nemawashi-overlay';

export interface ControllerOptions {
  finders: ComposeFinder[];
  signal: AbortSignal;
  /** performance.now() when the content script started (for the start-up figure). */
  startedAt: number;
  /**
   * The page's host name for the per-site switch: location.hostname, or the origin's host in a
   * frame the page created (about:blank has no host of its own). Default: location.hostname.
   */
  hostname?: string;
}

interface Pending {
  session: ComposeSession;
  state?: DraftState;
  /** Stops recording this compose's Send (its controller records from then on). */
  offSend: () => void;
}

export class ContentController {
  /** The overlay's (empty) host element, from page load. */
  private readonly host: HTMLElement;
  /** The overlay, built in `host` once the compose UI has loaded (with the engine). */
  private root: OverlayRoot | null = null;
  private readonly composes = new Map<HTMLElement, ComposeController>();
  /** Composes found while the engine and the compose UI load: they get their controller then. */
  private readonly pending = new Map<HTMLElement, Pending>();
  private settings: Settings = DEFAULT_SETTINGS;
  /** Whether `settings` holds the stored settings yet (loadSettings: once the page holds an editor). */
  private settingsLoaded = false;
  private settingsLoad: Promise<void> | null = null;
  /** The organisation's policy, for what the card may offer (the settings already include it). */
  private policy: OrgPolicy | null = null;
  private current: ComposeController | null = null;
  private rescanTimer = 0;
  /** performance.now() when the scheduled rescan runs. */
  private rescanDue = 0;
  private lastBadge = '';
  /** The browser's UI language, asked when the first compose gets its controller. */
  private browserLanguage: string | undefined;
  private runs = 0;
  /** Once per compose, trusted events only, a per-minute cap (src/content/send-record.ts). */
  private readonly sends = new SendRecorder((addresses) => this.sendHistoryRecord(addresses));
  /** The engine, once loaded (engine-loader.ts): not before the first compose appears. */
  private engine: ContentEngine | null = null;
  private engineLoading = false;
  /** Waiting for the engine: the check at Send of a compose opened a moment ago. */
  private engineWaiters: Array<() => void> = [];

  constructor(
    private readonly doc: Document,
    private readonly opts: ControllerOptions,
  ) {
    this.host = doc.createElement(OVERLAY_TAG);
    doc.documentElement.appendChild(this.host);
    opts.signal.addEventListener('abort', () => this.host.remove(), { once: true });
    this.host.dataset.mainStart = opts.startedAt.toFixed(1);
  }

  async start(): Promise<void> {
    const { signal } = this.opts;
    signal.addEventListener('abort', () => this.disposeAll());
    browser.runtime.onMessage.addListener(this.onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(this.onMessage));

    const mo = new MutationObserver((records) => this.scheduleRescan(addsEditor(records) ? EDITOR_RESCAN_MS : RESCAN_MS));
    mo.observe(this.doc.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => mo.disconnect());
    // A compose can appear inside an existing node (Gmail reuses its containers): focus is the
    // earliest sure sign the user is about to type in one.
    this.doc.addEventListener('focusin', () => this.rescan(), { capture: true, signal });

    this.rescan();
    this.host.dataset.startupMs = (performance.now() - this.opts.startedAt).toFixed(1);
  }

  /**
   * The user's settings with the organisation's policy applied (src/settings/policy.ts), and
   * the check at Send, from the first time the page holds an editor: not at page load, where
   * the reads, the repair of the stored value and the policy were most of our work in a tab
   * that may never open a compose (issue 12). Read once, then the watcher follows changes.
   */
  private loadSettings(): Promise<void> {
    this.settingsLoad ??= (async () => {
      const { signal } = this.opts;
      const [user, policy] = await Promise.all([getSettings().catch(() => DEFAULT_SETTINGS), readPolicy()]);
      if (signal.aborted) return;
      this.settings = applyPolicy(user, policy.policy);
      this.policy = policy.policy;
      this.settingsLoaded = true;
      this.host.dataset.settingsRead = performance.now().toFixed(1);
      const unwatch = watchEffectiveSettings((s, p) => {
        this.settings = s;
        this.policy = p.policy;
        if (!isSiteEnabled(s, this.hostname)) {
          this.disposeAll();
          return;
        }
        this.rescan();
        for (const c of this.composes.values()) c.run();
      }, { user, policy });
      signal.addEventListener('abort', unwatch);
      // The check at Send: only composes of a site adapter have a Send to hold.
      new SendGuard(
        this.doc.defaultView ?? window,
        {
          composes: () => [...this.composes.values()].filter((c) => c.session.adapter !== 'generic' && c.session.isAlive()),
          threshold: () => this.settings.sendThreshold,
          dialog: (doc, view, done) => {
            if (!this.engine) throw new Error('the compose UI is not loaded');
            return this.engine.ui.sendCheckDialog(doc, view, done);
          },
        },
        signal,
      );
    })();
    return this.settingsLoad;
  }

  /**
   * Loads the engine the first time a compose needs it; composes added meanwhile are analysed
   * when it is ready. A failed load is retried for the next compose that appears.
   */
  private requireEngine(): void {
    if (this.engine || this.engineLoading) return;
    this.engineLoading = true;
    const d = this.host.dataset;
    d.engineRequested = performance.now().toFixed(1);
    loadEngine(this.opts.signal)
      .then(({ engine, timing }) => {
        if (this.opts.signal.aborted) return;
        this.engine = engine;
        for (const resolve of this.engineWaiters.splice(0)) resolve();
        // Figures for the benchmark and the tests.
        d.debounceMs = String(engine.ui.debounceMs);
        d.engineInjectMs = timing.injectMs.toFixed(1);
        d.engineWarmupMs = timing.warmUpMs.toFixed(1);
        d.engineLongestSliceMs = timing.longestSliceMs.toFixed(1);
        d.engineLongestSlice = timing.longestSlice;
        d.engineReadyMs = timing.totalMs.toFixed(1);
        // The composes found meanwhile get their controller (and their first analysis) now.
        const waiting = [...this.pending.values()];
        this.pending.clear();
        for (const p of waiting) {
          p.offSend();
          if (p.session.isAlive() && isSiteEnabled(this.settings, this.hostname)) this.add(p.session, p.state);
          else p.session.dispose();
        }
        this.host.dataset.composes = String(this.composes.size + this.pending.size);
        for (const c of this.composes.values()) c.run();
      })
      .catch((err: unknown) => console.warn('nemawashi: could not load the engine', err))
      .finally(() => {
        this.engineLoading = false;
      });
  }

  private get hostname(): string {
    return this.opts.hostname ?? location.hostname;
  }

  /** One rescan `delay` ms from now, or sooner if one is already due sooner (bursts coalesce). */
  private scheduleRescan(delay: number): void {
    const due = performance.now() + delay;
    if (this.rescanTimer) {
      if (this.rescanDue <= due) return;
      clearTimeout(this.rescanTimer);
    }
    this.rescanDue = due;
    this.rescanTimer = window.setTimeout(() => {
      this.rescanTimer = 0;
      this.rescan();
    }, delay);
  }

  /** Drops composes that closed, adds new ones. */
  rescan(): void {
    if (this.opts.signal.aborted) return;
    if (!this.settingsLoaded) {
      // No editor, nothing to find: the settings wait for one (loadSettings), then this runs again.
      if (!this.settingsLoad && this.doc.querySelector(EDITABLE)) void this.loadSettings().then(() => this.rescan());
      return;
    }
    if (!isSiteEnabled(this.settings, this.hostname)) return;
    for (const [editor, c] of this.composes) {
      if (!c.session.isAlive()) {
        c.dispose();
        this.composes.delete(editor);
        if (this.current === c) this.current = null;
      }
    }
    for (const [editor, p] of this.pending) {
      if (!p.session.isAlive()) {
        p.offSend();
        p.session.dispose();
        this.pending.delete(editor);
      }
    }
    const known = new Set([...this.composes.keys(), ...this.pending.keys()]);
    for (const find of this.opts.finders) {
      let found: ComposeSession[] = [];
      try {
        found = find(this.doc, known);
      } catch (err) {
        // An adapter that breaks on a changed UI must not break the page.
        console.warn('nemawashi: compose detection failed', err);
      }
      for (const session of found) {
        const existing = this.composes.get(session.editor);
        if (existing && isUpgrade(existing.session, session)) {
          this.replace(existing, session);
          continue;
        }
        const waiting = this.pending.get(session.editor);
        if (waiting && isUpgrade(waiting.session, session)) {
          waiting.offSend();
          waiting.session.dispose();
          this.wait(session, waiting.state);
          continue;
        }
        if (known.has(session.editor)) {
          session.dispose();
          continue;
        }
        known.add(session.editor);
        this.add(session);
      }
    }
    this.host.dataset.composes = String(this.composes.size + this.pending.size);
  }

  /**
   * A compose's controller, overlay and first analysis, once the engine and the compose UI are
   * loaded; until then the session waits in `pending` (null).
   */
  private add(session: ComposeSession, state?: DraftState): ComposeController | null {
    const engine = this.engine;
    if (!engine) {
      this.wait(session, state);
      this.requireEngine();
      return null;
    }
    this.root ??= engine.ui.overlayRoot(this.doc, this.opts.signal, this.host);
    this.browserLanguage ??= browserLanguage();
    const c = engine.ui.compose(
      session,
      {
        root: this.root,
        settings: () => this.settings,
        browserLanguage: this.browserLanguage,
        engine: () => this.engine,
        whenEngine: () => (this.engine ? Promise.resolve() : new Promise<void>((resolve) => this.engineWaiters.push(resolve))),
        disableRule: (id) => this.disableRule(id),
        canDisableRule: (id) => !policyKeepsOn(this.policy, id),
        recordSend: (trigger, composeId, draft) => this.sends.record(trigger, composeId, draft),
        mapName: (name, audience) => this.mapName(name, audience),
        lookupHistory,
        historyChecker,
        rendered: (compose, timing) => this.rendered(compose, timing),
        touched: (compose) => {
          this.current = compose;
          this.sendBadge();
        },
      },
      state,
    );
    this.composes.set(session.editor, c);
    c.run();
    return c;
  }

  /**
   * A compose waiting for the engine: nothing to show yet, but a Send the user makes meanwhile
   * still enters the first-contact history (once per compose, as the controller would record it).
   */
  private wait(session: ComposeSession, state?: DraftState): void {
    const offSend = session.onSend((draft, trigger) => void this.sends.record(trigger, session.id, draft));
    this.pending.set(session.editor, { session, state, offSend });
  }

  /**
   * The site adapter took over a compose it had left to the generic one: same editor, same id,
   * and the user's decisions for the draft (ignored findings, audience, pause) carry over.
   */
  private replace(old: ComposeController, session: ComposeSession): void {
    const state = old.state;
    // First: the old overlay clears its highlights by id, which the new one reuses.
    old.dispose();
    const c = this.add(session, state);
    if (this.current === old) this.current = c;
  }

  private disposeAll(): void {
    for (const c of this.composes.values()) c.dispose();
    this.composes.clear();
    for (const p of this.pending.values()) {
      p.offSend();
      p.session.dispose();
    }
    this.pending.clear();
    this.current = null;
    this.sendBadge();
  }

  /**
   * How the last analysis was sliced (tasks, windows, longest slice), for the tests and the
   * benchmark: inside the closed shadow root, so the page cannot read it (tests reach it through
   * DevTools, tests/e2e/shadow.ts).
   */
  private figures: HTMLElement | null = null;

  private rendered(compose: ComposeController, timing: RunTiming): void {
    if (!this.figures && this.root) {
      this.figures = this.doc.createElement('div');
      this.figures.className = 'figures';
      this.figures.hidden = true;
      this.root.shadow.append(this.figures);
    }
    if (this.figures) {
      const f = this.figures.dataset;
      f.lastSlices = String(timing.slices);
      f.lastWindows = String(timing.windows);
      f.lastLongestSliceMs = timing.longestSliceMs.toFixed(1);
      f.lastLongestUnitMs = (timing.longestUnit?.ms ?? 0).toFixed(1);
      f.lastLongestUnit = timing.longestUnit?.stage ?? '';
      f.lastAnalyzeMs = timing.analyzeMs.toFixed(1);
      f.lastChars = String(timing.chars);
    }
    this.runs++;
    // Figures for the benchmark and the tests (read from the page through the host's attributes).
    const d = this.host.dataset;
    d.runs = String(this.runs);
    d.lastCompose = compose.id;
    d.lastReadMs = timing.readMs.toFixed(2);
    d.lastAnalyzeMs = timing.analyzeMs.toFixed(2);
    d.lastRenderMs = timing.renderMs.toFixed(2);
    d.lastRunStart = timing.startedAt.toFixed(2);
    d.lastRunEnd = timing.endedAt.toFixed(2);
    d.lastWords = String(timing.words);
    if (!this.current) this.current = compose;
    if (compose === this.current) this.sendBadge();
  }

  private focused(): ComposeController | null {
    const active = this.doc.activeElement;
    for (const [editor, c] of this.composes) if (active && (editor === active || editor.contains(active))) return c;
    if (this.current && this.current.session.isAlive()) return this.current;
    return this.composes.values().next().value ?? null;
  }

  private sendBadge(): void {
    const c = this.focused();
    const count = c ? c.findings.length : 0;
    const maxSeverity: Severity | null = c ? c.worst : null;
    const key = `${count}|${maxSeverity}`;
    if (key === this.lastBadge) return;
    this.lastBadge = key;
    sendToBackground({ type: 'badge:update', count, maxSeverity }).catch(() => {
      // The background may be restarting; the next render sends it again.
      this.lastBadge = '';
    });
  }

  private disableRule(ruleId: string): void {
    if (!this.settings.disabledRules.includes(ruleId)) {
      // Take effect at once here; storage then tells every tab.
      this.settings = { ...this.settings, disabledRules: [...this.settings.disabledRules, ruleId] };
    }
    updateSettings((s) => ({ ...s, disabledRules: s.disabledRules.includes(ruleId) ? s.disabledRules : [...s.disabledRules, ruleId] })).catch(
      (err) => console.warn('nemawashi: could not save the rule setting', err),
    );
  }

  /**
   * The user chose the audience of a recipient shown by name only (from the badge): one map
   * entry per name, replacing an earlier choice for it; takes effect here at once, and storage
   * tells every tab (and the next reload).
   */
  private mapName(name: string, audience: 'ja' | 'us'): void {
    const match = name.replace(/\s+/g, ' ').trim();
    if (!isRecipientName(match)) return;
    const key = normalizeName(match);
    const put = (s: Settings): Settings => ({
      ...s,
      audienceMap: [...s.audienceMap.filter((m) => !(m.kind === 'name' && normalizeName(m.match) === key)), { match, kind: 'name' as const, audience }],
    });
    this.settings = put(this.settings);
    updateSettings(put).catch((err) => console.warn('nemawashi: could not save the recipient setting', err));
  }

  private sendHistoryRecord(addresses: string[]): void {
    // The background is the only writer of the history: it validates the addresses and caps
    // what one tab adds per minute. If it does not answer, the record is lost (a later send to
    // the same people records them), which is safer than a second, unchecked writer here.
    sendToBackground({ type: 'history:record', addresses }).catch(() => undefined);
  }

  private byId(id: string): ComposeController | undefined {
    for (const c of this.composes.values()) if (c.id === id) return c;
    return undefined;
  }

  /**
   * Popup → content. Returns undefined for messages that are not ours (other listeners answer),
   * and for any sender but our own pages (the popup, the background).
   */
  private readonly onMessage = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isMessage<ContentRequest>(message, CONTENT_MESSAGE_TYPES) || senderOf(sender)?.kind !== 'page') return undefined;
    const answer = this.handle(message);
    return answer === undefined ? undefined : Promise.resolve(answer);
  };

  private get isTopFrame(): boolean {
    try {
      return window.top === window;
    } catch {
      return false;
    }
  }

  /**
   * Answers a popup request, or returns undefined when it is not this frame's to answer: the
   * popup's message reaches every frame of the tab (a pop-out compose runs in a frame of its
   * own) and the first answer wins, so a frame without the compose stays silent. When no frame
   * answers, the popup shows "no draft".
   */
  handle(req: ContentRequest): DraftSummary | null | DraftChanged | undefined {
    if (req.type === 'summary:get') {
      const c = this.focused();
      return c ? c.summary() : this.isTopFrame && !this.doc.querySelector('iframe, frame') ? null : undefined;
    }
    const c = this.byId(req.composeId);
    if (!c) return undefined;
    let ok = true;
    switch (req.type) {
      case 'finding:reveal':
        ok = c.reveal(req.key);
        break;
      case 'finding:apply':
        ok = c.applyFinding({ key: req.key, start: req.start, end: req.end }) === 'applied';
        break;
      case 'draft:set-audience':
        c.setAudience(req.packs, req.region, req.sector);
        break;
      case 'draft:reset-audience':
        c.resetAudience();
        break;
      case 'draft:set-first-contact':
        c.setFirstContact(req.value);
        break;
      case 'draft:pause':
        c.setPaused(req.paused);
        break;
    }
    this.current = c;
    this.sendBadge();
    return { ok, summary: c.summary() };
  }
}

/** A site adapter's session for an editor the generic adapter held (a half-rendered compose). */
function isUpgrade(held: ComposeSession, found: ComposeSession): boolean {
  return held !== found && held.adapter === 'generic' && found.adapter !== 'generic' && held.editor === found.editor;
}
