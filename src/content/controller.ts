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
import { isSiteEnabled } from '../settings/context';
import { DEFAULT_SETTINGS, type Settings } from '../settings/types';
import type { OrgPolicy, PolicyRead } from '../settings/policy';
import type { ComposeSession } from '../webmail/types';
import type { ComposeController, DraftState, RunTiming } from './compose-controller';
import { SendRecorder } from './send-record';
import type { ContentEngine } from './engine-api';
import { compileTablesAtIdle, loadEngine, nextTask } from './engine-loader';
import { siteTurnedOff, watchSiteSwitch } from './site-switch';

/**
 * Finds compose sessions not yet known (the adapters' entry point, or the demo's). A session
 * for a known editor is only taken as an upgrade (see isUpgrade); otherwise it is disposed.
 */
export type ComposeFinder = (doc: Document, known: ReadonlySet<HTMLElement>) => ComposeSession[];

/** Rescan for composes this long after the page's DOM starts changing (webmail UIs churn). */
const RESCAN_MS = 300;
/**
 * Sooner when the change added an editor (a compose opening): the first underlines wait for
 * detection. A batch that holds an editor is scanned at once too, so that the engine's injection
 * starts then (issue 12: a cold compose's first underlines), and again this long after, as the
 * webmail may still be filling the compose in (its Send, subject): a compose the site adapter
 * does not recognise yet gets the generic adapter and is upgraded then (src/webmail/index.ts).
 * At most one scan at once per EDITOR_RESCAN_MS.
 */
const EDITOR_RESCAN_MS = 30;
/** How long a cold compose's first check waits for the organisation's policy (useEngine). */
const POLICY_WAIT_MS = 400;
/** Added elements looked into per mutation batch; past this the batch counts as adding an editor. */
const MAX_ADDED_CHECKED = 200;
const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';

/**
 * Whether a mutation batch added an editable element ('editor'), or too many elements to tell
 * cheaply ('maybe': a page building itself, scanned soon but not at once), or neither (false).
 */
function addsEditor(records: readonly MutationRecord[]): 'editor' | 'maybe' | false {
  let checked = 0;
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (++checked > MAX_ADDED_CHECKED) return 'maybe';
      const el = n as Element;
      if (el.matches(EDITABLE) || el.querySelector(EDITABLE)) return 'editor';
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
  /** The settings with the policy applied: read in full with the engine (useEngine). */
  private settings: Settings = DEFAULT_SETTINGS;
  /**
   * Whether the site is turned off: unknown (null) until the page first holds an editor
   * (checkSite), then from the one read site-switch.ts makes, then from the full settings.
   */
  private siteOff: boolean | null = null;
  private siteCheck: Promise<void> | null = null;
  /** Until the engine's settings watcher takes over: the page-load script's watch of the switch. */
  private unwatchSite: (() => void) | null = null;
  /** The organisation's policy, for what the card may offer (the settings already include it). */
  private policy: OrgPolicy | null = null;
  private current: ComposeController | null = null;
  private rescanTimer = 0;
  /** performance.now() when the scheduled rescan runs. */
  private rescanDue = 0;
  /** performance.now() of the last scan made at once for an added editor (EDITOR_RESCAN_MS). */
  private editorScannedAt = -Infinity;
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

    const mo = new MutationObserver((records) => {
      const added = addsEditor(records);
      if (added === 'editor' && performance.now() - this.editorScannedAt >= EDITOR_RESCAN_MS) {
        this.editorScannedAt = performance.now();
        this.rescan();
      }
      this.scheduleRescan(added ? EDITOR_RESCAN_MS : RESCAN_MS);
    });
    mo.observe(this.doc.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => mo.disconnect());
    // A compose can appear inside an existing node (Gmail reuses its containers): focus is the
    // earliest sure sign the user is about to type in one.
    this.doc.addEventListener('focusin', () => this.rescan(), { capture: true, signal });

    this.rescan();
    this.host.dataset.startupMs = (performance.now() - this.opts.startedAt).toFixed(1);
  }

  /**
   * Whether the user turned this site off, read the first time the page holds an editor: not at
   * page load, in a tab that may never open a compose (issue 12). Until the engine (and the
   * settings in full) are loaded, a change of the stored settings reads it again.
   */
  private checkSite(): Promise<void> {
    this.siteCheck ??= (async () => {
      const { signal } = this.opts;
      const read = async () => {
        const off = await siteTurnedOff(this.hostname);
        if (signal.aborted || this.engine) return;
        this.siteOff = off;
        if (off) this.disposeAll();
        else this.rescan();
      };
      this.unwatchSite = watchSiteSwitch(() => void read());
      signal.addEventListener('abort', () => this.unwatchSite?.());
      this.siteOff = await siteTurnedOff(this.hostname);
      this.host.dataset.settingsRead = performance.now().toFixed(1);
    })();
    return this.siteCheck;
  }

  /**
   * With the engine: the user's settings with the organisation's policy applied (read in full,
   * then followed by a watcher), and the check at Send.
   */
  private async useEngine(engine: ContentEngine): Promise<void> {
    const { signal } = this.opts;
    const access = engine.ui.settings;
    const policyRead = access.readPolicy();
    const user = await access.readUser();
    // The policy as soon as it is read, but not at any cost: the first read of managed storage
    // after the browser starts waited 4.5 s in the bench (Chromium loading the policy). Past
    // POLICY_WAIT_MS the compose is checked with the user's settings alone, and once the policy
    // is there the settings are read again with it and every compose is checked again.
    const policy = await Promise.race([policyRead, new Promise<null>((resolve) => setTimeout(() => resolve(null), POLICY_WAIT_MS))]);
    if (signal.aborted) return;
    this.unwatchSite?.();
    this.unwatchSite = null;
    // Settings in effect from now: every compose is checked again (none stays on a site turned off).
    const apply = (s: Settings, p: PolicyRead | null) => {
      this.settings = s;
      this.policy = p?.policy ?? null;
      this.siteOff = !isSiteEnabled(s, this.hostname);
    };
    const recheck = () => {
      if (this.siteOff) {
        this.disposeAll();
        return;
      }
      this.rescan();
      for (const c of this.composes.values()) c.run();
    };
    const follow = (user: Settings, policy: PolicyRead) => {
      const unwatch = access.watch((s, p) => {
        apply(s, p);
        recheck();
      }, { user, policy });
      signal.addEventListener('abort', unwatch);
    };
    this.host.dataset.enginePolicy = policy ? 'read' : 'late';
    if (policy) {
      apply(access.applyPolicy(user, policy.policy), policy);
      follow(user, policy);
    } else {
      apply(user, null);
      void policyRead.then(async (late) => {
        const now = await access.readUser();
        if (signal.aborted) return;
        apply(access.applyPolicy(now, late.policy), late);
        this.host.dataset.enginePolicy = 'read';
        follow(now, late);
        recheck();
      });
    }
    // The check at Send: only composes of a site adapter have a Send to hold.
    engine.ui.guardSend(
      this.doc.defaultView ?? window,
      {
        composes: () => [...this.composes.values()].filter((c) => c.session.adapter !== 'generic' && c.session.isAlive()),
        threshold: () => this.settings.sendThreshold,
        dialog: (doc, view, done) => engine.ui.sendCheckDialog(doc, view, done),
      },
      signal,
    );
    this.engine = engine;
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
      .then(async ({ engine, timing }) => {
        if (this.opts.signal.aborted) return;
        await this.useEngine(engine);
        if (this.opts.signal.aborted) return;
        for (const resolve of this.engineWaiters.splice(0)) resolve();
        // Figures for the benchmark and the tests.
        d.debounceMs = String(engine.ui.debounceMs);
        d.engineInjectMs = timing.injectMs.toFixed(1);
        d.engineWarmupMs = timing.warmUpMs.toFixed(1);
        d.engineLongestSliceMs = timing.longestSliceMs.toFixed(1);
        d.engineLongestSlice = timing.longestSlice;
        d.engineReadyMs = timing.totalMs.toFixed(1);
        // The composes found meanwhile get their controller (and their first analysis) now, each
        // in a task of its own: the loader's last warm-up slice and the settings' read may have
        // ended in this one (on a cold engine a compose's overlay and first slice are 20-30 ms).
        // They stay in `pending` until their turn, where a rescan meanwhile finds them (or their
        // upgrade to a site adapter); a compose that appears now is added at once (the engine is here).
        while (this.pending.size > 0 && !this.opts.signal.aborted) {
          await nextTask();
          const first = this.pending.entries().next();
          if (first.done) break;
          const [editor, p] = first.value;
          this.pending.delete(editor);
          p.offSend();
          if (p.session.isAlive() && !this.siteOff) this.add(p.session, p.state);
          else p.session.dispose();
        }
        // add() ran each one's first analysis: no second run here (it superseded the first and
        // analysed and drew the same draft again, in the same task, on a cold engine).
        this.host.dataset.composes = String(this.composes.size + this.pending.size);
        // The tables no analysis has used yet, once the page is idle (after those analyses).
        compileTablesAtIdle(engine, this.opts.signal);
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
    if (this.siteOff === null) {
      // No editor, nothing to find: the site's switch waits for one (checkSite), then this runs again.
      if (!this.siteCheck && this.doc.querySelector(EDITABLE)) void this.checkSite().then(() => this.rescan());
      return;
    }
    if (this.siteOff) return;
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
    const taskStartedAt = performance.now();
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
        canDisableRule: (id) => !engine.ui.settings.policyKeepsOn(this.policy, id),
        recordSend: (trigger, composeId, draft) => this.sends.record(trigger, composeId, draft),
        mapName: (name, audience) => this.mapName(name, audience),
        lookupHistory: engine.ui.settings.lookupHistory,
        historyChecker: engine.ui.settings.historyChecker,
        rendered: (compose, timing) => this.rendered(compose, timing),
        touched: (compose) => {
          this.current = compose;
          this.sendBadge();
        },
      },
      state,
    );
    this.composes.set(session.editor, c);
    c.run({ taskStartedAt });
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
    // The card that offers this exists only once the engine (and its settings code) is loaded.
    this.engine?.ui.settings.update((s) => ({ ...s, disabledRules: s.disabledRules.includes(ruleId) ? s.disabledRules : [...s.disabledRules, ruleId] })).catch(
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
    const access = this.engine?.ui.settings;
    if (!access || !access.isRecipientName(match)) return;
    const key = normalizeName(match);
    const put = (s: Settings): Settings => ({
      ...s,
      audienceMap: [...s.audienceMap.filter((m) => !(m.kind === 'name' && normalizeName(m.match) === key)), { match, kind: 'name' as const, audience }],
    });
    this.settings = put(this.settings);
    access.update(put).catch((err) => console.warn('nemawashi: could not save the recipient setting', err));
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
